load helper

# The tools together: quiz | score, and score -r | section - / summary -.
# Each pipeline saves quiz's session with tee, so that the results can be
# checked against the reference scorer in awk (tests/bench/score.awk).

@test "yes N | quiz | score, for every answer N" {
	local v
	for v in 1 2 3 4 5; do
		run timeout 20 bash -c 'yes "$1" | quiz | tee "$2" | score' _ "$v" "$TMP/s$v"
		bank_ids self | sed "s/\$/\t$v/" | assert_session self - "$TMP/s$v"
		assert_output_file <(ref "$TMP/s$v")
		[ "${#lines[@]}" -ge 5 ]
	done
}

@test "the hand-computed answers, through quiz and score" {
	# The replies of tests/fixtures/hand.session, asked in bank order;
	# the expected lines are hand_results in helper.bash.
	hand_replies > "$TMP/in"
	run bash -c 'quiz < "$1" | tee "$2" | score' _ "$TMP/in" "$TMP/s"
	paste <(bank_ids self) "$TMP/in" | assert_session self - "$TMP/s"
	local T
	T=$(head -n 1 "$TMP/s" | cut -f4)
	[[ $T =~ ^$TIME_RE$ ]]
	diff -u <(hand_results "$T") <(printf '%s\n' "$output")
}

@test "know: all replies right, then all wrong, through quiz and score" {
	local total=$KNOW_N sections T
	print_order -k know -s 13 > "$TMP/order"
	[ "$(wc -l < "$TMP/order")" -eq "$total" ]

	letters < "$TMP/order" > "$TMP/right"
	run bash -c 'quiz -k know -s 13 < "$1" | tee "$2" | score' _ "$TMP/right" "$TMP/s"
	paste "$TMP/order" "$TMP/right" | assert_session know - "$TMP/s"
	T=$(head -n 1 "$TMP/s" | cut -f4)
	[ "$output" = "$T	know	$total	$total	-" ]

	letters -w < "$TMP/order" > "$TMP/wrong"
	sections=$(awk -F'\t' '$1 == "question" { print $3 }' "$SHARE/know.bank" |
		sort -n -u | paste -sd, -)
	run bash -c 'quiz -k know -s 13 < "$1" | tee "$2" | score' _ "$TMP/wrong" "$TMP/s"
	paste "$TMP/order" "$TMP/wrong" | assert_session know - "$TMP/s"
	T=$(head -n 1 "$TMP/s" | cut -f4)
	[ "$output" = "$T	know	0	$total	$sections" ]
}

@test "quiz | score at a terminal: the report, after the last answer; into a pipe, the records" {
	# The dialogue without the safety statements, so that -n 3 asks three.
	data_without_signals
	run_pty report
	# quiz | score | cat: exactly the records of hearth-files(5), nothing else.
	run bash -c 'printf "4\n2\n3\n" | quiz -n 3 | tee "$1" | score | cat' _ "$TMP/s"
	assert_output_file <(ref "$TMP/s")
	[ "${#lines[@]}" -eq 5 ]
	[[ $output != *"reflection"* ]]
}

@test "quiz | score -r | section - prints the sections the results point to" {
	hand_replies > "$TMP/in"
	run -0 bash -c 'quiz < "$1" | score -r' _ "$TMP/in"
	[ "$output" = $'1\n2\n5' ]
	[ "$stderr" = "score: safety: $(bank_field self safety 2)" ]

	run bash -c 'quiz < "$1" | score -r 2> /dev/null | section -' _ "$TMP/in"
	[ -n "$output" ]
	assert_output_file <(section 1 2 5)
	assert_output_file <(golden_section 1 2 5)
}

@test "quiz | score -r | summary - prints those sections' key points" {
	hand_replies > "$TMP/in"
	run bash -c 'quiz < "$1" | score -r 2> /dev/null | summary -' _ "$TMP/in"
	[ -n "$output" ]
	assert_output_file <(summary 1 2 5)
	assert_output_file <(expected_points 1 2 5)
}

