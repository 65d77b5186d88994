load helper

# Expected texts come from the golden copy of the guide ($GOLDEN/guide.txt)
# and from the guide's records ($SHARE/guide), never from the tool itself.

setup() {
	OUT=$TMP/out
}

# The golden guide with a blank line before every heading but the first:
# what a wrapped guide reads like once its paragraphs are joined again.
golden_with_breaks() {
	awk -F'\t' '
		NR == FNR { if ($1 == "section") heading[$4] = 1; next }
		FNR > 1 && ($0 in heading) { print "" }
		{ print }' "$SHARE/guide" "$GOLDEN/guide.txt"
}

# The texts of the guide's lines of part $1 (of section $2 only, if
# given), in order, one a line.
guide_part() {
	awk -F'\t' -v part="$1" -v n="${2:-}" '$1 == "line" && $3 == part && (n == "" || $2 == n) { print $4 }' \
		"$SHARE/guide"
}

# What section -f PART N... prints (with no N, every section): the
# lines of part $1 of each section, worked out from the records, and with
# more than one section asked for, before each section's lines its
# marker, the line of -l: number, slug and title (the heading without
# "NUMBER. ").
marked_part() {
	awk -F'\t' -v part="$1" -v want=" ${*:2} " '
		$1 == "section" {
			order[++n] = $2; slug[$2] = $3; title[$2] = $4
			if (index($4, $2 ". ") == 1 && length($4) > length($2) + 2)
				title[$2] = substr($4, length($2) + 3)
		}
		$1 == "line" && $3 == part { text[$2] = text[$2] $4 "\n" }
		END {
			m = split(want, w, " ")
			if (m == 0) for (i = 1; i <= n; i++) w[++m] = order[i]
			for (i = 1; i <= m; i++) {
				s = w[i]
				if (text[s] == "") continue
				if (m > 1) print s "\t" slug[s] "\t" title[s]
				printf "%s", text[s]
			}
		}' "$SHARE/guide"
}

# The lines of the code block of section(1) after the line that starts
# with $1: the command as a reader copies it from the page.
page_example() {
	page_block section.1 "$1"
}

# Characters (not bytes) in $1.
char_count() {
	local LC_ALL=C.UTF-8
	echo "${#1}"
}

# The widest word of the golden guide, in columns.
longest_word() {
	tr -s ' ' '\n' < "$GOLDEN/guide.txt" | LC_ALL=C.UTF-8 wc -L
}

@test "section with no reference prints the guide byte for byte" {
	run bash -c 'section > "$1"' _ "$OUT"
	[ -z "$output" ]
	cmp "$GOLDEN/guide.txt" "$OUT"
}

@test "section 1 prints section 1 word for word: the guide's first 4 lines" {
	run bash -c 'section 1 > "$1"' _ "$OUT"
	[ -z "$output" ]
	cmp <(head -n 4 "$GOLDEN/guide.txt") "$OUT"
	cmp <(golden_section 1) "$OUT"
}

@test "every section number prints that section of the golden guide" {
	local n count=0
	for n in $(awk -F'\t' '$1 == "section" { print $2 }' "$SHARE/guide"); do
		run section "$n"
		assert_output_file <(golden_section "$n")
		count=$((count + 1))
	done
	[ "$count" -eq 6 ]
}

@test "section 3 by number, slug, prefix and upper-case prefix" {
	local ref
	for ref in 3 letting-go let LET Letting-Go l; do
		run section "$ref"
		assert_output_file <(golden_section 3)
	done
}

@test "several references print in the order given, repeats included" {
	run section 5 1
	assert_output_file <(golden_section 5; golden_section 1)

	run section home walls home
	assert_output_file <(golden_section 5; golden_section 1; golden_section 5)
}

@test "a whole slug wins over a longer slug it begins; a shared prefix is ambiguous" {
	data_copy
	append_line guide 'section\t7\thometown\t7. Hometown'
	append_line guide 'line\t7\tplace\tA place.'

	run section home
	assert_output_file <(golden_section 5)

	run section homet
	assert_output_file <(printf '7. Hometown\nA place.\n')

	run -1 section hom
	assert_error "section: 'hom' could mean more than one section (see section -l)"
}

@test "section -l lists number, slug and title of every section" {
	run section -l
	assert_output_file <(awk -F'\t' '$1 == "section" {
		title = $4
		if (index(title, $2 ". ") == 1)
			title = substr(title, length($2) + 3)
		print $2 "\t" $3 "\t" title }' "$SHARE/guide")
	[ "${#lines[@]}" -eq 6 ]
	[ "${lines[5]}" = $'6\tsummary\tSummary' ]
}

