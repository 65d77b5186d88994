load ../helper

# The helpers of tests/helper.bash, tested: each assertion must pass on the
# right values and fail, saying why, on each wrong one, also where errexit
# cannot help (inside `if`, `||` or `!`); run must fail a test at once
# unless the status and stderr are what the test asked for.

# fails CMD...: CMD must fail, with errexit off as inside `if`, and say why
# on stdout or stderr.
fails() {
	if "$@" > "$TMP/why" 2>&1; then
		echo "passed, but should have failed: $*"
		return 1
	fi
	[ -s "$TMP/why" ] || { echo "failed without saying why: $*"; return 1; }
}

# passes CMD...: CMD must succeed, with errexit off.
passes() {
	if ! "$@" > "$TMP/why" 2>&1; then
		echo "failed, but should have passed: $*"
		cat "$TMP/why"
		return 1
	fi
}

# Sets what run would after a command: status $1, stdout $2, stderr $3.
ran() {
	status=$1 output=$2 stderr=$3
	IFS=$'\n' read -d '' -r -a lines <<< "$output" || true
	IFS=$'\n' read -d '' -r -a stderr_lines <<< "$stderr" || true
}

USAGE="usage: section [-lp] [-f part] [-w width] [reference ...]"

@test "run: a quiet success passes and sets status, output, lines, stderr and stderr_lines" {
	run printf 'a\nb\n'
	[ "$status" -eq 0 ]
	[ "$output" = $'a\nb' ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = b ]
	[ -z "$stderr" ]
	[ "${#stderr_lines[@]}" -eq 0 ]
	# --keep-empty-lines is passed on; --separate-stderr is the default.
	run --keep-empty-lines printf 'a\n\nb'
	[ "${#lines[@]}" -eq 3 ]
	run --separate-stderr printf x
	[ "$output" = x ]
}

@test "run: a plain run fails on a non-zero status, even inside ||, and shows all" {
	local rc=0
	run sh -c 'echo out; echo err >&2; exit 3' > "$TMP/report" || rc=$?
	[ "$rc" -eq 1 ]
	[ "$status" -eq 3 ]
	[ "$output" = out ]
	[ "$stderr" = err ]
	[ "${stderr_lines[0]}" = err ]
	grep -qx 'status: 3' "$TMP/report"
	grep -qx out "$TMP/report"
	grep -qx err "$TMP/report"
	if run false > /dev/null; then echo "run false passed in an if"; return 1; fi
}

@test "run: a plain run fails on anything on stderr, even with status 0" {
	local rc=0
	run sh -c 'echo warning >&2' > "$TMP/report" || rc=$?
	[ "$rc" -eq 1 ]
	[ "$status" -eq 0 ]
	[ "$stderr" = warning ]
	grep -qx warning "$TMP/report"
	fails run sh -c 'printf x >&2'
}

@test "run -N and run !: the status asked for, stderr kept apart" {
	run -3 sh -c 'echo out; echo err >&2; exit 3'
	[ "$status" -eq 3 ]
	[ "$output" = out ]
	[ "$stderr" = err ]
	run -0 sh -c 'echo note >&2'
	[ "$stderr" = note ]
	run ! sh -c 'echo err >&2; exit 1'
	[ "$status" -eq 1 ]
	[ "$stderr" = err ]
	[ -z "$output" ]
	fails run -1 true
	fails run -1 sh -c 'exit 2'
	fails run -0 false
	fails run ! true
	grep -q 'status: 0' "$TMP/why"
	fails run -Q true
}