@test "know all wrong | score -r | section - and summary -: every section" {
	local secs
	print_order -k know -s 21 | letters -w > "$TMP/wrong"
	secs=$(awk -F'\t' '$1 == "question" { print $3 }' "$SHARE/know.bank" | sort -n -u)
	run bash -c 'quiz -k know -s 21 < "$1" | score -r' _ "$TMP/wrong"
	[ "$output" = "$secs" ]
	# shellcheck disable=SC2086
	set -- $secs
	run bash -c 'quiz -k know -s 21 < "$1" | score -r | section -' _ "$TMP/wrong"
	assert_output_file <(section "$@")
	assert_output_file <(golden_section "$@")
	run bash -c 'quiz -k know -s 21 < "$1" | score -r | summary -' _ "$TMP/wrong"
	assert_output_file <(summary "$@")
	assert_output_file <(expected_points "$@")
}

@test "a computed -r | section -: what score -r prints, section prints" {
	local v refs
	for v in 1 2 4 5; do
		run bash -c 'yes "$1" | quiz -s 3 | tee "$2" | score -r 2> /dev/null' _ "$v" "$TMP/s"
		assert_output_file <(ref -r "$TMP/s" 2> /dev/null)
		refs=$output
		[ -n "$refs" ] || continue
		# shellcheck disable=SC2086
		run bash -c 'score -r "$1" 2> /dev/null | section -' _ "$TMP/s"
		# shellcheck disable=SC2086
		assert_output_file <(section $refs)
	done
}

@test "a quit quiz gives score nothing to print, and no error" {
	run bash -c 'printf "1\n2\nq\n" | quiz | tee "$1" | score' _ "$TMP/s"
	[ -z "$output" ]
	assert_no_answers self "$TMP/s"
	run bash -c 'quiz -k know -a "$1" <<< q | score -H -t' _ "$TMP/journal"
	[ -z "$output" ]
	[ ! -e "$TMP/journal" ]
}