@test "section -l with references lists only those, in order" {
	run section -l 2 4
	assert_output_file <(section -l | awk -F'\t' '$1 == 2 || $1 == 4')
	[ "${#lines[@]}" -eq 2 ]

	run section -l home 1
	assert_output_file <(section -l | awk -F'\t' '$1 == 5'; section -l | awk -F'\t' '$1 == 1')
}

@test "section -f neuroscience 2 prints the one neuroscience paragraph of section 2" {
	local want
	want=$(awk -F'\t' '$1 == "line" && $2 == 2 && $3 == "neuroscience" { print $4 }' \
		"$SHARE/guide")
	[ -n "$want" ]
	golden_section 2 | grep -Fxq -- "$want"
	for part in neuroscience neuro n; do
		run section -f "$part" 2
		[ "${#lines[@]}" -eq 1 ]
		[ "$output" = "$want" ]
	done
}

@test "section -f neuroscience prints every section's neuroscience paragraph after its marker" {
	run section -f neuroscience
	assert_output_file <(marked_part neuroscience)
	# Sections without the part (4 and 6) are skipped, markers and all;
	# headings never shown.
	[ "$(grep -vc "$TAB" <<< "$output")" -eq "$(guide_part neuroscience | wc -l)" ]
	[ "$(grep -c "$TAB" <<< "$output")" -eq 4 ]
	[[ $output != *"$(awk -F'\t' '$1 == "section" && $2 == 1 { print $4 }' "$SHARE/guide")"* ]]
	run -1 section -f neuroscience 4 6
	assert_error "section: no part 'neuroscience' in the sections asked for"
}

@test "section -f with an unknown part is an error with no output" {
	run -1 section -f x
	assert_error "section: no part 'x' in the sections asked for"

	run -1 section -f x 1 2
	assert_error "section: no part 'x' in the sections asked for"
}

@test "section -f part names are matched without regard to case, like references" {
	run section -f Neuroscience 1
	[ "$output" = "$(guide_part neuroscience | head -n 1)" ]
	run section -f NEURO
	assert_output_file <(marked_part neuroscience)
}

@test "section -f takes the next argument as its value, even --help" {
	run -1 section -f --help 1
	assert_error "section: no part '--help' in the sections asked for"
	run -2 section -lf --version 1
	assert_usage_message section "-l and -f cannot be used together"
}

@test "section -l with -f is a usage error" {
	run -2 section -l -f neuroscience
	assert_usage_message section "-l and -f cannot be used together"
}

@test "section -f with an ambiguous part prefix is an error" {
	data_copy
	append_line guide 'line\t2\tneurology\t- Neurology: a test paragraph.'

	run -1 section -f neuro 2
	assert_error "section: part 'neuro' could mean neuroscience or neurology"

	# The whole name still works, and the prefix where it is not ambiguous.
	run section -f neurology 2
	[ "$output" = "- Neurology: a test paragraph." ]
	run section -f neuro 1
	[ "$output" = "$(guide_part neuroscience | head -n 1)" ]
}

@test "section -f with a whole part name wins over longer names it begins" {
	data_copy
	append_line guide 'line\t2\tneurology\t- Neurology: a test paragraph.'
	append_line guide 'line\t2\tneuro\t- Neuro: a test paragraph.'

	run section -f neuro 2
	[ "$output" = "- Neuro: a test paragraph." ]

	run section -f neuro 1 2
	[ "$output" = "2${TAB}reaching${TAB}The Persistent Partner – Reaching Out"$'\n'"- Neuro: a test paragraph." ]
}

@test "section -f with several sections marks each with its line of -l, in the order asked" {
	run section -f neuro 5 1 2 2
	assert_output_file <(marked_part neuroscience 5 1 2 2)
	[ "$(grep "$TAB" <<< "$output")" = "$(section -l 5 1 2 2)" ]
	[ "${#lines[@]}" -eq 8 ]
	# A section without the part has no marker; references from stdin
	# count as the others do.
	run section -f neuro 4 3
	[ "$output" = "$(section -l 3)"$'\n'"$(guide_part neuroscience 3)" ]
	run section -f neuro - <<< $'3\n1'
	assert_output_file <(marked_part neuroscience 3 1)
}

@test "section -f with one section prints no marker, by any reference" {
	local ref
	for ref in 2 reaching rea; do
		run section -f neuro "$ref"
		[ "$output" = "$(guide_part neuroscience 2)" ]
	done
	run section -f neuro - <<< reaching
	[ "$output" = "$(guide_part neuroscience 2)" ]
	run section -f psychology 4
	[ "$output" = "$(guide_part psychology 4)" ]
}

