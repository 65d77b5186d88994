load helper

# The tools together: quiz | score, and score -r | section - / summary -.
# Each pipeline saves quiz's session with tee, so that the results can be
# checked against the reference scorer in awk (tests/bench/score.awk).

setup() {
	TMP=$BATS_TEST_TMPDIR
	FIX=$HEARTH_TOP/tests/fixtures
	TIME_RE='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'
	N=$(awk -F'\t' '$1 == "item"' "$SHARE/self.bank" | wc -l)
	N=${N//[!0-9]/}
}

# Right (or, with -w, wrong) letters for the knowledge ids on stdin.
letters() {
	awk -F'\t' -v wrong="${1:-}" '
		NR == FNR { if ($1 == "question") a[$2] = $4; next }
		{ print (wrong == "" ? a[$1] : a[$1] == "a" ? "b" : "a") }' \
		"$SHARE/know.bank" -
}

# What section N... prints, built from the guide file: each heading and
# its lines' texts.
guide_sections() {
	awk -F'\t' -v want=" $* " '
		$1 == "section" { heading[$2] = $4 }
		$1 == "line" { text[$2] = text[$2] $4 "\n" }
		END {
			n = split(want, w, " ")
			for (i = 1; i <= n; i++) printf "%s\n%s", heading[w[i]], text[w[i]]
		}' "$SHARE/guide"
}

# What summary N... prints, from the guide's headings and the points file.
guide_points() {
	awk -F'\t' -v want=" $* " '
		FILENAME ~ /guide$/ && $1 == "section" { heading[$2] = $4 }
		FILENAME ~ /points$/ && $1 == "point" { text[$2] = text[$2] "- " $3 "\n" }
		END {
			n = split(want, w, " ")
			for (i = 1; i <= n; i++) printf "%s\n%s", heading[w[i]], text[w[i]]
		}' "$SHARE/guide" "$SHARE/points"
}

@test "yes N | quiz | score, for every answer N" {
	local v
	for v in 1 2 3 4 5; do
		run --separate-stderr timeout 20 bash -c \
			'yes "$1" | quiz | tee "$2" | score' _ "$v" "$TMP/s$v"
		assert_success_quiet
		[ "$(grep -cE "^hearth-session	1	self	$TIME_RE	$N\$" "$TMP/s$v")" -eq 1 ]
		[ "$(wc -l < "$TMP/s$v")" -eq $((N + 1)) ]
		assert_output_file <(ref "$TMP/s$v")
		[ "${#lines[@]}" -ge 5 ]
	done
}

@test "the hand-computed answers, through quiz and score" {
	# The replies of tests/fixtures/hand.session, asked in bank order;
	# the expected lines are hand_results in helper.bash.
	grep -v '^#' "$FIX/hand.session" | tail -n +2 | cut -f2 > "$TMP/in"
	run --separate-stderr bash -c 'quiz < "$1" | tee "$2" | score' _ "$TMP/in" "$TMP/s"
	assert_success_quiet
	local T
	T=$(head -n 1 "$TMP/s" | cut -f4)
	[[ $T =~ ^$TIME_RE$ ]]
	diff -u <(hand_results "$T") <(printf '%s\n' "$output")
}

@test "know: all replies right, then all wrong, through quiz and score" {
	local total sections T
	print_order -k know -s 13 > "$TMP/order"
	total=$(awk -F'\t' '$1 == "question"' "$SHARE/know.bank" | wc -l)
	total=${total//[!0-9]/}
	[ "$(wc -l < "$TMP/order")" -eq "$total" ]

	letters < "$TMP/order" > "$TMP/right"
	run --separate-stderr bash -c 'quiz -k know -s 13 < "$1" | tee "$2" | score' _ \
		"$TMP/right" "$TMP/s"
	assert_success_quiet
	T=$(head -n 1 "$TMP/s" | cut -f4)
	[ "$output" = "$T	know	$total	$total	-" ]

	letters -w < "$TMP/order" > "$TMP/wrong"
	sections=$(awk -F'\t' '$1 == "question" { print $3 }' "$SHARE/know.bank" |
		sort -n -u | paste -sd, -)
	run --separate-stderr bash -c 'quiz -k know -s 13 < "$1" | tee "$2" | score' _ \
		"$TMP/wrong" "$TMP/s"
	assert_success_quiet
	T=$(head -n 1 "$TMP/s" | cut -f4)
	[ "$output" = "$T	know	0	$total	$sections" ]
}

@test "quiz | score -r | section - prints the sections the results point to" {
	grep -v '^#' "$FIX/hand.session" | tail -n +2 | cut -f2 > "$TMP/in"
	run --separate-stderr bash -c 'quiz < "$1" | score -r' _ "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = $'1\n2\n5' ]
	[[ $stderr == "score: safety: "* ]]

	run --separate-stderr bash -c 'quiz < "$1" | score -r 2> /dev/null | section -' _ "$TMP/in"
	assert_success_quiet
	[ -n "$output" ]
	assert_output_file <(section 1 2 5)
	assert_output_file <(guide_sections 1 2 5)
}

@test "quiz | score -r | summary - prints those sections' key points" {
	grep -v '^#' "$FIX/hand.session" | tail -n +2 | cut -f2 > "$TMP/in"
	run --separate-stderr bash -c 'quiz < "$1" | score -r 2> /dev/null | summary -' _ "$TMP/in"
	assert_success_quiet
	[ -n "$output" ]
	assert_output_file <(summary 1 2 5)
	assert_output_file <(guide_points 1 2 5)
}

@test "know all wrong | score -r | section - and summary -: every section" {
	local secs
	print_order -k know -s 21 | letters -w > "$TMP/wrong"
	secs=$(awk -F'\t' '$1 == "question" { print $3 }' "$SHARE/know.bank" | sort -n -u)
	run --separate-stderr bash -c 'quiz -k know -s 21 < "$1" | score -r' _ "$TMP/wrong"
	assert_success_quiet
	[ "$output" = "$secs" ]
	# shellcheck disable=SC2086
	set -- $secs
	run --separate-stderr bash -c 'quiz -k know -s 21 < "$1" | score -r | section -' _ "$TMP/wrong"
	assert_success_quiet
	assert_output_file <(section "$@")
	assert_output_file <(guide_sections "$@")
	run --separate-stderr bash -c 'quiz -k know -s 21 < "$1" | score -r | summary -' _ "$TMP/wrong"
	assert_success_quiet
	assert_output_file <(summary "$@")
	assert_output_file <(guide_points "$@")
}

@test "a computed -r | section -: what score -r prints, section prints" {
	local v refs
	for v in 1 2 4 5; do
		run --separate-stderr bash -c 'yes "$1" | quiz -s 3 | tee "$2" | score -r 2> /dev/null' \
			_ "$v" "$TMP/s"
		[ "$status" -eq 0 ]
		assert_output_file <(ref -r "$TMP/s" 2> /dev/null)
		refs=$output
		[ -n "$refs" ] || continue
		# shellcheck disable=SC2086
		run --separate-stderr bash -c 'score -r "$1" 2> /dev/null | section -' _ "$TMP/s"
		assert_success_quiet
		# shellcheck disable=SC2086
		assert_output_file <(section $refs)
	done
}

@test "a quit quiz gives score nothing: 'no session in the input'" {
	run --separate-stderr bash -c 'printf "1\n2\nq\n" | quiz | score'
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ "$stderr" = "quiz: quit after 2 of $N answers; nothing was written
score: stdin:1: no session in the input" ]
}

@test "quiz -n 5 | score: too few answers for any scale" {
	run --separate-stderr bash -c 'yes 4 | quiz -n 5 | tee "$1" | score' _ "$TMP/s"
	assert_success_quiet
	local T scale
	T=$(head -n 1 "$TMP/s" | cut -f4)
	[ "${#lines[@]}" -eq 5 ]
	for scale in $(awk -F'\t' '$1 == "scale" { print $2 }' "$SHARE/self.bank"); do
		[[ $output == *"$T	self	$scale	-	unscored	-"* ]]
	done
}

@test "a journal from quiz -o: score and score -t over all its sessions" {
	local j=$TMP/journal first last
	yes 2 | quiz -o "$j" > /dev/null
	print_order -k know -s 4 | letters > "$TMP/right"
	quiz -k know -s 4 -o "$j" < "$TMP/right" > /dev/null
	yes 4 | quiz -s 9 -o "$j" > /dev/null
	{ yes 5 | head -n 10; yes 1; } | quiz -o "$j" > /dev/null
	[ "$(grep -c '^hearth-session' "$j")" -eq 4 ]

	run --separate-stderr score "$j"
	assert_success_quiet
	assert_output_file <(ref "$j")
	[ "${#lines[@]}" -ge 16 ]

	# -t: the sessions were written in time order, so the first is the
	# first self session and the latest the last.
	run --separate-stderr score -t "$j"
	assert_success_quiet
	assert_output_file <(ref -t "$j")
	[ "${#lines[@]}" -eq 5 ]
	first=$(grep '^hearth-session' "$j" | head -n 1 | cut -f4)
	last=$(grep '^hearth-session' "$j" | tail -n 1 | cut -f4)
	local line
	for line in "${lines[@]}"; do
		[[ $line == "self	"*"	$first	"*"	$last	"* ]] || { echo "$line"; return 1; }
	done

	# Scored again with a copy on stdin: the blocks twice, in order.
	run --separate-stderr score "$j" - < "$j"
	assert_success_quiet
	assert_output_file <(ref "$j" "$j")
}
