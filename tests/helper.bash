# Shared set-up for hearth's bats tests.
#
# One default, as in the xe and nq suites: a plain `run CMD` keeps stderr
# apart ($stderr, $stderr_lines) and fails the test at once, showing status,
# stdout and stderr, unless CMD exits 0 with nothing on stderr. A test that
# expects anything else says so with bats' own syntax, `run -N CMD` (status
# N) or `run ! CMD` (any status but 0), and then checks $stderr itself.
#
# Every check in a helper here ends in `|| return 1` and says what was
# wrong: a check inside `a || b` or `if` never trips errexit.
#
# HEARTH_BIN names the tree under test (tests/run sets it); without it the
# build tree is used. The tests of an installed tree (tests/installed) set
# their PATH from HEARTH_ROOT instead.
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
FIX=$HEARTH_TOP/tests/fixtures
TMP=${BATS_TEST_TMPDIR:-}
TAB=$'\t'
# EMPTY_ENV: env -i with cron's PATH, keeping only the sanitizers' options
# of make check SANITIZE=1, which a sanitizer build must not lose.
EMPTY_ENV=(env -i PATH=/usr/bin:/bin)
for v in ASAN_OPTIONS UBSAN_OPTIONS; do
	[ -z "${!v+set}" ] || EMPTY_ENV+=("$v=${!v}")