@test "no paragraph, heading or note holds a tab: a marker is the only line that does" {
	run section -c
	[[ $output != *"$TAB"* ]]
	run section -c -f neuro
	[ "$(grep -c "$TAB" <<< "$output")" -eq 4 ]
	[ "$(grep -v "$TAB" <<< "$output" | grep -v '^Research note (')" = "$(guide_part neuroscience)" ]
}

@test "section(1)'s awk examples read the markers as the page says" {
	local example
	example=$(page_example "Print the neuroscience paragraphs of section 2 only")
	[[ $example == "section -f neuroscience | awk "* ]]
	run bash -c "$example"
	[ "$output" = "$(guide_part neuroscience 2)" ]
	[ -n "$output" ]

	example=$(page_example "slug of its section and a colon")
	[[ $example == "section -f neuroscience |"* ]]
	run bash -c "$example"
	assert_output_file <(awk -F'\t' '$1 == "section" { slug[$2] = $3 }
		$1 == "line" && $3 == "neuroscience" { print slug[$2] ": " $4 }' "$SHARE/guide")
}

@test "section -f marks the same at a terminal as into a pipe" {
	run_at_terminal 'section -f neuro 1 2'
	[ "$output" = "$(section -w 1000 -f neuro 1 2)" ]
	[ "${lines[0]}" = "$(section -l 1)" ]
	[[ $output == *$'\n\n'"$(section -l 2)"$'\n'* ]]
	run_at_terminal 'section -f neuro 2'
	[ "$output" = "$(guide_part neuroscience 2)" ]
}

@test "section - reads references from stdin, one a line" {
	run section - <<< $'5\n\n# a comment\n  walls  \n\tlet\t'
	assert_output_file <(golden_section 5; golden_section 1; golden_section 3)
}

@test "section - skips the lines every hearth file skips, and no others" {
	# Blank lines and lines whose first character is # are skipped, as in
	# hearth-files(5); a # after blanks starts a reference, which is unknown.
	run section - <<< $'1\n \t \n#2\n# 3\n4'
	assert_output_file <(golden_section 1; golden_section 4)
	local tool
	for tool in section summary; do
		run -1 "$tool" - <<< $'1\n  # a note'
		assert_error "$tool: stdin:2: no section '# a note' (see section -l)" ||
			{ echo "$tool"; return 1; }
	done
}

@test "section - accepts CRLF lines and a last line without newline" {
	run section - < <(printf '2\r\n# note\r\n\r\n home \r\n4')
	assert_output_file <(golden_section 2; golden_section 5; golden_section 4)
}

@test "section 1 - 3 puts the references from stdin in position" {
	run section 1 - 3 <<< $'6\n2'
	assert_output_file <(for n in 1 6 2 3; do golden_section "$n"; done)
}

@test "section - with empty stdin prints nothing" {
	run section - < /dev/null
	[ -z "$output" ]
}

@test "an unknown reference on stdin names stdin and its line" {
	run -1 section - <<< $'1\n\n# x\nnope\n2'
	assert_error "section: stdin:4: no section 'nope' (see section -l)"

	run -1 section 1 - <<< $'\r\nnope\r'
	assert_error "section: stdin:2: no section 'nope' (see section -l)"
}

@test "a stdin line that is not text, or too long, is an error" {
	run -1 section - < <(printf '1\n2\377\n')
	assert_error "section: stdin:2: invalid UTF-8"

	run -1 section - < <(printf '1\n\n3\0\n')
	assert_error "section: stdin:3: NUL byte in line"

	run -1 section - < <(printf '1\n'; head -c 70000 /dev/zero | tr '\0' a; printf '\n2\n')
	assert_error "section: stdin:2: line longer than 65536 bytes"
}

@test "an unknown reference is an error, also after valid ones" {
	run -1 section x
	assert_error "section: no section 'x' (see section -l)"

	run -1 section 1 x
	assert_error "section: no section 'x' (see section -l)"

	run -1 section 1 2 7
	assert_error "section: no section '7' (see section -l)"

	run -1 section 0
	assert_error "section: no section '0' (see section -l)"

	run -1 section ''
	assert_error "section: no section '' (see section -l)"
}

@test "section -w 0 never wraps and adds no blank lines" {
	run bash -c 'section -w 0 > "$1"' _ "$OUT"
	[ -z "$output" ]
	cmp "$GOLDEN/guide.txt" "$OUT"
}

@test "section -w wraps every paragraph of the guide and joins back to it" {
	local width min
	min=$(($(longest_word) + 2))
	golden_with_breaks > "$BATS_TEST_TMPDIR/expected"
	for width in "$min" 40 60 80; do
		run section -w "$width"
		check_wrapped "$width" "$BATS_TEST_TMPDIR/expected"
		# Something was wrapped: more lines than paragraphs.
		[ "${#lines[@]}" -gt "$(wc -l < "$BATS_TEST_TMPDIR/expected")" ]
	done
}

@test "section -w narrower than a word puts that word on a line of its own" {
	golden_with_breaks > "$BATS_TEST_TMPDIR/expected"
	run section -w 1
	check_wrapped 1 "$BATS_TEST_TMPDIR/expected"
	# One word a line: no line has a space after its indent.
	[ -z "$(printf '%s\n' "${lines[@]}" | sed 's/^  //' | grep ' ' || true)" ]
}

@test "section -w with references separates the sections by a blank line" {
	{ golden_section 5; echo; golden_section 1; } > "$BATS_TEST_TMPDIR/expected"
	run section -w 40 5 1
	check_wrapped 40 "$BATS_TEST_TMPDIR/expected"
}

@test "section -w with -f puts a blank line only between printed sections, before the marker" {
	guide_part neuroscience | sed '1!s/^/\n/' > "$BATS_TEST_TMPDIR/expected"
	run section -w 50 -f neuroscience 1 2 3 4 5 6
	# Each marker stands whole on the line after the blank line.
	[ "$(grep "$TAB" <<< "$output")" = "$(section -l 1 2 3 5)" ]
	[ "$(grep -A1 '^$' <<< "$output" | grep "$TAB")" = "$(section -l 2 3 5)" ]
	[ "${lines[0]}" = "$(section -l 1)" ]
	output=$(grep -v "$TAB" <<< "$output")
	check_wrapped 50 "$BATS_TEST_TMPDIR/expected"

	run section -w 50 -f neuroscience 2
	[[ $output != *"$TAB"* ]]
	check_wrapped 50 <(guide_part neuroscience 2)
}

@test "section -c -w -f: each marker, then its section's paragraphs with their notes, wrapped" {
	{ ONLY=neuroscience expected_cited 1; echo; ONLY=neuroscience expected_cited 2; } \
		> "$BATS_TEST_TMPDIR/expected"
	run section -c -w 40 -f neuroscience 1 2
	[ "$(grep "$TAB" <<< "$output")" = "$(section -l 1 2)" ]
	[ "${lines[0]}" = "$(section -l 1)" ]
	[ "$(grep -c '^Research note (' "$BATS_TEST_TMPDIR/expected")" -ge 2 ]
	output=$(grep -v "$TAB" <<< "$output")
	check_wrapped 40 "$BATS_TEST_TMPDIR/expected"
}

@test "section -w counts a curly quote as one column, not three bytes" {
	local text=$'\u201cWalls\u201d aren\u2019t \u201cforever\u201d'
	local cols bytes
	cols=$(char_count "$text")
	bytes=$(LC_ALL=C; echo "${#text}")
	[ "$bytes" -gt "$cols" ]
	data_copy
	append_line guide 'section\t7\tquotes\t7. Quotes' "line\t7\tquote\t$text"

	run section -w "$cols" quotes
	assert_output_file <(printf '7. Quotes\n%s\n' "$text")

	# One column less and it must wrap: the test can tell.
	run section -w "$((cols - 1))" quotes
	[ "${#lines[@]}" -gt 2 ]
	assert_output_file <(printf '7. Quotes\n%s\n%s\n' "${text% *}" "${text##* }")
}

@test "section -w with a bad width is a usage error" {
	local width
	for width in abc -1 '' 1x 100001 ' 5'; do
		run -2 section -w "$width"
		assert_usage_message section "-w '$width' is not a number from 0 to 100000"
	done
}

@test "HEARTH_DATA at a missing directory" {
	export HEARTH_DATA=$BATS_TEST_TMPDIR/nowhere
	run -1 section
	assert_error "section: $HEARTH_DATA/guide: cannot open: No such file or directory"
}

@test "HEARTH_DATA at a regular file" {
	export HEARTH_DATA=$BATS_TEST_TMPDIR/file
	echo data > "$HEARTH_DATA"
	run -1 section 1
	assert_error "section: $HEARTH_DATA/guide: cannot open: Not a directory"
}

@test "HEARTH_DATA at an empty directory" {
	export HEARTH_DATA=$BATS_TEST_TMPDIR/empty
	mkdir "$HEARTH_DATA"
	run -1 section -l
	assert_error "section: $HEARTH_DATA/guide: cannot open: No such file or directory"
}

@test "a guide that is a directory" {
	data_copy
	rm "$DATA/guide"
	mkdir "$DATA/guide"
	run -1 section
	assert_error "section: $DATA/guide: not a regular file"
}

@test "guide: an unknown record type" {
	data_copy
	append_line guide 'chapter\t1\tx\tText'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: unknown record 'chapter' (expected section or line)"
}

@test "guide: a wrong number of fields" {
	data_copy
	append_line guide 'line\t1\tpsychology'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: 'line' record has 3 tab-separated fields, expected 4"

	data_copy
	append_line guide 'section\t7\tseven\t7. Seven\textra'
	run -1 section 1
	assert_error "section: $DATA/guide:$LINE: 'section' record has 5 tab-separated fields, expected 4"
}

@test "guide: an empty field, a field with outer spaces" {
	data_copy
	append_line guide 'line\t1\t\tText'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: field 3 is empty"

	data_copy
	append_line guide 'line\t1\tpsychology\tText '
	run -1 section
	assert_error "section: $DATA/guide:$LINE: field 4 starts or ends with a space"
}

@test "guide: a bad section number" {
	local number
	for number in x 0 1000 -1 7a; do
		data_copy
		append_line guide "section\t$number\tnew\tNew"
		run -1 section
		assert_error "section: $DATA/guide:$LINE: section number '$number' is not a number from 1 to 999"
	done
}

@test "guide: a section number defined twice" {
	data_copy
	append_line guide 'section\t1\tagain\t1. Again'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: section 1 is defined twice"
}

@test "guide: a slug used twice" {
	data_copy
	append_line guide 'section\t7\twalls\t7. Walls again'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: slug 'walls' is used twice"
}

@test "guide: a bad slug or part name" {
	data_copy
	append_line guide 'section\t7\tBad\t7. Bad'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: slug 'Bad' must be lower-case letters, digits and inner hyphens, starting with a letter"

	data_copy
	cp "$SHARE/guide" "$DATA/guide"
	append_line guide 'line\t1\tpart-\tText'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: part name 'part-' must be lower-case letters, digits and inner hyphens, starting with a letter"
}

@test "guide: a line of a section not defined above it" {
	data_copy
	append_line guide 'line\t9\tpsychology\tText'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: no section '9' is defined above this line"

	# Defined, but only further down.
	{ printf 'line\t2\tpsychology\tEarly\n'; cat "$SHARE/guide"; } > "$DATA/guide"
	run -1 section
	assert_error "section: $DATA/guide:1: no section '2' is defined above this line"
}

@test "guide: a section with no lines" {
	data_copy
	append_line guide 'section\t7\tempty\t7. Empty'
	run -1 section 1
	assert_error "section: $DATA/guide: section 7 has no lines"
}

@test "guide: an empty guide, or one of comments only" {
	data_copy
	: > "$DATA/guide"
	run -1 section
	assert_error "section: $DATA/guide: no sections in the guide"

	printf '# nothing\n\n# here\n' > "$DATA/guide"
	run -1 section -l
	assert_error "section: $DATA/guide: no sections in the guide"
}

@test "guide: a NUL byte" {
	data_copy
	append_line guide 'line\t1\tpsychology\tA\0B'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: NUL byte in line"
}

@test "guide: invalid UTF-8" {
	data_copy
	append_line guide 'line\t1\tpsychology\tA\377B'
	run -1 section
	assert_error "section: $DATA/guide:$LINE: invalid UTF-8"

	# An overlong encoding and a lone surrogate are invalid too.
	local bad
	for bad in '\300\257' '\355\240\200' '\342\200'; do
		cp "$SHARE/guide" "$DATA/guide"
		append_line guide "line\t1\tpsychology\tA${bad}B"
		run -1 section
		assert_error "section: $DATA/guide:$LINE: invalid UTF-8"
	done
}

@test "guide: a line longer than 65536 bytes" {
	local head=$'line\t1\tpsychology\t' text
	data_copy
	# 65536 bytes is the longest line allowed.
	text=$(head -c "$((65536 - ${#head}))" /dev/zero | tr '\0' a)
	append_line guide "$head$text"
	run section -f psychology 1
	[ "${lines[1]}" = "$text" ]
	assert_output_file <(guide_part psychology 1; echo "$text")

	cp "$SHARE/guide" "$DATA/guide"
	append_line guide "${head}${text}a"
	run -1 section
	assert_error "section: $DATA/guide:$LINE: line longer than 65536 bytes"
}

@test "guide: a line of spaces and tabs is blank, and skipped" {
	data_copy
	append_line guide ' \t  '
	run bash -c 'section > "$1"' _ "$OUT"
	cmp "$GOLDEN/guide.txt" "$OUT"
}

@test "a CRLF guide reads the same as the guide" {
	data_copy
	sed 's/$/\r/' "$SHARE/guide" > "$DATA/guide"
	run bash -c 'section > "$1"' _ "$OUT"
	cmp "$GOLDEN/guide.txt" "$OUT"
}

@test "section -p lists each section's parts once, in order: number TAB part" {
	run section -p
	expected=$(awk -F'\t' '$1 == "line" && !seen[$2 FS $3]++ { print $2 "\t" $3 }' "$SHARE/guide")
	[ "$output" = "$expected" ]
	[ "${lines[0]}" = $'1\tpsychology' ]

	run section -p 4 home
	[ "$output" = $'4\tbrain\n4\tpsychology\n5\tpsychology\n5\tneuroscience' ]
}

@test "section -p with -l or -f is a usage error" {
	run -2 section -p -l
	assert_usage_message section "-l and -p cannot be used together"
	run -2 section -p -f neuro
	assert_usage_message section "-p and -f cannot be used together"
}

# --- research notes (-c) ------------------------------------------------

# What section -c N... prints (with no N, every section), worked out from
# the records: the guide's headings and lines, and after the last line of
# each part, the notes on that part in the order of the research file,
# each as "Research note (SOURCES): TEXT". With ONLY set, what -f ONLY
# prints: the lines of that part and their notes, without headings, and
# with more than one section asked for, each section's after its marker.
expected_cited() {
	awk -F'\t' -v want=" $* " -v only="${ONLY:-}" '
		FILENAME ~ /research$/ {
			if ($1 == "note") note[$2, $3] = note[$2, $3] "Research note (" $4 "): " $5 "\n"
			next
		}
		$1 == "section" {
			order[++n] = $2; text[$2] = only == "" ? $4 "\n" : ""
			title = $4
			if (index(title, $2 ". ") == 1 && length(title) > length($2) + 2)
				title = substr(title, length($2) + 3)
			marker[$2] = $2 "\t" $3 "\t" title "\n"
			next
		}
		$1 == "line" { k = ++count[$2]; part[$2, k] = $3; line[$2, k] = $4 }
		END {
			for (i = 1; i <= n; i++) {
				s = order[i]
				for (k = 1; k <= count[s]; k++) {
					if (only != "" && part[s, k] != only) continue
					text[s] = text[s] line[s, k] "\n"
					last = 1
					for (j = k + 1; j <= count[s]; j++)
						if (part[s, j] == part[s, k]) last = 0
					if (last) text[s] = text[s] note[s, part[s, k]]
				}
			}
			m = split(want, w, " ")
			if (m == 0) for (i = 1; i <= n; i++) w[++m] = order[i]
			for (i = 1; i <= m; i++) {
				if (only != "" && m > 1 && text[w[i]] != "") printf "%s", marker[w[i]]
				printf "%s", text[w[i]]
			}
		}' "$SHARE/research" "$SHARE/guide"
}

# The note records of the research file, or of section $1 only.
note_count() {
	awk -F'\t' -v n="${1:-}" '$1 == "note" && (n == "" || $2 == n)' "$SHARE/research" | wc -l
}

@test "section without -c never reads the research file" {
	data_copy
	rm "$DATA/research"
	run bash -c 'section > "$1"' _ "$OUT"
	cmp "$GOLDEN/guide.txt" "$OUT"
	printf 'note\t9\tnowhere\n' > "$DATA/research"
	run bash -c 'section -f neuroscience 2 > "$1"' _ "$OUT"
	cmp <(guide_part neuroscience 2) "$OUT"
}

@test "section -c prints the guide word for word, with each note after the last line of its part" {
	run section -c
	assert_output_file <(expected_cited)
	# Without the notes, the output is the golden guide, byte for byte.
	diff -u "$GOLDEN/guide.txt" <(grep -v '^Research note (' <<< "$output")
	# Every note is printed once, and every note line is marked.
	[ "$(grep -c '^Research note (' <<< "$output")" -eq "$(note_count)" ]
	[ "${#lines[@]}" -eq "$(($(wc -l < "$GOLDEN/guide.txt") + $(note_count)))" ]
	[ "$(note_count)" -ge 10 ]
}

@test "section -c: a note follows its own paragraph, and a list stays whole" {
	local i brain_last=-1 psychology=-1 rejection=-1
	run section -c 2 4
	for i in "${!lines[@]}"; do
		case ${lines[i]} in
		"- Neuroscience: Repeated rejection activates"*) rejection=$i ;;
		"- Activate the reward system"*) brain_last=$i ;;
		"- Psychologically, this is resilience"*) psychology=$i ;;
		esac
	done
	[ "$rejection" -ge 0 ] && [ "$brain_last" -ge 0 ] && [ "$psychology" -ge 0 ]
	[[ ${lines[rejection + 1]} == "Research note (Eisenberger et al. 2003; Woo et al. 2014): "* ]]
	# Section 4's brain list, four lines, is followed by its notes: none
	# comes between its lines, and the next part comes after them all.
	[ "${lines[brain_last - 3]}" = "- Choosing yourself allows your brain to:" ]
	for i in 1 2 3; do
		[[ ${lines[brain_last + i]} == "Research note ("* ]] || { echo "line $((brain_last + i))"; return 1; }
	done
	[ "$psychology" -eq "$((brain_last + 4))" ]
	[ "$(grep -c '^Research note' <<< "$(printf '%s\n' "${lines[@]:brain_last - 3:4}")")" -eq 0 ]
}

