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
	[ -s "$SHARE/research" ]
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

@test "points: a point about the brain says it is the guide's account" {
	run awk -F'\t' '
		$1 == "point" && tolower($3) ~ /brain|amygdala|cortisol|cortex|striatum|hpa|neuro|circuit|physical pain/ &&
			$3 !~ /guide/ { print NR ": " $3 }' "$SHARE/points"
	assert_clean
}

@test "points: the Summary's last paragraph, letting go as a choice, has a key point" {
	run awk -F'\t' '
		NR == FNR { if ($1 == "section" && $3 == "summary") summary = $2; next }
		$1 == "point" && $2 == summary && $3 ~ /conscious, adaptive choice/ { found = 1 }
		END { if (!found) print "no key point of the Summary on letting go as a choice" }
		' "$SHARE/guide" "$SHARE/points"
	assert_clean
}

@test "points and reminders: no cannot, always, never or every where the guide says can or may" {
	run -1 grep -n -i -w -E "cannot|can’t|can't|always|never|every" "$SHARE/points" "$SHARE/reminders"
	[ -z "$output" ]
	[ -z "$stderr" ]
}

@test "reminders: at least 35 entries, none empty, none repeated" {
	# Repeated also when only case, spacing or punctuation differ.
	run awk '
		function end_entry(  key) {
			n++
			key = tolower(entry)
			gsub(/[^a-z]+/, " ", key)
			if (entry !~ /[^ \t\n]/) print "entry " n " (before line " NR ") is empty"
			else if (entry ~ /^\n/ || entry ~ /\n\n$/)
				print "entry " n " (before line " NR ") starts or ends with a blank line"
			else if (key in seen) print "entry " n " repeats entry " seen[key]
			else seen[key] = n
			entry = ""
		}
		$0 == "%" { end_entry(); next }
		{ entry = entry $0 "\n" }
		END { end_entry(); if (n < 35) print n " entries, expected at least 35" }
		' "$SHARE/reminders"
	assert_clean
	[ "$(grep -cx % "$SHARE/reminders")" -ge 34 ]
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

# The question banks, against the rules set for their content.

@test "self.bank: 25 to 30 items on five scales, each with 5 or more items and 2 reversed" {
	local n scale
	n=$(bank_field self item | wc -l)
	[ "$n" -ge 25 ] && [ "$n" -le 30 ] || { echo "$n items"; return 1; }
	[ "$(bank_field self scale | cut -f 2 | tr '\n' ' ')" = "walls reaching strain reciprocity boundaries " ]
	for scale in walls reaching strain reciprocity boundaries; do
		n=$(bank_field self item | awk -F'\t' -v s="$scale" '$3 == s' | wc -l)
		[ "$n" -ge 5 ] || { echo "$scale: $n items"; return 1; }
		n=$(bank_field self item | awk -F'\t' -v s="$scale" '$3 == s && $4 == "-"' | wc -l)
		[ "$n" -ge 2 ] || { echo "$scale: $n reversed"; return 1; }
	done
}

@test "self.bank: answers 1 to 5, equal-thirds bands, one safety message and no alert records" {
	local message
	[ "$(bank_field self answer | cut -f 2 | tr '\n' ' ')" = "1 2 3 4 5 " ]
	[ "$(bank_field self band | cut -f 2,3 | tr '\t\n' '= ')" = "low=1.0 moderate=2.4 high=3.7 " ]
	[ "$(bank_field self safety | wc -l)" -eq 1 ] || { echo "not one safety record"; return 1; }
	[ "$(bank_field self safety | awk -F'\t' '{ print NF }')" -eq 2 ] ||
		{ echo "safety: $(bank_field self safety)"; return 1; }
	[ "$(bank_field self alert | wc -l)" -eq 0 ] || { bank_field self alert; return 1; }
	message=$(bank_field self safety 2)
	local want
	for want in "someone you trust" "domestic-abuse service" "emergency services" \
		"journal" "chmod 600" " rm "; do
		[[ $message == *"$want"* ]] || { echo "safety message without '$want'"; return 1; }
	done
}

@test "self.bank: one intro, above the first statement" {
	run awk -F'\t' '
		$1 == "intro" { n++; if (NF != 2) print NR ": intro of " NF " fields"
			if (asked) print NR ": intro below the first statement" }
		$1 == "item" || $1 == "signal" { asked = 1 }
		END { if (n != 1) print n + 0 " intro records" }' "$SHARE/self.bank"
	assert_clean
}

@test "self.bank: every signal is due on a range of answers at one end, and is on no scale" {
	run awk -F'\t' '
		$1 == "answer" { if (low == "") low = $2; high = $2; value[$2] = 1 }
		$1 == "item" || $1 == "signal" { if ($2 in id) print NR ": id " $2 " again"; id[$2] = 1 }
		$1 == "signal" {
			n++
			if (NF != 5) { print NR ": signal of " NF " fields"; next }
			if (!($3 in value) || !($4 in value)) print NR ": " $3 " to " $4 " is not in the answers"
			else if ($3 + 0 > $4 + 0) print NR ": " $3 " to " $4 " runs backwards"
			else if ($3 + 0 != low && $4 + 0 != high) print NR ": " $3 " to " $4 " is at neither end"
			else if ($3 + 0 <= (low + high) / 2 && $4 + 0 >= (low + high) / 2)
				print NR ": " $3 " to " $4 " takes in the middle answer"
		}
		END { if (n < 5) print n + 0 " signals, expected 5 or more" }' "$SHARE/self.bank"
	assert_clean
}

@test "self.bank: signals cover fear, pressure, control, monitoring, threats and isolation; one is due low" {
	# The comment line just above each signal says what it covers.
	run awk -F'\t' '
		$1 == "answer" && low == "" { low = $2 }
		$1 == "signal" {
			if (prev !~ /^# covers: [a-z]+$/) print NR ": no \"# covers:\" line above " $2
			else covered[substr(prev, 11)]++
			if ($3 + 0 == low) lows++
		}
		{ prev = $0 }
		END {
			n = split("fear pressure control monitoring threats isolation", want, " ")
			for (i = 1; i <= n; i++) if (!(want[i] in covered)) print "no signal covers " want[i]
			if (!lows) print "no signal is due on a low answer"
		}' "$SHARE/self.bank"
	assert_clean
}

@test "self.bank: every scale has a rise; no result points to Letting Go or the Summary" {
	run awk -F'\t' '
		NR == FNR { if ($1 == "section") slug[$2] = $3; next }
		$1 == "scale" { scale[$2] = 1 }
		$1 == "rise" { rise[$2]++ }
		$1 == "read" && (slug[$4] == "letting-go" || slug[$4] == "summary") {
			print FNR ": " $2 " " $3 " points to " slug[$4]
		}
		END { for (s in scale) if (rise[s] != 1) print s ": " rise[s] + 0 " rise records" }
		' "$SHARE/guide" "$SHARE/self.bank"
	assert_clean
}

@test "self.bank: statements are second person, one idea, no question marks" {
	local text n=0
	while IFS= read -r text; do
		n=$((n + 1))
		[[ $text == *[Yy]ou* ]] || { echo "not second person: $text"; return 1; }
		[[ $text != *"?"* ]] || { echo "a question: $text"; return 1; }
		[[ $text != *" and/or "* ]] || { echo "double: $text"; return 1; }
		[[ $text == *. ]] || { echo "no full stop: $text"; return 1; }
	done < <(bank_field self item 5; bank_field self signal 5)
	[ "$n" -ge 30 ]
}

@test "know.bank: 15 to 25 questions of 3 to 5 choices over all six sections, one intro above them" {
	local n id
	n=$(bank_field know question | wc -l)
	[ "$n" -ge 15 ] && [ "$n" -le 25 ] || { echo "$n questions"; return 1; }
	for id in $(bank_field know question 2); do
		n=$(bank_field know choice | awk -F'\t' -v q="$id" '$2 == q' | wc -l)
		[ "$n" -ge 3 ] && [ "$n" -le 5 ] || { echo "$id: $n choices"; return 1; }
	done
	[ "$(bank_field know question 3 | sort -u | tr '\n' ' ')" = "1 2 3 4 5 6 " ]
	run awk -F'\t' '
		$1 == "intro" { n++; if (NF != 2) print NR ": intro of " NF " fields"
			if (asked) print NR ": intro below the first question" }
		$1 == "question" { asked = 1 }
		END { if (n != 1) print n + 0 " intro records" }' "$SHARE/know.bank"
	assert_clean
}

@test "know.bank: every question quotes one part of its own section of the guide" {
	run awk -F'\t' '
		NR == FNR { if ($1 == "line") part[$2, $3] = 1; next }
		$1 == "question" { section[$2] = $3; order[++n] = $2 }
		$1 == "quote" {
			if (NF != 3) { print FNR ": quote of " NF " fields"; next }
			if (!($2 in section)) print FNR ": quote of no question above, " $2
			else if (!((section[$2], $3) in part))
				print FNR ": " $2 ": section " section[$2] " has no part " $3
			quotes[$2]++
		}
		END { for (i = 1; i <= n; i++) if (quotes[order[i]] != 1)
			print order[i] ": " quotes[order[i]] + 0 " quote records" }
		' "$SHARE/guide" "$SHARE/know.bank"
	assert_clean
}

@test "know.bank: a question whose answer rests on a claim the research qualifies has a note" {
	# The claims of RESEARCH.md's table, and of its method section on
	# attachment types and coercive control, by the words that name them
	# in the question or its right choice.
	run awk -F'\t' '
		$1 == "question" { q = $2; text[q] = $5; right[q] = index("abcdefghijklmnopqrstuvwxyz", $4)
			order[++n] = q; k = 0 }
		$1 == "choice" && ++k == right[$2] { text[$2] = text[$2] " " $3 }
		$1 == "note" { note[$2] = $3 }
		END {
			for (i = 1; i <= n; i++) {
				q = order[i]; t = tolower(text[q])
				if (t ~ /amygdala|threat detector|danger|cingulate|cortisol|hormone|hpa|prefrontal|striatum|reward system|attachment|anxious|avoidant|secure|coercive|stonewall|healthy love/ &&
					!(q in note))
					print q ": no note: " text[q]
			}
		}' "$SHARE/know.bank"
	assert_clean
}

@test "know.bank: notes say what the research says, and name only its sources" {
	run awk -F'\t' '
		BEGIN {
			# The sources RESEARCH.md names, by name and year.
			split("Fraley Waller Brennan Wei Bartholomew Horowitz Jacobson Eisenberger Woo Vrtička Powers Buhle Fisher Coan Gottman", w, " ")
			for (i in w) named[w[i]] = 1
			split("1991 2000 2003 2006 2007 2008 2010 2011 2014 2015 2017 2022", y, " ")
			for (i in y) year[y[i]] = 1
		}
		$1 == "question" { q[$2] = tolower($5) }
		$1 != "note" { next }
		{
			t = $3
			while (match(t, /[[:upper:]][^ ,;()]* (et al\.|&)/)) {
				name = substr(t, RSTART, RLENGTH); sub(/ .*/, "", name)
				if (!(name in named)) print FNR ": " $2 " names " name
				t = substr(t, RSTART + RLENGTH)
			}
			t = $3
			while (match(t, /[0-9][0-9][0-9][0-9]/)) {
				if (!(substr(t, RSTART, 4) in year)) print FNR ": " $2 " cites " substr(t, RSTART, 4)
				t = substr(t, RSTART + 4)
			}
			if ($3 ~ /not been studied this way|rests largely|small study/)
				print FNR ": " $2 " says more than the research"
			if ($3 ~ /cortisol/ && $3 !~ /attachment pattern/)
				print FNR ": " $2 ": cortisol without attachment pattern"
			if ((q[$2] ~ /attachment (pattern|style)/) && $3 !~ /dimension/)
				print FNR ": " $2 ": attachment types without the dimensions"
			if (q[$2] ~ /coercive/ || $3 ~ /coercive/)
				if ($3 !~ /coercive control/ || $3 !~ /unwanted pursuit/)
					print FNR ": " $2 ": coercive control without unwanted pursuit"
		}' "$SHARE/know.bank"
	assert_clean
	[ "$(bank_field know note | wc -l)" -ge 8 ]
}

@test "know.bank: the right answer is given away by neither its letter nor its length" {
	# Letters: each of a, b and c is the answer to at least a fifth of
	# the questions and none to more than half; no run of four, and no
	# pattern that repeats every one, two or three questions. Length, in
	# characters: the right choice is longer than every other in at most
	# a third of the questions, and shorter than every other in at most
	# a third.
	run env LC_ALL=C awk -F'\t' '
		$1 == "question" { n++; id[n] = $2; letter[n] = $4; count[$4]++; k = 0 }
		$1 == "choice" {
			k++; t = $3; gsub(/[\200-\277]/, "", t)
			len[$2, k] = length(t); choices[$2] = k
		}
		END {
			for (l in count) if (count[l] * 2 > n) print "answer " l " to " count[l] " of " n
			split("a b c", abc, " ")
			for (i = 1; i <= 3; i++)
				if (count[abc[i]] * 5 < n) print "answer " abc[i] " to " count[abc[i]] + 0 " of " n
			for (p = 1; p <= 3; p++) {
				same = 1
				for (i = p + 1; i <= n; i++) if (letter[i] != letter[i - p]) same = 0
				if (same) print "the answers repeat every " p
			}
			for (i = 4; i <= n; i++)
				if (letter[i] == letter[i - 1] && letter[i] == letter[i - 2] && letter[i] == letter[i - 3])
					print "four " letter[i] " in a row, to " id[i]
			for (i = 1; i <= n; i++) {
				q = id[i]; r = index("abcdefghijklmnopqrstuvwxyz", letter[i])
				longest = shortest = 1
				for (j = 1; j <= choices[q]; j++) {
					if (j == r) continue
					if (len[q, j] >= len[q, r]) longest = 0
					if (len[q, j] <= len[q, r]) shortest = 0
				}
				nlong += longest; nshort += shortest
			}
			if (nlong * 3 > n) print "the right choice is the longest in " nlong " of " n
			if (nshort * 3 > n) print "the right choice is the shortest in " nshort " of " n
		}' "$SHARE/know.bank"
	assert_clean
}

# The tests below run the tools on the data, so they need tools that read
# its records (intro, signal, safety without a threshold, quote); the
# checks above are awk over the files alone.

@test "every bank parses, and every section a result points to is in the guide" {
	local bank asked
	for bank in self know; do
		run quiz -k "$bank" -l || { echo "$bank"; return 1; }
		# Every item, signal or question of the bank, numbered, is in the
		# questionnaire.
		asked=$(awk -F'\t' '$1 == "item" || $1 == "signal" || $1 == "question"' \
			"$SHARE/$bank.bank" | wc -l)
		[ "$(grep -c '^[0-9]*\. ' <<< "$output")" -eq "$asked" ] ||
			{ echo "$bank: not $asked statements"; return 1; }
	done
	for n in $( (bank_field self read 4; bank_field know question 3) | sort -u); do
		run section "$n"
		assert_output_file <(golden_section "$n")
	done
}

@test "quiz -l: each bank's intro is its first line" {
	local bank
	for bank in self know; do
		run quiz -k "$bank" -l
		[ "${lines[0]}" = "$(bank_field "$bank" intro 2)" ] ||
			{ printf '%s: first line %s\n' "$bank" "${lines[0]}"; return 1; }
	done
}

@test "score: a signal makes the safety message due on its range of answers, and only there" {
	local T=2026-06-01T09:00:00Z id from to v message items
	message=$(bank_field self safety 2)
	items=$(bank_field self item 2 | sed 's/$/=3/')
	while IFS=$'\t' read -r id from to; do
		for v in $(bank_field self answer 2); do
			session self $T $items "$id=$v" > "$TMP/s"
			run score "$TMP/s"
			if [ "$v" -ge "$from" ] && [ "$v" -le "$to" ]; then
				[ "${lines[${#lines[@]} - 1]}" = "$T${TAB}self${TAB}safety$TAB$message" ] ||
					{ echo "$id $v: no safety message"; return 1; }
			else
				[[ $output != *"${TAB}safety$TAB"* ]] ||
					{ echo "$id $v: a safety message"; return 1; }
			fi
		done
	done < <(bank_field self signal | cut -f 2-4)
}

@test "score: signals count on no scale" {
	# Every item answered 3, every signal 5: each scale's mean is 3.0.
	local T=2026-06-01T09:00:00Z
	session self $T $(bank_field self item 2 | sed 's/$/=3/') \
		$(bank_field self signal 2 | sed 's/$/=5/') > "$TMP/s"
	run score "$TMP/s"
	diff -u <(bank_field self scale 2 | sed "s/^/$T${TAB}self$TAB/; s/\$/${TAB}3.0${TAB}moderate/") \
		<(grep -v "${TAB}safety$TAB" <<< "$output" | cut -f 1-5)
}

@test "quiz -l -k know: each question quotes its part of the guide word for word" {
	# A paragraph is quoted once for each question that names its part;
	# a part of several lines, such as section 4's brain, gives them all.
	run quiz -k know -l
	local want text
	while IFS=$'\t' read -r want text; do
		[ "$(grep -cF -- "${text#- }" <<< "$output")" -ge "$want" ] ||
			{ echo "quoted fewer than $want times: $text"; return 1; }
	done < <(awk -F'\t' '
		NR == FNR { if ($1 == "line") { key = $2 SUBSEP $3; text[key] = text[key] $4 "\n" }; next }
		$1 == "question" { section[$2] = $3 }
		$1 == "quote" { times[section[$2], $3]++ }
		END {
			for (k in times) {
				n = split(text[k], t, "\n")
				for (i = 1; i < n; i++) print times[k] "\t" t[i]
			}
		}' "$SHARE/guide" "$SHARE/know.bank")
}

# The research notes of section -c.

# The studies the notes of share/research name, one a line, sorted.
research_studies() {
	awk -F'\t' '$1 == "note" { n = split($4, s, "; "); for (i = 1; i <= n; i++) print s[i] }' \
		"$SHARE/research" | sort -u
}

# The studies hearth(7)'s REFERENCES lists, one a line, sorted: the bold
# words that start each item of its list.
referenced_studies() {
	sed -n '/^# REFERENCES/,/^# /p' "$HEARTH_TOP/man/hearth.7.scd" |
		sed -n 's/^- \*\([^*]*\)\*.*/\1/p' | sort -u
}

@test "research: every record has the right fields, on a part of a section of the guide" {
	run awk -F'\t' '
		NR == FNR { if ($1 == "line") part[$2, $3] = 1; next }
		/^#/ || /^$/ { next }
		$1 != "note" { print FNR ": unknown record " $1; next }
		NF != 5 { print FNR ": " NF " fields, expected 5"; next }
		{
			for (i = 1; i <= NF; i++)
				if ($i == "" || $i ~ /^ / || $i ~ / $/)
					print FNR ": field " i " is empty or has outer spaces"
		}
		!(($2, $3) in part) { print FNR ": section " $2 " has no part " $3 }
		$4 ~ /;[^ ]|; ;|;$|^;/ { print FNR ": sources not separated by \"; \": " $4 }
		$5 ~ /not been studied this way|rests (largely )?on|small study/ {
			print FNR ": says more than the research"
		}
		' "$SHARE/guide" "$SHARE/research"
	assert_clean
	[ "$(grep -c $'^note\t' "$SHARE/research")" -ge 10 ]
}

@test "research: the notes name only studies of the background research, and only in SOURCES" {
	run comm -23 <(research_studies) <(grep -v '^#' "$FIX/research-studies" | sort -u)
	assert_clean
	[ "$(research_studies | wc -l)" -ge 8 ]
	# No name and year, "et al." or "&" in a note's TEXT: a study is
	# named in SOURCES, where the lists above see it.
	run awk -F'\t' '
		$1 == "note" && ($5 ~ /et al\.|&/ || $5 ~ /[[:upper:]][^ ]* (19|20)[0-9][0-9]/) {
			print FNR ": " $5
		}' "$SHARE/research"
	assert_clean
}

@test "research: hearth(7)'s REFERENCES lists exactly the studies the notes name" {
	[ "$(referenced_studies | wc -l)" -ge 8 ]
	diff -u <(research_studies) <(referenced_studies)
	run comm -23 <(referenced_studies) <(grep -v '^#' "$FIX/research-studies" | sort -u)
	assert_clean
}

@test "research: each paragraph whose claim the research qualifies has a note naming the study" {
	# The claims RESEARCH.md qualifies, by the words that make them in
	# the guide's paragraphs, and the studies a note on each must name.
	run awk -F'\t' '
		NR == FNR { if ($1 == "note") sources[$2, $3] = sources[$2, $3] $4 "; "; next }
		$1 != "line" { next }
		{ t = tolower($4); s = sources[$2, $3] }
		t ~ /amygdala/ && t ~ /threat/ && s !~ /Vrtička et al\. 2008/ { print FNR ": amygdala without Vrtička" }
		t ~ /cortisol/ && t !~ /releasing cortisol/ && s !~ /Powers et al\. 2006/ {
			print FNR ": cortisol without Powers"
		}
		t ~ /physical pain/ && s !~ /Eisenberger et al\. 2003/ { print FNR ": pain without Eisenberger" }
		t ~ /attachment styles|avoidant attachment/ && s !~ /Fraley et al\. 2015/ {
			print FNR ": attachment types without Fraley"
		}
		t ~ /coercive/ && s !~ /Serious Crime Act/ { print FNR ": coercion without the law" }
		t ~ /striatum/ && s !~ /Fisher et al\. 2010/ { print FNR ": striatum without Fisher" }
		t ~ /stonewalling/ && s !~ /Gottman/ { print FNR ": stonewalling without Gottman" }
		' "$SHARE/research" "$SHARE/guide"
	assert_clean
}

@test "know.bank: every study a note names is in hearth(7)'s REFERENCES" {
	# "Coan et al., 2006" and "Bartholomew & Horowitz, 1991" as
	# REFERENCES writes them: "Coan et al. 2006".
	awk -F'\t' '$1 == "note" {
		t = $3
		while (match(t, /[[:upper:]][^ ,;()]*( et al\.| & [[:upper:]][^ ,;()]*),? [0-9][0-9][0-9][0-9]/)) {
			s = substr(t, RSTART, RLENGTH); sub(/,/, "", s); print s
			t = substr(t, RSTART + RLENGTH)
		}
	}' "$SHARE/know.bank" | sort -u > "$TMP/named"
	[ "$(wc -l < "$TMP/named")" -ge 5 ]
	run comm -23 "$TMP/named" <(referenced_studies)
	assert_clean
}