@test "an interrupted quiz never scores: 'no session in the input'" {
	run -1 bash -c 'printf "1\n2\n" | quiz | score'
	[ -z "$output" ]
	[ "$stderr" = "quiz: input ended after 2 of $N answers; nothing was written
score: stdin:1: no session in the input" ]
}

@test "quiz -n 5 | score: too few answers for any scale" {
	run bash -c 'yes 4 | quiz -n 5 | tee "$1" | score' _ "$TMP/s"
	first_ids 5 | sed 's/$/\t4/' | assert_session self - "$TMP/s"
	local T scale
	T=$(head -n 1 "$TMP/s" | cut -f4)
	# Five scales, and the safety message that the safety statements,
	# always asked, call for at 4.
	[ "${#lines[@]}" -eq 6 ]
	[ "${lines[5]}" = "$T	self	safety	$(bank_field self safety 2)" ]
	for scale in $(awk -F'\t' '$1 == "scale" { print $2 }' "$SHARE/self.bank"); do
		[[ $output == *"$T	self	$scale	-	unscored	-"* ]]
	done
}

@test "a journal from quiz -a: score and score -t over all its sessions" {
	local j=$TMP/journal first last
	yes 2 | quiz -a "$j" > /dev/null
	print_order -k know -s 4 | letters > "$TMP/right"
	quiz -k know -s 4 -a "$j" < "$TMP/right" > /dev/null
	yes 4 | quiz -s 9 -a "$j" > /dev/null
	{ yes 5 | head -n 10; yes 1; } | quiz -a "$j" > /dev/null
	[ "$(grep -c '^hearth-session' "$j")" -eq 4 ]

	run score "$j"
	assert_output_file <(ref "$j")
	[ "${#lines[@]}" -ge 16 ]

	# -t: every session, in the order of time: a record a scale for each
	# self session, one for the knowledge session.
	run score -t "$j"
	assert_output_file <(ref -t "$j")
	diff -u <(grep '^hearth-session' "$j" | cut -f4 | sort -u) <(cut -f1 <<< "$output" | uniq)
	[ "$(grep -c $'\tself\t[a-z]*\t[-0-9.]*$' <<< "$output")" -eq 15 ]
	[ "$(grep -c $'\tknow\t' <<< "$output")" -eq 1 ]

	# Scored again with a copy on stdin: the blocks twice, in order.
	run score "$j" - < "$j"
	assert_output_file <(ref "$j" "$j")
}

# The means of file $1 (records of score -t) for scale $2, in order, in
# tenths: 27 for 2.7.
scale_tenths() {
	awk -F'\t' -v scale="$2" '$3 == scale { print $4 * 10 }' "$1"
}

# A mean of $1 tenths as score prints it: 2.7; with -s a change: +0.6.
tenths() {
	local sign=
	[ "$1" != -s ] || { shift; (($1 <= 0)) || sign=+; }
	local n=$1
	((n >= 0)) || { sign=-; n=$((-n)); }
	printf '%s%d.%d\n' "$sign" $((n / 10)) $((n % 10))
}

@test "paper sheets entered later with quiz -d: score -t and -H -t show them in date order" {
	local j=$TMP/journal scale first last change line spark i k cell
	local -a mean level
	local cells='_.:-=+*#'
	export TZ=America/New_York LC_ALL=C
	# Entered out of order, as sheets turn up; each dated with -d.
	hand_replies | quiz -d 2026-03-15 -a "$j" > /dev/null
	yes 2 | quiz -d 2026-01-15 -a "$j" > /dev/null
	{ yes 5 | head -n 10; yes 1; } | quiz -d 2026-04-15T18:45 -a "$j" > /dev/null
	yes 4 | quiz -d 2026-02-15T08:30 -a "$j" > /dev/null
	[ "$(grep -c '^hearth-session' "$j")" -eq 4 ]

	# Records: one a scale for each session, in the order of the dates,
	# the local times in UTC.
	run score -t "$j"
	assert_output_file <(ref -t "$j")
	diff -u <(printf '%s\n' 2026-01-15T17:00:00Z 2026-02-15T13:30:00Z \
		2026-03-15T16:00:00Z 2026-04-15T22:45:00Z) <(cut -f1 <<< "$output" | uniq)
	[ "$(grep -c $'\tself\t[a-z]*\t[0-9.]*$' <<< "$output")" -eq 20 ]
	printf '%s\n' "$output" > "$TMP/records"
	# The sheet of the hand-computed answers has their means.
	diff -u <(hand_results T | cut -f3,4) \
		<(awk -F'\t' '$1 == "2026-03-15T16:00:00Z" { print $3 "\t" $4 }' "$TMP/records")

	# The report: the span, then a line for each scale with a sparkline of
	# its four means (higher for a higher mean), the first and the latest;
	# unwrapped (-w 0) to read each line whole.
	run score -H -t "$j"
	[ "${lines[0]}" = "The trend, over 4 sessions, 15 Jan 2026 to 15 Apr 2026" ]
	run score -H -w 0 -t "$j"
	[ "${lines[0]}" = "The trend, over 4 sessions, 15 Jan 2026 to 15 Apr 2026" ]
	for scale in $(bank_field self scale 2); do
		mapfile -t mean < <(scale_tenths "$TMP/records" "$scale")
		[ "${#mean[@]}" -eq 4 ]
		first=$(tenths "${mean[0]}") last=$(tenths "${mean[3]}")
		change=$(tenths -s $((mean[3] - mean[0])))
		line=$(grep -E "^$scale +[^ ]{4}  " <<< "$output") ||
			{ echo "no trend line for $scale"; return 1; }
		# What follows the name and the blanks after it.
		line=${line#"$scale"}
		line=${line#"${line%%[! ]*}"}
		spark=${line:0:4}
		[ "$line" = "$spark  $first to $last ($change), over 4 sessions, 15 Jan 2026 to 15 Apr 2026" ] ||
			{ echo "$scale: '$line' (means ${mean[*]})"; return 1; }
		# The ASCII sparkline's cells, lowest first, follow the means.
		for ((i = 0; i < 4; i++)); do
			cell=${spark:i:1}
			[[ $cells == *"$cell"* ]] || { echo "$scale: '$spark' is no sparkline"; return 1; }
			cell=${cells%%"$cell"*}
			level[i]=${#cell}
		done
		for ((i = 0; i < 4; i++)); do
			for ((k = 0; k < 4; k++)); do
				((mean[i] >= mean[k] || level[i] <= level[k])) ||
					{ echo "$scale: '$spark' for ${mean[*]}"; return 1; }
			done
		done
	done
}