@test "section -c with references prints only the notes of the sections named, in their order" {
	run section -c 2
	assert_output_file <(expected_cited 2)
	[ "$(grep -c '^Research note (' <<< "$output")" -eq "$(note_count 2)" ]
	[ "$(note_count 2)" -ge 1 ]

	run section -c home walls
	assert_output_file <(expected_cited 5 1)
	[ "$(grep -c '^Research note (' <<< "$output")" -eq "$(($(note_count 5) + $(note_count 1)))" ]

	run section -c - <<< $'6\n3'
	assert_output_file <(expected_cited 6 3)
}

@test "section -c -f prints only the notes of the part printed" {
	ONLY=neuroscience run section -c -f neuro
	ONLY=neuroscience assert_output_file <(ONLY=neuroscience expected_cited)
	[[ $output == *"Research note (Vrtička et al. 2008): "* ]]
	# The psychology paragraphs' notes are not printed with them.
	[[ $output != *"Research note (Fraley et al. 2015"* ]]

	run section -c -f psychology 4
	[ "$output" = "$(guide_part psychology 4)" ]

	run section -c -f brain
	assert_output_file <(ONLY=brain expected_cited)
	[ "${#lines[@]}" -eq $((1 + $(guide_part brain | wc -l) + $(note_count 4))) ]
	[ "${lines[0]}" = "$(section -l 4)" ]
	run section -c -f brain 4
	assert_output_file <(ONLY=brain expected_cited 4)
}