@test "run fails the test at once; a helper's check fails it inside ||" {
	# A test file of its own, under a tree that links to this one's data.
	local top=$TMP/top
	mkdir -p "$top/tests"
	ln -s "$SHARE" "$top/share"
	# (TEST for @test, which bats would take for a test of this file)
	sed 's/^TEST /@test /' > "$top/tests/t.bats" <<-EOF
	load "$HEARTH_TOP/tests/helper"
	TEST "plain run, status 1" { run false; touch "$TMP/after-1"; }
	TEST "plain run, stderr" { run sh -c 'echo x >&2'; touch "$TMP/after-2"; }
	TEST "run -2, status 1" { run -2 false; touch "$TMP/after-3"; }
	TEST "run !, status 0" { run ! true; touch "$TMP/after-4"; }
	TEST "assert_usage_message in ||, stray stdout" {
		run -2 sh -c 'echo out; printf "x: bad\nusage: x [-a]\nTry '\''x -h'\'' for more.\n" >&2; exit 2'
		assert_usage_message x bad || false
		touch "$TMP/after-5"
	}
	TEST "a passing run" { run true; run -1 false; run ! false; touch "$TMP/after-6"; }
	EOF
	run -1 bats --tap "$top/tests/t.bats"
	[ "${lines[0]}" = 1..6 ]
	[ "$(grep -c '^not ok [1-5] ' <<< "$output")" -eq 5 ]
	grep -qx 'ok 6 a passing run' <<< "$output"
	# (One check a line: in `a && b` a failing a never trips errexit.)
	[ ! -e "$TMP/after-1" ]
	[ ! -e "$TMP/after-2" ]
	[ ! -e "$TMP/after-3" ]
	[ ! -e "$TMP/after-4" ]
	[ ! -e "$TMP/after-5" ]
	[ -e "$TMP/after-6" ]
	# The failure shows what the command did.
	grep -q '^# status: 1$' <<< "$output"
	grep -q '^# stdout:$' <<< "$output"
}

@test "assert_usage_error: status 2, an empty stdout and a usage on stderr" {
	ran 2 "" "section: bad"$'\n'"$USAGE"
	passes assert_usage_error
	ran 1 "" "section: bad"$'\n'"$USAGE"
	fails assert_usage_error
	grep -q 'status 1' "$TMP/why"
	ran 0 "" "section: bad"$'\n'"$USAGE"
	fails assert_usage_error
	ran 2 "stray" "section: bad"$'\n'"$USAGE"
	fails assert_usage_error
	grep -q 'stray' "$TMP/why"
	ran 2 "" "section: bad"
	fails assert_usage_error
}

@test "assert_usage_message: the usage error, its message, synopsis and hint" {
	local hint="Try 'section -h' for more."
	ran 2 "" "section: bad"$'\n'"$USAGE"$'\n'"$hint"
	passes assert_usage_message section bad
	ran 1 "" "section: bad"$'\n'"$USAGE"$'\n'"$hint"
	fails assert_usage_message section bad
	ran 0 "" "section: bad"$'\n'"$USAGE"$'\n'"$hint"
	fails assert_usage_message section bad
	ran 2 "stray" "section: bad"$'\n'"$USAGE"$'\n'"$hint"
	fails assert_usage_message section bad
	ran 2 "" "section: bad"$'\n'"$USAGE"$'\n'"$hint"
	fails assert_usage_message section worse
	fails assert_usage_message summary bad
	ran 2 "" "section: bad"$'\n'"usage: other"$'\n'"$USAGE"$'\n'"$hint"
	fails assert_usage_message section bad
	ran 2 "" "section: bad"$'\n'"$USAGE"
	fails assert_usage_message section bad
	ran 2 "" "section: bad"$'\n'"$USAGE"$'\n'"$hint"$'\n'"more"
	fails assert_usage_message section bad
}

@test "assert_error: status 1, an empty stdout and exactly the message" {
	ran 1 "" "section: no"
	passes assert_error "section: no"
	ran 2 "" "section: no"
	fails assert_error "section: no"
	ran 0 "" "section: no"
	fails assert_error "section: no"
	ran 1 "stray" "section: no"
	fails assert_error "section: no"
	ran 1 "" "section: no"$'\n'"more"
	fails assert_error "section: no"
	ran 1 "" ""
	fails assert_error "section: no"
}

@test "assert_output_file: \$output exactly as the file" {
	printf 'a\nb\n' > "$TMP/want"
	ran 0 $'a\nb' ""
	passes assert_output_file "$TMP/want"
	ran 0 $'a\nc' ""
	fails assert_output_file "$TMP/want"
	ran 0 $'a\nb\nc' ""
	fails assert_output_file "$TMP/want"
	ran 0 "" ""
	fails assert_output_file "$TMP/want"
}

