# Shared set-up for hearth's bats tests. HEARTH_BIN names the tree under
# test (tests/run sets it: the build tree, then an installed one); without
# it the build tree is used.
bats_require_minimum_version 1.5.0

HEARTH_TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
case $HEARTH_TOP in */tests) HEARTH_TOP=${HEARTH_TOP%/tests} ;; esac
: "${HEARTH_BIN:=$HEARTH_TOP/cmd}"
if [ "${HEARTH_TREE:-build}" = build ]; then
	: "${HEARTH_DATA:=$HEARTH_TOP/share}"
	export HEARTH_DATA
fi
PATH=$HEARTH_BIN:$PATH
GOLDEN=$HEARTH_TOP/tests/golden
SHARE=$HEARTH_TOP/share

# A private copy of the data files, for tests that break them.
data_copy() {
	DATA=$BATS_TEST_TMPDIR/data
	mkdir -p "$DATA"
	cp -R "$SHARE"/. "$DATA"/
	export HEARTH_DATA=$DATA
}

# status, stdout and stderr together: the common shape of a usage error.
assert_usage_error() {
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ $stderr == *"usage: "* ]]
}

# Fails with a readable diff when $output differs from the file given.
assert_output_file() {
	diff -u "$1" <(printf '%s\n' "$output")
}

# Status 0 and nothing on stderr; $1, if given, names what ran.
assert_success_quiet() {
	local who=${1:+$1: }
	[ "$status" -eq 0 ] || { echo "${who}status $status: $stderr"; return 1; }
	[ -z "$stderr" ] || { echo "${who}stderr: $stderr"; return 1; }
}

# Status 1, nothing on stdout, and exactly the message $1 on stderr.
assert_error() {
	[ "$status" -eq 1 ] || { echo "status $status, expected 1 ($stderr)"; return 1; }
	[ -z "$output" ] || { echo "stdout not empty: $output"; return 1; }
	[ "$stderr" = "$1" ] || { printf 'stderr: %s\nwanted: %s\n' "$stderr" "$1"; return 1; }
}

# A usage error of tool $1 whose message is exactly "$1: $2", followed by
# the synopsis and the hint.
assert_usage_message() {
	assert_usage_error || { echo "$1: status $status, stdout '$output'"; return 1; }
	[ "${stderr_lines[0]}" = "$1: $2" ] || {
		printf 'stderr: %s\nwanted: %s: %s\n' "${stderr_lines[0]}" "$1" "$2"
		return 1
	}
	[[ ${stderr_lines[1]} == "usage: $1 "* ]]
	[ "${stderr_lines[${#stderr_lines[@]} - 1]}" = "Try '$1 -h' for more." ]
}

# Appends a line, given as a printf format, to the data copy's file $1 and
# sets LINE to its line number.
append_line() {
	# shellcheck disable=SC2059
	printf "$2\n" >> "$DATA/$1"
	LINE=$(wc -l < "$DATA/$1")
	LINE=${LINE//[!0-9]/}
}

# What score should print for the sessions in the files (stdin without),
# from the plain awk scorer; -r and -t as for score.
ref() {
	local mode=
	case ${1:-} in
	-r) mode=refs; shift ;;
	-t) mode=trend; shift ;;
	esac
	awk -v mode="$mode" -f "$HEARTH_TOP/tests/bench/score.awk" "$SHARE"/*.bank "${@:--}"
}

# The ids of the questions quiz asks, in its order, for options "$@".
print_order() {
	quiz -p "$@" | sed -En 's/^[0-9]+\. .* \(([a-z][a-z0-9-]*), .*\)$/\1/p'
}

# Runs the expect script tests/pty/$1.exp with the other arguments; it must
# succeed and say nothing on stderr.
run_pty() {
	local script=$1
	shift
	run --separate-stderr timeout 60 expect -f "$HEARTH_TOP/tests/pty/$script.exp" "$@"
	[ "$status" -eq 0 ] || {
		printf '%s.exp: status %s\n%s\ntranscript:\n%s\n' "$script" "$status" \
			"$stderr" "$output"
		return 1
	}
	[ -z "$stderr" ] || { echo "stderr: $stderr"; return 1; }
}

# What score prints for tests/fixtures/hand.session, finished at time $1:
# worked out by hand, step by step, in tests/score.bats.
hand_results() {
	local T=$1
	cat <<-EOF
	$T	self	walls	4.0	high	1
	$T	self	reaching	3.6	moderate	2
	$T	self	strain	2.4	moderate	2
	$T	self	reciprocity	1.8	low	5
	$T	self	readiness	4.2	high	-
	$T	self	safety	If you are afraid of your partner or feel controlled, please talk to someone you trust, a local domestic-abuse service, or, if you are in danger, emergency services.
	EOF
}