@test "section -c -w wraps the notes as paragraphs" {
	local width
	for width in 30 60; do
		expected_cited | awk -F'\t' '
			NR == FNR { if ($1 == "section") heading[$4] = 1; next }
			FNR > 1 && ($0 in heading) { print "" }
			{ print }' "$SHARE/guide" - > "$BATS_TEST_TMPDIR/expected"
		run section -c -w "$width"
		check_wrapped "$width" "$BATS_TEST_TMPDIR/expected"
		# A note's continuation lines are its own: none starts a note.
		[ "$(grep -c '^Research note (' <<< "$output")" -eq "$(note_count)" ]
	done
	ONLY=neuroscience expected_cited 2 > "$BATS_TEST_TMPDIR/expected"
	run section -c -w 40 -f neuroscience 2
	check_wrapped 40 "$BATS_TEST_TMPDIR/expected"
	[ "${#lines[@]}" -gt 2 ]
}

@test "section -c with -l or -p is a usage error" {
	run -2 section -c -l
	assert_usage_message section "-l and -c cannot be used together"
	run -2 section -p -c 2
	assert_usage_message section "-p and -c cannot be used together"
	run -2 section -lc
	assert_usage_message section "-l and -c cannot be used together"
}

@test "research: the example of hearth-files(5), exactly" {
	DATA=$BATS_TEST_TMPDIR/example
	mkdir "$DATA"
	export HEARTH_DATA=$DATA
	printf '%s\n' '# A guide of two sections.' \
		"section${TAB}1${TAB}walls${TAB}1. Emotional Walls" \
		"line${TAB}1${TAB}psychology${TAB}- Walls are often self-protection." \
		"line${TAB}1${TAB}neuroscience${TAB}- Closeness can feel like danger." \
		'' \
		"section${TAB}2${TAB}summary${TAB}Summary" \
		"line${TAB}2${TAB}choice${TAB}Letting go is a choice, not a failure." > "$DATA/guide"
	printf '%s\n' '# Notes on what studies found.' \
		"note${TAB}1${TAB}neuroscience${TAB}Vrtička et al. 2008${TAB}The amygdala flags what matters, not only threat." \
		> "$DATA/research"
	run section -c 1
	assert_output_file <(printf '%s\n' '1. Emotional Walls' '- Walls are often self-protection.' \
		'- Closeness can feel like danger.' \
		'Research note (Vrtička et al. 2008): The amygdala flags what matters, not only threat.')
	run section -c
	[ "${#lines[@]}" -eq 6 ]
	[ "${lines[4]}" = Summary ]
	run section 1
	[ "${#lines[@]}" -eq 3 ]
	run section -c -w 30 -f neuro 1
	assert_output_file <(printf '%s\n' '- Closeness can feel like' '  danger.' \
		'Research note (Vrtička et al.' '2008): The amygdala flags what' \
		'matters, not only threat.')
	# Both sections asked for: the one with the part is marked.
	run section -f neuro
	[ "$output" = "1${TAB}walls${TAB}Emotional Walls"$'\n''- Closeness can feel like danger.' ]
}