done
# A session's time, as quiz writes it.
TIME_RE='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'
# N: the statements of the self bank, items and signals, which quiz asks
# without -n; SIGNALS: the signals among them; KNOW_N: the questions of
# the know bank.
read -r N SIGNALS KNOW_N < <(awk -F'\t' '
	FILENAME ~ /self.bank$/ && ($1 == "item" || $1 == "signal") { self++ }
	FILENAME ~ /self.bank$/ && $1 == "signal" { signals++ }
	FILENAME ~ /know.bank$/ && $1 == "question" { know++ }
	END { print self + 0, signals + 0, know + 0 }' "$SHARE/self.bank" "$SHARE/know.bank")

# --- run ---------------------------------------------------------------

# bats' own run, kept under another name; run is the wrapper below.
declare -F hearth_bats_run > /dev/null || eval "hearth_bats_$(declare -f run)"

# What a run that failed its expectation $1 got, for the test's log.
run_report() {
	printf '%s: %s\nstatus: %s\nstdout:\n%s\nstderr:\n%s\n' "$1" "$BATS_RUN_COMMAND" \
		"$status" "$output" "$stderr"
}

# Runs "$@" with its stderr in the file $hearth_stderr_file. (What bats'
# run --separate-stderr does, without a mktemp process for every run.)
hearth_stderr_to_file() {
	"$@" 2> "$hearth_stderr_file"
}

# run [-N | !] [--keep-empty-lines] [--] CMD...: bats' run, with stderr
# kept apart, that fails (status 1) unless CMD gives the status asked for,
# or, when none is asked for, status 0 and an empty stderr.
run() {
	local hearth_expect=() hearth_flags=() keep_empty_lines=
	local hearth_stderr_file=${BATS_TEST_TMPDIR:-$BATS_FILE_TMPDIR}/.run-stderr.$BASH_SUBSHELL
	while (($#)); do
		case $1 in
		'!' | -[0-9]*) hearth_expect=("$1") ;;
		--separate-stderr) ;;
		--keep-empty-lines) hearth_flags+=("$1") keep_empty_lines=1 ;;
		--) shift; break ;;
		-*) echo "run: unknown flag '$1'"; return 1 ;;
		*) break ;;
		esac
		shift
	done
	local hearth_rc=0
	hearth_bats_run "${hearth_expect[@]}" "${hearth_flags[@]}" -- \
		hearth_stderr_to_file "$@" || hearth_rc=$?
	BATS_RUN_COMMAND=$*
	stderr=
	read -d '' -r stderr < "$hearth_stderr_file" || true
	bats_separate_lines stderr_lines stderr
	if ((hearth_rc)); then
		local hearth_want=${hearth_expect[0]:-0}
		[ "$hearth_want" != '!' ] || hearth_want='not 0'
		run_report "expected status ${hearth_want#-}"
		return 1
	fi
	if ((${#hearth_expect[@]} == 0)) && { [ "$status" -ne 0 ] || [ -n "$stderr" ]; }; then
		BATS_ERROR_SUFFIX=", expected status 0 and an empty stderr"
		run_report "expected status 0 and an empty stderr"
		return 1
	fi
}

# --- assertions --------------------------------------------------------

# status, stdout and stderr together: the common shape of a usage error.
assert_usage_error() {
	[ "$status" -eq 2 ] || { echo "status $status, expected 2 ($stderr)"; return 1; }
	[ -z "$output" ] || { echo "stdout not empty: $output"; return 1; }
	[[ $stderr == *"usage: "* ]] || { echo "no usage on stderr: $stderr"; return 1; }
}

# A usage error of tool $1 whose message is exactly "$1: $2", followed by
# the synopsis and the hint.
assert_usage_message() {
	assert_usage_error || { echo "$1: a usage error was expected"; return 1; }
	[ "${stderr_lines[0]}" = "$1: $2" ] || {
		printf 'stderr: %s\nwanted: %s: %s\n' "${stderr_lines[0]}" "$1" "$2"
		return 1
	}
	[[ ${stderr_lines[1]-} == "usage: $1 "* ]] ||
		{ echo "second line is no synopsis: ${stderr_lines[1]-}"; return 1; }
	[ "${stderr_lines[${#stderr_lines[@]} - 1]}" = "Try '$1 -h' for more." ] ||
		{ echo "last line is no hint: ${stderr_lines[${#stderr_lines[@]} - 1]}"; return 1; }
}

# Status 1, nothing on stdout, and exactly the message $1 on stderr.
assert_error() {
	[ "$status" -eq 1 ] || { echo "status $status, expected 1 ($stderr)"; return 1; }
	[ -z "$output" ] || { echo "stdout not empty: $output"; return 1; }
	[ "$stderr" = "$1" ] || { printf 'stderr: %s\nwanted: %s\n' "$stderr" "$1"; return 1; }
}

# Fails with a readable diff when $output differs from the file given.
assert_output_file() {
	diff -u "$1" <(printf '%s\n' "$output") || return 1
}

# assert_session BANK WANT [FILE]: FILE (else $output) is exactly one
# session of BANK whose answer lines are those of file WANT (- for stdin);
# sets TIME to the session's time.
assert_session() {
	local want count header
	want=$(cat -- "$2") || { echo "assert_session: cannot read $2"; return 1; }
	count=$(printf '%s\n' "$want" | wc -l)
	count=${count//[!0-9]/}
	if [ -n "${3-}" ]; then
		[ -f "$3" ] || { echo "no session file $3"; return 1; }
		header=$(head -n 1 "$3")
	else
		header=${lines[0]-}
	fi
	[[ $header =~ ^hearth-session$TAB"1"$TAB$1$TAB($TIME_RE)$TAB$count$ ]] || {
		echo "header: '$header' (wanted bank $1, $count answers)"
		return 1
	}
	TIME=${BASH_REMATCH[1]}
	if [ -n "${3-}" ]; then
		diff -u <(printf '%s\n' "$want") <(tail -n +2 "$3") || return 1
	else
		diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$output" | tail -n +2) || return 1
	fi
}

# assert_no_answers BANK [FILE]: FILE (else $output) is exactly one
# header of a session of BANK with no answers, what a quiz quit writes;
# sets TIME to its time.
assert_no_answers() {
	local text=$output
	if [ -n "${2-}" ]; then
		[ -f "$2" ] || { echo "no session file $2"; return 1; }
		[ "$(wc -l < "$2")" -eq 1 ] || { echo "$2 is not one line"; return 1; }
		text=$(cat "$2") || return 1
	fi
	[[ $text =~ ^hearth-session$TAB"1"$TAB$1$TAB($TIME_RE)$TAB"0"$ ]] || {
		printf 'wanted one header of bank %s with no answers, got:\n%s\n' "$1" "$text"
		return 1
	}
	TIME=${BASH_REMATCH[1]}
}

# Checks $output as the paragraphs of file $2 wrapped to $1 columns: no
# line wider than the width unless it holds one word; continuation lines
# of a "- " paragraph indented by two spaces, others not at all; each
# paragraph comes back when its lines are joined with single spaces; an
# empty line in $2 stands for the blank line between two sections.
check_wrapped() {
	local LC_ALL=C.UTF-8
	local width=$1 para line text bullet i=0
	local -a out
	mapfile -t out <<< "$output"
	for line in "${out[@]}"; do
		if [ "${#line}" -gt "$width" ] && [[ ${line#  } == *" "* ]]; then
			echo "line wider than $width columns: '$line'"
			return 1
		fi
	done
	while IFS= read -r para; do
		if [ -z "$para" ]; then
			[ "$i" -lt "${#out[@]}" ] && [ -z "${out[i]}" ] || {
				echo "output line $((i + 1)): expected a blank line"
				return 1
			}
			i=$((i + 1))
			continue
		fi
		text=${out[i]-}
		i=$((i + 1))
		[[ $text != " "* ]] || { echo "indented first line: '$text'"; return 1; }
		bullet=0
		[[ $para != "- "* ]] || bullet=1
		while [ "${#text}" -lt "${#para}" ] && [ "$i" -lt "${#out[@]}" ]; do
			line=${out[i]}
			i=$((i + 1))
			if [ "$bullet" -eq 1 ]; then
				[[ $line == "  "[!\ ]* ]] || {
					echo "continuation not indented by 2: '$line'"
					return 1
				}
				line=${line#  }
			else
				[[ $line == [!\ ]* ]] || {
					echo "bad continuation line: '$line'"
					return 1
				}
			fi
			text+=" $line"
		done
		[ "$text" = "$para" ] || {
			printf 'joined:   %s\nexpected: %s\n' "$text" "$para"
			return 1
		}
	done < "$2"
	[ "$i" -eq "${#out[@]}" ] || {
		echo "unexpected output from line $((i + 1)): '${out[i]}'"
		return 1
	}
}

# --- data --------------------------------------------------------------

# The VERSION of the Makefile in directory $1 (the source tree's without).
make_version() {
	sed -n 's/^VERSION *= *//p' "${1:-$HEARTH_TOP}/Makefile"
}

# A private copy of the data files, for tests that break them.
data_copy() {
	DATA=$BATS_TEST_TMPDIR/data
	mkdir -p "$DATA"
	cp -R "$SHARE"/. "$DATA"/
	export HEARTH_DATA=$DATA
}

# A data copy whose self bank has no safety statements: for tests of the
# dialogue, where quiz -n N is to ask N statements.
data_without_signals() {
	data_copy
	awk -F'\t' '$1 != "signal" && $1 != "safety"' "$SHARE/self.bank" > "$DATA/self.bank"
}

# append_line FILE LINE...: appends the lines to the data copy's file FILE,
# each with its backslash escapes expanded (as printf %b does: \t, \0,
# \377), and sets LINE to the line number of the first.
append_line() {
	local file=$DATA/$1
	shift
	LINE=$(wc -l < "$file") || return 1
	LINE=$((${LINE//[!0-9]/} + 1))
	printf '%b\n' "$@" >> "$file"
}

# Records of bank $1 of type $2: field $3 of each (0, the default, for the
# whole record), one a line.
bank_field() {
	awk -F'\t' -v type="$2" -v f="${3:-0}" '$1 == type { print $f }' "$SHARE/$1.bank"
}

# The ids of bank $1 (self or know), in bank order: items and signals,
# or questions.
bank_ids() {
	awk -F'\t' '$1 == "item" || $1 == "signal" || $1 == "question" { print $2 }' "$SHARE/$1.bank"
}

# The lines of the first code block of the man page source $1 (such as
# hearth.7) after the line that starts with $2, with scdoc's backslash
# escapes undone: what a reader copies from the page.
page_block() {
	awk -v first="$2" '
		/^```/ { if (inside) exit; if (want) { inside = 1; next } }
		inside { print; next }
		index($0, first) == 1 { want = 1 }' "$HEARTH_TOP/man/$1.scd" |
		sed 's/\\\(.\)/\1/g'
}

# The ids quiz -n $1 asks of the self bank, in order: the first $1
# statements that are not signals, and every signal where it falls.
first_ids() {
	awk -F'\t' -v n="$1" '($1 == "item" && n-- > 0) || $1 == "signal" { print $2 }' \
		"$SHARE/self.bank"
}

# The right letter (with -w a wrong one: a, unless a is right, then b) of
# each knowledge question whose id is on stdin.
letters() {
	awk -F'\t' -v wrong="${1:-}" '
		NR == FNR { if ($1 == "question") a[$2] = $4; next }
		{ print (wrong == "" ? a[$1] : a[$1] == "a" ? "b" : "a") }' \
		"$SHARE/know.bank" -
}

# A session of bank $1 at time $2 with answers given as ID=ANSWER.
session() {
	local bank=$1 time=$2 a
	shift 2
	printf 'hearth-session\t1\t%s\t%s\t%d\n' "$bank" "$time" $#
	for a; do printf '%s\t%s\n' "${a%%=*}" "${a#*=}"; done
}

# The replies of tests/fixtures/hand.session, one a line, in bank order
# (the order quiz asks in, safety statements last), not the file's.
hand_replies() {
	bank_ids self | awk -F'\t' 'NR == FNR { if (!/^#/ && NF == 2) a[$1] = $2; next }
		{ print a[$1] }' "$FIX/hand.session" -
}

# What score should print for the sessions in the files (stdin without),
# from the plain awk scorer; -r, -t and -e as for score.
ref() {
	local mode= explain=
	case ${1:-} in
	-r) mode=refs; shift ;;
	-t) mode=trend; shift ;;
	-e) explain=1; shift ;;
	esac
	if [ "$mode" = trend ]; then
		# In the order of time, and of the input for one time.
		awk -v mode=trend -f "$HEARTH_TOP/tests/bench/score.awk" "$SHARE"/*.bank "${@:--}" |
			sort -s -t "$TAB" -k1,1
		return
	fi
	awk -v mode="$mode" -v explain="$explain" -f "$HEARTH_TOP/tests/bench/score.awk" \
		"$SHARE"/*.bank "${@:--}"
}

# What score prints for tests/fixtures/hand.session, finished at time $1:
# worked out by hand, step by step, in tests/score.bats.
hand_results() {
	local T=$1
	cat <<-EOF
	$T	self	walls	4.0	high	1
	$T	self	reaching	3.6	moderate	2
	$T	self	strain	2.4	moderate	2
	$T	self	reciprocity	1.6	low	5
	$T	self	boundaries	4.2	high	-
	$T	self	safety	If you are afraid of your partner or feel controlled, please talk to someone you trust, a local domestic-abuse service, or, if you are in danger, emergency services. If someone else uses this computer, they may be able to read a saved journal: chmod 600 on the file keeps other accounts out, and rm deletes it.
	EOF
}

# What section N... prints: each section of the golden guide
# ($GOLDEN/guide.txt), its heading and its lines.
golden_section() {
	awk -F'\t' -v want=" $* " '
		NR == FNR { if ($1 == "section") number[$4] = $2; next }
		($0 in number) { current = number[$0] }
		{ text[current] = text[current] $0 "\n" }
		END {
			n = split(want, w, " ")
			for (i = 1; i <= n; i++) printf "%s", text[w[i]]
		}' "$SHARE/guide" "$GOLDEN/guide.txt"
}

# The golden guide's lines after the summary's heading: what summary
# prints.
golden_summary() {
	awk -F'\t' '
		NR == FNR { if ($1 == "section" && $3 == "summary") h = $4; next }
		seen { print }
		h != "" && $0 == h { seen = 1 }
		END { if (h == "") { print "no summary section" > "/dev/stderr"; exit 1 } }' \
		"$SHARE/guide" "$GOLDEN/guide.txt"
}

# What summary N... prints: the heading of each section N from the guide,
# then its key points from the points file, each as "- text".
expected_points() {
	awk -F'\t' -v want=" $* " '
		FILENAME ~ /guide$/ && $1 == "section" { heading[$2] = $4 }
		FILENAME ~ /points$/ && $1 == "point" { text[$2] = text[$2] "- " $3 "\n" }
		END {
			n = split(want, w, " ")
			for (i = 1; i <= n; i++) printf "%s\n%s", heading[w[i]], text[w[i]]
		}' "$SHARE/guide" "$SHARE/points"
}

# --- running -----------------------------------------------------------

# The ids of the questions quiz asks, in its order, for options "$@".
print_order() {
	quiz -l "$@" | sed -En 's/^[0-9]+\. .* \(([a-z][a-z0-9-]*), .*\)$/\1/p'
}

# Runs the expect script tests/pty/$1.exp with the other arguments; it must
# succeed and say nothing on stderr. $output is the transcript.
run_pty() {
	local script=$1
	shift
	run timeout 60 expect -f "$HEARTH_TOP/tests/pty/$script.exp" "$@" || return 1
}

# run_at_terminal [-N | !] CMD: runs the shell command CMD with stdout (and
# stderr) a terminal 1000 columns wide; $output without the carriage
# returns. The expected status as for run (the terminal's stderr is in
# $output, so run's $stderr is empty).
run_at_terminal() {
	local expect=()
	[[ $1 != -[0-9]* && $1 != '!' ]] || { expect=("$1"); shift; }
	run "${expect[@]}" script -qec "COLUMNS=1000; export COLUMNS; $1" /dev/null < /dev/null ||
		return 1
	output=${output//$'\r'/}
	IFS=$'\n' read -d '' -r -a lines <<< "$output" || true
}

# copy_sources DIR [tests]: the source tree's files, as make dist takes
# them, into DIR; with "tests" the tests too, but not what make fuzz and
# make bench built under them (hundreds of MB).
copy_sources() {
	(cd "$HEARTH_TOP" && cp -Rp Makefile LICENSE NEWS README.md cmd lib man share "$1"/) ||
		return 1
	[ "${2:-}" = tests ] || return 0
	mkdir -p "$1/tests" &&
		(cd "$HEARTH_TOP/tests" && tar -cf - --exclude=./fuzz/build --exclude=./bench/build .) |
		(cd "$1/tests" && tar -xf -)
}

# install_copy ROOT: installs a copy of the source tree with PREFIX=ROOT,
# then removes the copy, so that what is installed cannot lean on it.
install_copy() {
	local src=$BATS_FILE_TMPDIR/install-src
	mkdir -p "$src" || return 1
	copy_sources "$src" || return 1
	make -s -C "$src" clean > /dev/null || return 1
	make -s -C "$src" install PREFIX="$1" > /dev/null || return 1
	rm -rf "$src"
}

# For the tests of an installed tree (tests/installed), in setup_file:
# HEARTH_ROOT is the tree tests/run installed, with its sources deleted; a
# file run alone installs one of its own, the same way.
installed_tree() {
	[ -n "${HEARTH_ROOT:-}" ] && return 0
	export HEARTH_ROOT=$BATS_FILE_TMPDIR/root
	install_copy "$HEARTH_ROOT" || return 1
}

# ... and in setup: ROOT is that tree, its tools first on PATH, no
# HEARTH_DATA, the user's data directory of the data path
# ($XDG_DATA_HOME/hearth, USER_DATA) empty, not the tester's, and the
# working directory outside the sources.
use_installed_tree() {
	ROOT=$HEARTH_ROOT
	PATH=$ROOT/bin:$PATH
	unset HEARTH_DATA
	export XDG_DATA_HOME=$TMP/data-home
	USER_DATA=$XDG_DATA_HOME/hearth
	cd "$TMP" || return 1
}
