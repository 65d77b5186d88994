load ../helper

# Lint of the data files in the source tree ($SHARE). Each check prints the
# offending lines, so a failure says where to look.

# The files of share/, completions and examples too; fails when there
# are none.
share_files() {
	mapfile -t FILES < <(find "$SHARE" -type f | sort)
	[ "${#FILES[@]}" -ge 3 ] || { echo "only ${#FILES[@]} files in $SHARE"; return 1; }
}

# A check that passed: status 0, nothing on stdout or stderr.
assert_clean() {
	[ "$status" -eq 0 ] && [ -z "$output" ] && [ -z "$stderr" ] || {
		printf 'status %s\n%s\n%s\n' "$status" "$output" "$stderr"
		return 1
	}
}

@test "the data files are there" {
	share_files
	[ -s "$SHARE/guide" ]
	[ -s "$SHARE/points" ]
	[ -s "$SHARE/reminders" ]
}

@test "every data file is valid UTF-8" {
	local f
	share_files
	for f in "${FILES[@]}"; do
		run iconv -f UTF-8 -t UTF-8 "$f" || { echo "$f"; return 1; }
		[ "$output" = "$(cat "$f")" ]
	done
}

@test "no data file has a carriage return" {
	local f
	share_files
	for f in "${FILES[@]}"; do
		run -1 grep -n $'\r' "$f" || { echo "$f"; return 1; }
		[ -z "$output" ]
		[ -z "$stderr" ]
	done
}

@test "no data file has trailing blanks or tabs" {
	local f
	share_files
	for f in "${FILES[@]}"; do
		run -1 grep -n '[[:blank:]]$' "$f" || { echo "$f"; return 1; }
		[ -z "$output" ]
		[ -z "$stderr" ]
	done
}

@test "every data file ends with a newline" {
	local f
	share_files
	for f in "${FILES[@]}"; do
		[ -s "$f" ]
		run bash -c 'tail -c 1 "$1" | od -An -tx1' _ "$f"
		[ "${output// /}" = 0a ] || { echo "$f ends with byte $output"; return 1; }
	done
}

@test "guide: every record has the right fields" {
	run awk -F'\t' '
		/^#/ || /^$/ { next }
		$1 != "section" && $1 != "line" { print NR ": unknown record " $1; next }
		NF != 4 { print NR ": " NF " fields, expected 4"; next }
		{
			for (i = 1; i <= NF; i++)
				if ($i == "" || $i ~ /^ / || $i ~ / $/)
					print NR ": field " i " is empty or has outer spaces"
		}
		$1 == "section" && $2 !~ /^[1-9][0-9]*$/ { print NR ": bad number " $2 }
		$1 == "section" && $3 !~ /^[a-z][a-z0-9-]*[a-z0-9]$/ { print NR ": bad slug " $3 }
		$1 == "line" && $3 !~ /^[a-z][a-z0-9-]*[a-z0-9]$/ { print NR ": bad part " $3 }
		' "$SHARE/guide"
	assert_clean
	# The check saw the records.
	[ "$(grep -c $'^section\t' "$SHARE/guide")" -eq 6 ]
}

@test "points: every record has the right fields" {
	run awk -F'\t' '
		/^#/ || /^$/ { next }
		$1 != "point" { print NR ": unknown record " $1; next }
		NF != 3 { print NR ": " NF " fields, expected 3"; next }
		{
			for (i = 1; i <= NF; i++)
				if ($i == "" || $i ~ /^ / || $i ~ / $/)
					print NR ": field " i " is empty or has outer spaces"
		}
		' "$SHARE/points"
	assert_clean
	[ "$(grep -c $'^point\t' "$SHARE/points")" -gt 0 ]
}

@test "guide: sections are numbered 1 to 6 in order, slugs unique" {
	run awk -F'\t' '$1 == "section" { print $2 }' "$SHARE/guide"
	[ "$output" = "$(seq 1 6)" ]

	run bash -c \
		'awk -F"\t" '\''$1 == "section" { print $3 }'\'' "$1" | sort | uniq -d' _ \
		"$SHARE/guide"
	assert_clean
}

@test "points: every section 1 to 6 has 2 to 4 key points, no other section any" {
	run awk -F'\t' '
		NR == FNR { if ($1 == "section") { want[$2] = 1; order[++n] = $2 }; next }
		$1 == "point" { count[$2]++; if (!($2 in want)) print "point of unknown section " $2 }
		END {
			if (n != 6) print n " sections, expected 6"
			for (k = 1; k <= n; k++)
				if (count[order[k]] < 2 || count[order[k]] > 4)
					print "section " order[k] ": " count[order[k]] + 0 " key points"
		}' "$SHARE/guide" "$SHARE/points"
	assert_clean
}