@test "research: a note on a section the guide does not have" {
	local number
	for number in 9 0 x; do
		data_copy
		append_line research "note\t$number\tpsychology\tFraley et al. 2015\tText."
		run -1 section -c 1
		assert_error "section: $DATA/research:$LINE: the guide has no section '$number'"
	done
}

@test "research: a note on a part its section does not have" {
	data_copy
	append_line research 'note\t2\tbrain\tFisher et al. 2010\tText.'
	run -1 section -c
	assert_error "section: $DATA/research:$LINE: section 2 of the guide has no part 'brain'"
	# Part names are matched exactly in the file.
	cp "$SHARE/research" "$DATA/research"
	append_line research 'note\t1\tNeuroscience\tFisher et al. 2010\tText.'
	run -1 section -c 1
	assert_error "section: $DATA/research:$LINE: section 1 of the guide has no part 'Neuroscience'"
}

@test "research: a wrong number of fields" {
	data_copy
	append_line research 'note\t1\tpsychology\tText without its sources.'
	run -1 section -c
	assert_error "section: $DATA/research:$LINE: 'note' record has 4 tab-separated fields, expected 5"

	cp "$SHARE/research" "$DATA/research"
	append_line research 'note\t1\tpsychology\tWoo et al. 2014\tText.\tMore.'
	run -1 section -c -f psychology
	assert_error "section: $DATA/research:$LINE: 'note' record has 6 tab-separated fields, expected 5"
}