@test "assert_session: one session of the bank, its answers, from \$output or a file" {
	local T=2026-01-02T03:04:05Z
	printf 's01\t4\ns02\t5\n' > "$TMP/want"
	session self "$T" s01=4 s02=5 > "$TMP/s"
	ran 0 "$(cat "$TMP/s")" ""
	passes assert_session self "$TMP/want"
	assert_session self "$TMP/want"
	[ "$TIME" = "$T" ]
	passes assert_session self "$TMP/want" "$TMP/s"
	passes assert_session self - < "$TMP/want"
	fails assert_session know "$TMP/want"
	fails assert_session self "$TMP/want" "$TMP/missing"
	session self "$T" s01=4 s02=3 > "$TMP/s"
	ran 0 "$(cat "$TMP/s")" ""
	fails assert_session self "$TMP/want"
	fails assert_session self "$TMP/want" "$TMP/s"
	session self "$T" s01=4 > "$TMP/s"
	ran 0 "$(cat "$TMP/s")" ""
	fails assert_session self "$TMP/want"
	ran 0 "$(session self 2026-01-02 s01=4 s02=5)" ""
	fails assert_session self "$TMP/want"
	ran 0 "$(session self "$T" s01=4 s02=5; echo extra)" ""
	fails assert_session self "$TMP/want"
}

@test "check_wrapped: the paragraphs of the file, wrapped and indented as they should be" {
	printf 'Heading\n- one two three four\n\nNext\n' > "$TMP/paras"
	ran 0 $'Heading\n- one two\n  three\n  four\n\nNext' ""
	passes check_wrapped 10 "$TMP/paras"
	# A word wider than the width on a line of its own is fine.
	ran 0 $'Heading\n- one\n  two\n  three\n  four\n\nNext' ""
	passes check_wrapped 5 "$TMP/paras"
	ran 0 $'Heading\n- one two three\n  four\n\nNext' ""
	fails check_wrapped 10 "$TMP/paras"
	ran 0 $'Heading\n- one two\nthree four\n\nNext' ""
	fails check_wrapped 10 "$TMP/paras"
	ran 0 $'Heading\n- one two\n  three\n  four\nNext' ""
	fails check_wrapped 10 "$TMP/paras"
	ran 0 $'Heading\n- one two\n  three\n\nNext' ""
	fails check_wrapped 10 "$TMP/paras"
	ran 0 $'Heading\n- one two\n  three\n  four\n\nNext\nmore' ""
	fails check_wrapped 10 "$TMP/paras"
}

@test "run_at_terminal: the command's terminal output, the status asked for" {
	run_at_terminal 'test -t 1 && echo tty; echo err >&2'
	[ "$output" = $'tty\nerr' ]
	[ "${lines[1]}" = err ]
	fails run_at_terminal 'exit 3'
	run_at_terminal -3 'echo x; exit 3'
	[ "$output" = x ]
	fails run_at_terminal -3 'true'
}

@test "append_line: escapes expanded, LINE the first line added" {
	data_copy
	local before
	before=$(wc -l < "$DATA/points")
	append_line points 'point\t1\tA%d\\' 'point\t1\tB\0C'
	[ "$LINE" -eq $((before + 1)) ]
	[ "$(sed -n "${LINE}p" "$DATA/points")" = $'point\t1\tA%d\\' ]
	sed -n "$((LINE + 1))p" "$DATA/points" | cmp - <(printf 'point\t1\tB\0C\n')
	append_line points '\377'
	[ "$LINE" -eq $((before + 3)) ]
	tail -n 1 "$DATA/points" | cmp - <(printf '\377\n')
}

@test "N, SIGNALS, KNOW_N and TIME_RE are what the banks and quiz say" {
	[ "$N" -eq $(($(bank_field self item | wc -l) + $(bank_field self signal | wc -l))) ]
	[ "$SIGNALS" -eq "$(bank_field self signal | wc -l)" ]
	[ "$SIGNALS" -gt 0 ]
	run quiz -l
	[ "$(grep -c '^[0-9]*\. ' <<< "$output")" -eq "$N" ]
	[ "$KNOW_N" -eq "$(bank_field know question | wc -l)" ]
	[ "$N" -gt 0 ]
	[ "$KNOW_N" -gt 0 ]
	[[ 2026-11-25T14:03:12Z =~ ^$TIME_RE$ ]]
	[[ ! 2026-11-25T14:03:12 =~ ^$TIME_RE$ ]]
	[ "$(letters <<< k01)" = "$(awk -F'\t' '$2 == "k01" { print $4; exit }' "$SHARE/know.bank")" ]
	[ "$(letters -w <<< k01)" != "$(letters <<< k01)" ]
}