@test "reminders: at least 30 entries, none empty, none repeated" {
	run awk '
		function end_entry() {
			n++
			if (entry !~ /[^ \t\n]/) print "entry " n " (before line " NR ") is empty"
			else if (entry ~ /^\n/ || entry ~ /\n\n$/)
				print "entry " n " (before line " NR ") starts or ends with a blank line"
			else if (entry in seen) print "entry " n " repeats entry " seen[entry]
			else seen[entry] = n
			entry = ""
		}
		$0 == "%" { end_entry(); next }
		{ entry = entry $0 "\n" }
		END { end_entry(); if (n < 30) print n " entries, expected at least 30" }
		' "$SHARE/reminders"
	assert_clean
	[ "$(grep -cx % "$SHARE/reminders")" -ge 29 ]
}

@test "reminders: no line looks like a separator without being one" {
	# A separator is a line of exactly "%": a "%%", " %" or "% " line
	# would be read as part of an entry.
	run awk '
		$0 != "%" && /^[ \t]*%+[ \t]*$/ { print NR ": " $0 }
		' "$SHARE/reminders"
	assert_clean
}

@test "guide: the headings and lines in order are the golden guide" {
	run bash -c \
		'awk -F"\t" '\''$1 == "section" || $1 == "line" { print $4 }'\'' "$1" |
			cmp - "$2"' _ "$SHARE/guide" "$GOLDEN/guide.txt"
	assert_clean
}

# The question banks, against the rules their issue set for the content.

@test "self.bank: 25 to 30 items on five scales, each with 5 or more items and 2 reversed" {
	local n scale
	n=$(bank_field self item | wc -l)
	[ "$n" -ge 25 ]
	[ "$n" -le 30 ]
	[ "$(bank_field self scale | cut -f 2 | tr '\n' ' ')" = "walls reaching strain reciprocity readiness " ]
	for scale in walls reaching strain reciprocity readiness; do
		n=$(bank_field self item | awk -F'\t' -v s="$scale" '$3 == s' | wc -l)
		[ "$n" -ge 5 ] || { echo "$scale: $n items"; return 1; }
		n=$(bank_field self item | awk -F'\t' -v s="$scale" '$3 == s && $4 == "-"' | wc -l)
		[ "$n" -ge 2 ] || { echo "$scale: $n reversed"; return 1; }
	done
}

@test "self.bank: answers 1 to 5, equal-thirds bands, a safety line with alert items" {
	[ "$(bank_field self answer | cut -f 2 | tr '\n' ' ')" = "1 2 3 4 5 " ]
	[ "$(bank_field self band | cut -f 2,3 | tr '\t\n' '= ')" = "low=1.0 moderate=2.4 high=3.7 " ]
	[ "$(bank_field self alert | wc -l)" -ge 2 ]
	[[ $(bank_field self safety | cut -f 3) == *"domestic-abuse service"* ]]
	[[ $(bank_field self safety | cut -f 3) == *"emergency services"* ]]
}

@test "self.bank: statements are second person, one idea, no question marks" {
	local text
	while IFS= read -r text; do
		[[ $text == *[Yy]ou* ]] || { echo "not second person: $text"; return 1; }
		[[ $text != *"?"* ]] || { echo "a question: $text"; return 1; }
		[[ $text != *" and/or "* ]] || { echo "double: $text"; return 1; }
		[[ $text == *. ]] || { echo "no full stop: $text"; return 1; }
	done < <(bank_field self item | cut -f 5)
}

@test "know.bank: 15 or more questions of 3 to 5 choices over all five sections" {
	local n id
	n=$(bank_field know question | wc -l)
	[ "$n" -ge 15 ]
	for id in $(bank_field know question | cut -f 2); do
		n=$(bank_field know choice | awk -F'\t' -v q="$id" '$2 == q' | wc -l)
		[ "$n" -ge 3 ] && [ "$n" -le 5 ] || { echo "$id: $n choices"; return 1; }
	done
	[ "$(bank_field know question | cut -f 3 | sort -u | grep -c '^[1-5]$')" -eq 5 ]
	[ "$(bank_field know note | wc -l)" -ge 4 ]
}

@test "every bank parses, and every section a result points to is in the guide" {
	local bank
	for bank in self know; do
		run quiz -k "$bank" -l || { echo "$bank"; return 1; }
		# Every item or question of the bank, numbered, is in the questionnaire.
		[ "$(grep -c '^[0-9]*\. ' <<< "$output")" -eq "$(bank_ids "$bank" | wc -l)" ]
	done
	for n in $( (bank_field self read 4; bank_field know question 3) | sort -u); do
		run section "$n"
		assert_output_file <(golden_section "$n")
	done
}