@test "research: an empty field, a field with outer spaces" {
	data_copy
	append_line research 'note\t1\tpsychology\t\tText.'
	run -1 section -c
	assert_error "section: $DATA/research:$LINE: field 4 is empty"

	cp "$SHARE/research" "$DATA/research"
	append_line research 'note\t1\tpsychology\tWoo et al. 2014\t'
	run -1 section -c
	assert_error "section: $DATA/research:$LINE: field 5 is empty"

	cp "$SHARE/research" "$DATA/research"
	append_line research 'note\t1\tpsychology\tWoo et al. 2014 \tText.'
	run -1 section -c
	assert_error "section: $DATA/research:$LINE: field 4 starts or ends with a space"
}

@test "research: an unknown record, a missing file, bad text" {
	data_copy
	append_line research 'cite\t1\tpsychology\tWoo et al. 2014\tText.'
	run -1 section -c
	assert_error "section: $DATA/research:$LINE: unknown record 'cite' (expected note)"

	cp "$SHARE/research" "$DATA/research"
	append_line research 'note\t1\tpsychology\tWoo et al. 2014\tA\377B'
	run -1 section -c
	assert_error "section: $DATA/research:$LINE: invalid UTF-8"

	rm "$DATA/research"
	run -1 section -c 1
	assert_error "section: $DATA/research: cannot open: No such file or directory"
}

@test "research: an empty file, or one of comments only, gives the guide alone" {
	data_copy
	printf '# no notes\n\n' > "$DATA/research"
	run bash -c 'section -c > "$1"' _ "$OUT"
	cmp "$GOLDEN/guide.txt" "$OUT"
	: > "$DATA/research"
	run section -c -w 0 3
	assert_output_file <(golden_section 3)
}
