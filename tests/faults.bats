load helper

# Faults from outside: bad input, output that cannot be written, closed
# descriptors, broken or missing data, too little memory, a terminal that
# hangs up, and data that tries to drive the terminal. Each tool must give
# its documented result, or "prog: file:line: what is wrong" and exit 1:
# never a crash (status 128 or more), a hang, or a silently wrong result.
# Bugs found here are kept as tests, skipped with "BUG: ...".

setup() {
	T=2026-01-02T00:00:00Z
	session self "$T" s01=3 > "$TMP/self.s"
	session know "$T" k01=a > "$TMP/know.s"
}

# --- Input -------------------------------------------------------------

# The tools that read stdin, as commands: section and summary read
# references with "-", quiz replies, score sessions.
READERS=("section -l -" "summary -" "quiz -n 2" "score")

# What reader $1 prints for the good input "1 3" (section, summary), "4"
# and then 5 to every other statement (quiz) or one session (score), given
# as lines in file $2.
good_input() {
	case $1 in
	section* | summary*) printf '1\n3\n' > "$2" ;;
	quiz*) { echo 4; yes 5 | head -n $((1 + SIGNALS)); } > "$2" ;;
	score) session self "$T" s01=4 s02=5 > "$2" ;;
	esac
}

@test "empty input: nothing to do for section and summary; an error for quiz and score" {
	: > "$TMP/empty"
	run section -l - < "$TMP/empty"
	[ -z "$output" ]
	run summary - < "$TMP/empty"
	[ -z "$output" ]
	run -1 quiz -n 2 < "$TMP/empty"
	assert_error "quiz: input ended after 0 of $((2 + SIGNALS)) answers; nothing was written"
	run -1 score < "$TMP/empty"
	assert_error "score: stdin:1: no session in the input"
}

@test "only blank lines: skipped by section and summary; no reply for quiz, no session for score" {
	printf '\n   \n\t \n\n' > "$TMP/blank"
	run section -l - < "$TMP/blank"
	[ -z "$output" ]
	run summary - < "$TMP/blank"
	[ -z "$output" ]
	run -1 quiz -n 2 < "$TMP/blank"
	assert_error "quiz: stdin:1: not an answer to s01 (1 to 5), s, b, or q"
	run -1 score < "$TMP/blank"
	assert_error "score: stdin:4: no session in the input"
}

@test "CRLF line ends and a last line without a newline read as plain lines" {
	local cmd want form
	for cmd in "${READERS[@]}"; do
		good_input "$cmd" "$TMP/lf"
		# shellcheck disable=SC2086
		want=$($cmd < "$TMP/lf") || { echo "$cmd: good input failed"; return 1; }
		[ -n "$want" ]
		sed 's/$/\r/' "$TMP/lf" > "$TMP/crlf"
		printf '%s' "$(cat "$TMP/lf")" > "$TMP/nonl"
		printf '%s' "$(cat "$TMP/crlf")" > "$TMP/crlf-nonl"
		for form in crlf nonl crlf-nonl; do
			# shellcheck disable=SC2086
			run $cmd < "$TMP/$form" || { echo "$cmd, $form"; return 1; }
			# quiz's sessions differ in time only.
			[[ $cmd != quiz* ]] || { output=$(cut -f1,2 <<< "$output"); want=$(cut -f1,2 <<< "$want"); }
			[ "$output" = "$want" ] || { printf '%s, %s: %s\nwanted: %s\n' "$cmd" "$form" "$output" "$want"; return 1; }
		done
	done
}

# The readers given a line that is not text, in $TMP/plain as a first
# line and in $TMP/session as the answer line of a session: each names
# stdin and the line with message $1 (quiz: "not an answer", or $2).
assert_line_refused() {
	local tool
	for tool in section summary; do
		run -1 "$tool" - < "$TMP/plain" || return 1
		assert_error "$tool: stdin:1: $1" || { echo "$tool"; return 1; }
	done
	run -1 quiz < "$TMP/plain" || return 1
	assert_error "quiz: stdin:1: ${2:-not an answer to s01 (1 to 5), s, b, or q}" || return 1
	run -1 score < "$TMP/session" || return 1
	assert_error "score: stdin:2: $1" || return 1
}

@test "a 10 MB line is refused by every reader, naming its line" {
	{ head -c 10000000 /dev/zero | tr '\0' 1; printf '\n1\n'; } > "$TMP/plain"
	{
		printf 'hearth-session\t1\tself\t%s\t2\ns01\t' "$T"
		head -c 10000000 /dev/zero | tr '\0' 3
		printf '\ns02\t3\n'
	} > "$TMP/session"
	assert_line_refused "line longer than 65536 bytes" "line longer than 65536 bytes"
}

@test "a stream with no line end (/dev/zero) stops every reader at its first line" {
	local cmd tool
	for cmd in "section -l -" "summary -" "quiz -n 2" "score" "score -"; do
		tool=${cmd%% *}
		# shellcheck disable=SC2086
		run -1 timeout 20 $cmd < /dev/zero
		assert_error "$tool: stdin:1: line longer than 65536 bytes" || { echo "$cmd"; return 1; }
	done
}

@test "a NUL byte is refused by every reader, naming its line" {
	printf '1\0\n1\n' > "$TMP/plain"
	printf 'hearth-session\t1\tself\t%s\t2\ns01\t3\0\ns02\t3\n' "$T" > "$TMP/session"
	assert_line_refused "NUL byte in line"
}

@test "invalid UTF-8 is refused by every reader, naming its line" {
	printf '1\xff\n1\n' > "$TMP/plain"
	printf 'hearth-session\t1\tself\t%s\t2\ns01\t3\xc3\ns02\t3\n' "$T" > "$TMP/session"
	assert_line_refused "invalid UTF-8"
}

@test "random binary input: exit 0 or 1, every message naming stdin and a line" {
	local i cmd tool line rc
	for i in 1 2 3; do
		head -c 100000 /dev/urandom > "$TMP/random"
		for cmd in "section -" "summary -" "quiz" "score"; do
			tool=${cmd%% *}
			# Status 0 or 1, which no run -N can say: run by hand.
			rc=0
			# shellcheck disable=SC2086
			timeout 20 $cmd < "$TMP/random" > /dev/null 2> "$TMP/err" || rc=$?
			mapfile -t stderr_lines < "$TMP/err"
			((rc == 0 || rc == 1)) || { echo "$cmd: status $rc"; return 1; }
			if ((rc == 0)); then
				[ ! -s "$TMP/err" ] || { echo "$cmd: exit 0 with: $(cat "$TMP/err")"; return 1; }
				continue
			fi
			[ "${#stderr_lines[@]}" -ge 1 ] || { echo "$cmd: exit 1 without a message"; return 1; }
			for line in "${stderr_lines[@]}"; do
				# quiz may also meet the end before a bad line (a q ends it with 0).
				[[ $line =~ ^$tool:\ (stdin:[0-9]+:\ |input\ ended\ ) ]] ||
					{ echo "$cmd: $line"; return 1; }
			done
			[[ $tool == score ]] || [ "${#stderr_lines[@]}" -eq 1 ]
		done
	done
}

@test "a closed stdin, or a directory as stdin, is an error naming stdin" {
	local cmd tool
	for cmd in "${READERS[@]}" "score -"; do
		tool=${cmd%% *}
		run -1 bash -c "$cmd <&-"
		[ -z "$output" ]
		[[ $stderr == "$tool: stdin: "?* ]] || { echo "$cmd <&-: $stderr"; return 1; }
		[ "${#stderr_lines[@]}" -eq 1 ]

		run -1 bash -c "$cmd < /"
		[ -z "$output" ]
		[[ $stderr == "$tool: stdin: "?* ]] || { echo "$cmd < /: $stderr"; return 1; }
		[ "${#stderr_lines[@]}" -eq 1 ]
	done
}

# --- Output ------------------------------------------------------------

@test "yes 3 | quiz > /dev/full: a write error, exit 1, at once" {
	run -1 timeout 20 sh -c 'yes 3 | quiz > /dev/full'
	assert_error "quiz: write error: No space left on device"
}

@test "score > /dev/full stops at the first failed write, long before its input ends" {
	# Ten million sessions would take minutes to score: score must give
	# up at its first full buffer, and the pipeline end long before the
	# timeout (124).
	run -1 timeout 20 sh -c '
		awk -v t="$1" "BEGIN {
			for (i = 0; i < 10000000; i++)
				printf \"hearth-session\\t1\\tself\\t%s\\t1\\ns01\\t3\\n\", t
		}" 2> /dev/null | score > /dev/full' _ "$T"
	assert_error "score: write error: No space left on device"
}

@test "section - and summary - into /dev/full: a write error" {
	local tool
	yes 1 | head -n 2000 > "$TMP/refs"
	for tool in section summary; do
		run -1 bash -c '"$1" - < "$2" > /dev/full' _ "$tool" "$TMP/refs"
		assert_error "$tool: write error: No space left on device"
	done
}

@test "a closed stdout leaves the data files and a journal as they were" {
	local cmd tool
	data_copy
	for cmd in "section" "section -l - < $TMP/refs" "summary 1" "summary -d 2026-01-01" \
		"summary -R" "quiz -l" "quiz -k know -l" "yes 3 | quiz -a $TMP/journal" \
		"score $TMP/self.s" "score < $TMP/know.s"; do
		printf '1\n2\n' > "$TMP/refs"
		tool=${cmd%% *}
		[ "$tool" != yes ] || tool=quiz
		run -1 bash -c "$cmd >&-"
		[[ $stderr == "$tool: write error: "?* ]] || { echo "$cmd >&-: $stderr"; return 1; }
		[ "${#stderr_lines[@]}" -eq 1 ]
		# Nothing went into the files the tool opened meanwhile.
		diff -r "$SHARE" "$DATA" || { echo "after $cmd >&-"; return 1; }
	done
	# The journal got the session once: it was not the tool's stdout too.
	[ "$(grep -c '^hearth-session' "$TMP/journal")" -eq 1 ]
	[ "$(wc -l < "$TMP/journal")" -eq $((N + 1)) ]

	# With stderr closed as well, and errors to report.
	session self "$T" s01=9 > "$TMP/bad.s"
	run -1 bash -c "score $TMP/bad.s >&- 2>&-"
	run -1 bash -c "section nope >&- 2>&-"
	diff -r "$SHARE" "$DATA"
}

@test "with stdout and stderr closed, quiz holds them on /dev/null, not on a file it opened" {
	local pid i fd1='' fd2='' status
	[ -d /proc/self/fd ] || skip "no /proc to look at descriptors"
	mkfifo "$TMP/replies"
	# quiz waits for replies on the fifo, held open here (fd 8) meanwhile.
	exec 8<> "$TMP/replies"
	quiz -a "$TMP/journal" < "$TMP/replies" >&- 2>&- 3>&- 8>&- &
	pid=$!
	# Once quiz runs and has descriptor 1 again, it is waiting for a reply:
	# the guide and the bank are loaded, the journal checked.
	for ((i = 0; i < 400; i++)); do
		if [[ $(readlink "/proc/$pid/exe" 2> /dev/null) == */quiz ]]; then
			fd1=$(readlink "/proc/$pid/fd/1" 2> /dev/null) && break
		fi
		sleep 0.05
	done
	fd2=$(readlink "/proc/$pid/fd/2" 2> /dev/null) || true
	echo q >&8
	status=0
	wait "$pid" || status=$?
	exec 8>&-
	[ "$fd1" = /dev/null ] || { echo "stdout: '$fd1'"; return 1; }
	[ "$fd2" = /dev/null ] || { echo "stderr: '$fd2'"; return 1; }
	[ "$status" -eq 1 ]
	[ ! -e "$TMP/journal" ]
}

# --- Data --------------------------------------------------------------

# The commands that load data file $1, as strings for bash -c.
loaders_of() {
	case $1 in
	guide) LOADERS=("section" "section -l" "summary" "summary 2" "quiz -l" "quiz < /dev/null"
		"score $TMP/self.s" "score < $TMP/know.s") ;;
	points) LOADERS=("summary 1" "summary - <<< 2") ;;
	reminders) LOADERS=("summary -d 2026-01-01" "summary -R -s 1") ;;
	self.bank) LOADERS=("quiz -l" "quiz < /dev/null" "score $TMP/self.s") ;;
	know.bank) LOADERS=("quiz -k know -l" "quiz -k know -e < /dev/null" "score < $TMP/know.s") ;;
	*) echo "loaders_of: no case for $1"; return 1 ;;
	esac
}

# Every command that loads data file $1 fails with "TOOL: $2".
assert_loaders_fail() {
	local cmd
	loaders_of "$1"
	for cmd in "${LOADERS[@]}"; do
		run -1 timeout 20 bash -c "$cmd" || { echo "command: $cmd"; return 1; }
		assert_error "${cmd%% *}: $2" || { echo "command: $cmd"; return 1; }
	done
}

@test "HEARTH_DATA at a missing directory, a regular file, an empty directory" {
	local dir why cmd
	: > "$TMP/plain"
	mkdir "$TMP/empty"
	for dir in "$TMP/missing" "$TMP/plain" "$TMP/empty"; do
		export HEARTH_DATA=$dir
		why="No such file or directory"
		[ "$dir" != "$TMP/plain" ] || why="Not a directory"
		for cmd in "section" "summary" "summary 1" "quiz -l" "quiz < /dev/null"; do
			run -1 bash -c "$cmd"
			assert_error "${cmd%% *}: $dir/guide: cannot open: $why" || { echo "$cmd"; return 1; }
		done
		run -1 summary -d 2026-01-01
		assert_error "summary: $dir/reminders: cannot open: $why"
		# score looks for the bank a session names, then loads the guide.
		run -1 score "$TMP/self.s"
		assert_error "score: $TMP/self.s:1: no question bank 'self' in $dir"
	done
}

@test "a data file that is a directory, a FIFO or a device is named, by every tool that loads it" {
	local f kind
	for f in guide points reminders self.bank know.bank; do
		for kind in directory fifo device; do
			data_copy
			rm "$DATA/$f"
			case $kind in
			directory) mkdir "$DATA/$f" ;;
			fifo) mkfifo "$DATA/$f" ;;
			device) ln -s /dev/zero "$DATA/$f" ;;
			esac
			assert_loaders_fail "$f" "$DATA/$f: not a regular file" ||
				{ echo "$f as a $kind"; return 1; }
			rm -r "$DATA"
		done
	done
	# score without a guide, but with the bank a session names.
	data_copy
	rm "$DATA/guide"
	run -1 score "$TMP/self.s"
	assert_error "score: $DATA/guide: cannot open: No such file or directory"
}

# cut_in FILE TYPE N: copies $SHARE/FILE to $DATA/FILE cut 2 bytes after
# the N-th tab of its first TYPE record; sets CUT_LINE to that record's line.
cut_in() {
	local at
	at=$(LC_ALL=C awk -F'\t' -v type="$2" -v n="$3" '
		$1 == type {
			p = 0
			for (i = 1; i <= n; i++) p += length($i) + 1
			print off + p + 2, NR
			exit
		}
		{ off += length($0) + 1 }' "$SHARE/$1")
	[ -n "$at" ] || { echo "no $2 record in $1"; return 1; }
	CUT_LINE=${at#* }
	head -c "${at% *}" "$SHARE/$1" > "$DATA/$1"
}

@test "data files cut short in the middle of a record" {
	data_copy
	cut_in guide line 2
	assert_loaders_fail guide \
		"$DATA/guide:$CUT_LINE: 'line' record has 3 tab-separated fields, expected 4"
	cp "$SHARE/guide" "$DATA/guide"

	cut_in points point 0
	assert_loaders_fail points "$DATA/points:$CUT_LINE: unknown record 'po' (expected point)"
	cp "$SHARE/points" "$DATA/points"

	cut_in self.bank item 2
	assert_loaders_fail self.bank \
		"$DATA/self.bank:$CUT_LINE: 'item' record has 3 tab-separated fields, expected 5"
	cp "$SHARE/self.bank" "$DATA/self.bank"

	cut_in know.bank choice 1
	assert_loaders_fail know.bank \
		"$DATA/know.bank:$CUT_LINE: 'choice' record has 2 tab-separated fields, expected 3"
}

@test "data files cut short in the middle of a UTF-8 character" {
	local f at line
	data_copy
	for f in guide points reminders know.bank; do
		# Keep the first byte of the file's first multi-byte character.
		at=$(LC_ALL=C grep -a -b -o -m 1 $'[\x80-\xff]' "$SHARE/$f" | head -n 1)
		line=$(LC_ALL=C grep -a -n -m 1 $'[\x80-\xff]' "$SHARE/$f" | cut -d: -f1)
		[ -n "$at" ] && [ -n "$line" ] || { echo "$f has no multi-byte character"; return 1; }
		head -c $((${at%%:*} + 1)) "$SHARE/$f" > "$DATA/$f"
		assert_loaders_fail "$f" "$DATA/$f:$line: invalid UTF-8"
		cp "$SHARE/$f" "$DATA/$f"
	done
}

@test "a duplicate id in a bank: quiz and score name both lines" {
	local first
	data_copy
	first=$(awk -F'\t' '$1 == "item" { print NR "\t" $0; exit }' "$SHARE/self.bank")
	append_line self.bank "${first#*$'\t'}"
	assert_loaders_fail self.bank \
		"$DATA/self.bank:$LINE: id 's01' is used twice (first on line ${first%%$'\t'*})"

	first=$(awk -F'\t' '$1 == "question" { print NR "\t" $0; exit }' "$SHARE/know.bank")
	append_line know.bank "${first#*$'\t'}"
	assert_loaders_fail know.bank \
		"$DATA/know.bank:$LINE: id 'k01' is used twice (first on line ${first%%$'\t'*})"

	# section and summary do not read banks, and still work.
	run section -l
	[ "$output" = "$(HEARTH_DATA=$SHARE section -l)" ]
	[ "${#lines[@]}" -eq 6 ]
	run summary
	assert_output_file <(golden_summary)
}

@test "banks of 20,000 items: every id found, a repeated one named with its first line" {
	data_copy
	awk 'BEGIN {
		print "answer\t1\tno"; print "answer\t2\tyes"; print "band\tlow\t1"
		print "need\t50"; print "scale\tone\tthe only scale"; print "safety\tSafe."
		# Every 997th statement, from the first, a safety statement.
		for (i = 1; i <= 20000; i++)
			if (i % 997 == 1) print "signal\tx" i "\t2\t2\tStatement " i "."
			else print "item\tx" i "\tone\t+\tStatement " i "."
	}' > "$DATA/big.bank"
	awk 'BEGIN {
		for (i = 1; i <= 20000; i++) print "question\tq" i "\t1\tb\tQuestion " i "?"
		for (i = 20000; i >= 1; i--) print "choice\tq" i "\tNo " i "\nchoice\tq" i "\tYes " i
		print "note\tq1\tThe first."
	}' > "$DATA/bigknow.bank"
	run quiz -l -k big
	# The heading, two labels, and an item a line (bats drops the blank
	# lines between them).
	[ "${#lines[@]}" -eq 20003 ]
	[ "${lines[3]}" = "1. Statement 1. (x1, safety, 2)" ]
	[ "${lines[1000]}" = "998. Statement 998. (x998, safety, 2)" ]
	[ "${lines[20002]}" = "20000. Statement 20000. (x20000, one)" ]
	run quiz -l -k bigknow -s 1
	[[ $output == *$'(q1, section 1)\n   a) No 1\n   b) Yes 1\n   Answer: b\n   Note: The first.'* ]]
	[[ $output == *$'(q20000, section 1)\n   a) No 20000\n   b) Yes 20000\n   Answer: b'* ]]
	# score finds the last item as it finds the first (a safety
	# statement: the safety line; the scale needs half of its items to be
	# scored).
	printf 'hearth-session\t1\tbig\t%s\t2\nx20000\t2\nx1\t2\n' "$T" > "$TMP/big.s"
	run score "$TMP/big.s"
	[ "$output" = "$T${TAB}big${TAB}one$TAB-${TAB}unscored$TAB-"$'\n'"$T${TAB}big${TAB}safety${TAB}Safe." ]
	append_line big.bank 'item\tx19999\tone\t+\tAgain.'
	run -1 quiz -l -k big
	assert_error "quiz: $DATA/big.bank:$LINE: id 'x19999' is used twice (first on line 20005)"
	run -1 score "$TMP/big.s"
	assert_error "score: $DATA/big.bank:$LINE: id 'x19999' is used twice (first on line 20005)"
}

@test "a knowledge question whose answer is not among its choices" {
	data_copy
	append_line know.bank $'question\tzz\t1\td\tA question of two choices.' \
		$'choice\tzz\tthe first' $'choice\tzz\tthe second'
	assert_loaders_fail know.bank \
		"$DATA/know.bank:$LINE: the answer to 'zz' is not among its 2 choices"
}

@test "a scale that no item belongs to" {
	local line
	data_copy
	line=$(awk -F'\t' '$1 == "scale" { n = NR } END { print n + 1 }' "$SHARE/self.bank")
	awk -v n="$line" 'NR == n { print "scale\tlonely\tno item is on this scale" } { print }' \
		"$SHARE/self.bank" > "$DATA/self.bank"
	assert_loaders_fail self.bank \
		"$DATA/self.bank:$line: scale 'lonely' has 0 items; a scale needs two or more"
}

# --- Memory ------------------------------------------------------------

# Address space for the tools, in KiB: enough to start and to read a data
# file whole, far too little for the records of 15 million blank lines
# (lib/data.c gives every line of a file a record slot, blank or not, so
# such a file needs some 360 MB).
MEMORY_KIB=200000

# run_limited [-N] CMD: runs the shell command CMD with the address space
# limited; the status expected as for run.
run_limited() {
	local expect=()
	[[ $1 != -[0-9]* ]] || { expect=("$1"); shift; }
	run "${expect[@]}" bash -c 'ulimit -v "$1" && eval "$2"' _ "$MEMORY_KIB" "$1" || return 1
}

@test "out of memory: each tool says so and exits 1" {
	[ -z "${HEARTH_SANITIZE:-}" ] || skip "HEARTH_SANITIZE: sanitizer builds reserve huge address space"
	local cmd
	data_copy
	# With the data as shipped every tool works within the limit.
	for cmd in "section" "summary 1" "summary -d 2026-01-01" "quiz -l" "yes 3 | quiz | score"; do
		run_limited "$cmd" || { echo "$cmd"; return 1; }
		[ -n "$output" ]
		# What it prints without the limit (score's session times aside).
		diff -u <(bash -c "$cmd" | cut -f 2-) <(printf '%s\n' "$output" | cut -f 2-) ||
			{ echo "$cmd"; return 1; }
	done
	# Under the 16 MiB limit of a data file, a million short records (a
	# paragraph each, an item each) need more memory than 16 MB of address
	# space leaves, while the data as shipped needs far less.
	MEMORY_KIB=16000
	awk 'BEGIN { for (i = 0; i < 1000000; i++) print "line\t1\tp\tx" }' > "$TMP/guide.more"
	awk 'BEGIN { for (i = 0; i < 600000; i++) print "item\tx" i "\twalls\t+\tA." }' > "$TMP/self.bank.more"
	local file normal
	for file in guide self.bank; do
		loaders_of "$file"
		for cmd in "${LOADERS[@]}"; do
			# As shipped: what it gives without the limit (quiz with no
			# replies exits 1).
			normal=0
			bash -c "$cmd" > /dev/null 2>&1 || normal=$?
			run_limited -"$normal" "$cmd" || { echo "$cmd, as shipped"; return 1; }
			[[ $stderr != *"out of memory"* ]] || { echo "$cmd, as shipped"; return 1; }
		done
		cat "$SHARE/$file" "$TMP/$file.more" > "$DATA/$file"
		[ "$(wc -c < "$DATA/$file")" -lt 16777216 ]
		for cmd in "${LOADERS[@]}"; do
			run_limited -1 "$cmd" || { echo "$cmd"; return 1; }
			assert_error "${cmd%% *}: out of memory" || { echo "$cmd"; return 1; }
		done
		cp "$SHARE/$file" "$DATA/$file"
	done
}

# --- Terminal ----------------------------------------------------------

@test "the terminal hangs up mid-question: quiz dies by SIGHUP, writes nothing" {
	data_without_signals
	run_pty hangup close "$TMP/out" "$TMP/journal"
	[[ $output == *"quiz: killed by SIGHUP"* ]]
	[ -e "$TMP/out" ]
	[ ! -s "$TMP/out" ]
	[ ! -e "$TMP/journal" ]
}

@test "SIGHUP, Ctrl-C and SIGQUIT at a prompt: death by the signal, nothing written, the terminal as it was" {
	local mode
	data_without_signals
	for mode in hup int quit; do
		rm -f "$TMP/out"
		run_pty hangup "$mode" "$TMP/out" "$TMP/journal" || { echo "mode $mode"; return 1; }
		[ -e "$TMP/out" ]
		[ ! -s "$TMP/out" ] || { echo "$mode: $(cat "$TMP/out")"; return 1; }
		[ ! -e "$TMP/journal" ]
	done
}

# --- Control characters in the data -------------------------------------

# A data copy whose texts hold an OSC title sequence, a CSI clear-screen and
# a C1 CSI: a section 900 "controls" with a heading, a line and a key point,
# a line of the summary section, the only reminder, and two banks: ctl, a
# rating bank (labels, items, the safety message), and cknow, a knowledge
# bank (question, choices, note). SHOWN is BAD as a terminal should get it.
control_data() {
	# ESC and BEL sequences, the C1 controls CSI and NEL encoded, and the
	# bidirectional override RLO and isolate LRI.
	BAD=$'\033]0;pwned\007 \033[2J \xc2\x9b31m \xc2\x85 \xe2\x80\xaex \xe2\x81\xa6y'
	SHOWN='?]0;pwned? ?[2J ?31m ? ?x ?y'
	data_copy
	local summary
	summary=$(awk -F'\t' '$1 == "section" && $3 == "summary" { print $2 }' "$SHARE/guide")
	printf 'section\t900\tcontrols\tHeading %s\nline\t900\tpart\tLine %s\nline\t%s\tchoice\tSummary %s\n' \
		"$BAD" "$BAD" "$summary" "$BAD" >> "$DATA/guide"
	printf 'point\t900\tPoint %s\n' "$BAD" >> "$DATA/points"
	printf 'Reminder %s\n' "$BAD" > "$DATA/reminders"
	sed "s/BAD/$BAD/" > "$DATA/ctl.bank" <<-'EOF'
	answer	1	Never BAD
	answer	2	Always BAD
	band	low	1
	need	50
	scale	one	the only scale
	item	c1	one	+	First BAD
	item	c2	one	-	Second BAD
	safety	Safety BAD
	signal	c3	2	2	Third BAD
	EOF
	sed "s/BAD/$BAD/" > "$DATA/cknow.bank" <<-'EOF'
	question	q1	1	b	Question BAD
	choice	q1	Wrong BAD
	choice	q1	Right BAD
	note	q1	Note BAD
	EOF
	grep -qF "$BAD" "$DATA/cknow.bank"
}

# No ESC, BEL, C1 control or bidirectional control in $output; each of
# the texts given is there.
assert_harmless() {
	local text
	[[ $output != *$'\033'* ]] || { echo "ESC reached the terminal: $(od -c <<< "$output" | head -n 20)"; return 1; }
	[[ $output != *$'\a'* ]] || { echo "BEL reached the terminal"; return 1; }
	if LC_ALL=C grep -q $'\xc2[\x80-\x9f]\|\xe2\x80[\xaa-\xae]\|\xe2\x81[\xa6-\xa9]' <<< "$output"; then
		echo "a C1 or bidirectional control reached the terminal: $(od -c <<< "$output" | head -n 20)"
		return 1
	fi
	for text; do
		[[ $output == *"$text"* ]] || { printf 'missing: %s\nin: %s\n' "$text" "$output"; return 1; }
	done
}

# Each of the texts given is in $output, controls and all.
assert_unchanged() {
	local text
	for text; do
		[[ $output == *"$text"* ]] || { printf 'missing: %q\n' "$text"; return 1; }
	done
}

@test "section and summary: controls in the data show as ? at a terminal, unchanged into a pipe" {
	control_data
	run_at_terminal "section -w 0 900; section -l 900"
	assert_harmless "Heading $SHOWN" "Line $SHOWN" $'900\tcontrols\tHeading '"$SHOWN"
	run bash -c "section -w 0 900; section -l 900"
	assert_unchanged "Heading $BAD" "Line $BAD" $'900\tcontrols\tHeading '"$BAD"

	run_at_terminal "summary -w 0; summary -w 0 900; summary -w 0 -R; summary -w 0 -d 2026-01-01"
	assert_harmless "Summary $SHOWN" "Heading $SHOWN" "- Point $SHOWN" "Reminder $SHOWN"
	run bash -c "summary; summary 900; summary -R; summary -d 2026-01-01"
	assert_unchanged "Summary $BAD" "Heading $BAD" "- Point $BAD" "Reminder $BAD"
}

@test "quiz -l: controls in items, questions, choices and notes show as ? at a terminal" {
	control_data
	run_at_terminal "quiz -l -k ctl; quiz -l -k cknow"
	# The answer labels are left to the next test.
	output=$(grep -v -e '^  1  Never' -e '^  2  Always' <<< "$output")
	assert_harmless "1. First $SHOWN (c1, one)" "2. Second $SHOWN (c2, one, reversed)" "3. Third $SHOWN (c3, safety, 2)" \
		"1. Question $SHOWN (q1, section 1)" "a) Wrong $SHOWN" "b) Right $SHOWN" "Note: Note $SHOWN"
	run bash -c "quiz -l -k ctl; quiz -l -k cknow"
	assert_unchanged "1. First $BAD (c1, one)" "2. Second $BAD (c2, one, reversed)" "3. Third $BAD (c3, safety, 2)" \
		"1. Question $BAD (q1, section 1)" \
		"a) Wrong $BAD" "b) Right $BAD" "Note: Note $BAD" "  1  Never $BAD"
}

@test "quiz -l: controls in the answer labels show as ? at a terminal" {
	control_data
	run_at_terminal "quiz -l -k ctl"
	assert_harmless "  1  Never $SHOWN" "  2  Always $SHOWN"
}

@test "quiz at a terminal: controls in prompts, help, feedback and notes show as ?" {
	control_data
	run_pty controls "$TMP/out" ctl cknow 1 "$SHOWN"
	[ "$(grep -c '^hearth-session' "$TMP/out")" -eq 2 ]
	grep -q "^c1$(printf '\t')2\$" "$TMP/out"
	grep -q "^c3$(printf '\t')1\$" "$TMP/out"
	grep -q "^q1$(printf '\t')a\$" "$TMP/out"
}

@test "score: the safety message into a pipe is unchanged" {
	control_data
	session ctl "$T" c1=2 c2=1 c3=2 > "$TMP/alert.s"
	run score "$TMP/alert.s"
	assert_unchanged $'\tctl\tsafety\tSafety '"$BAD"
}

@test "score: the safety line shows controls as ? at a terminal" {
	control_data
	session ctl "$T" c1=2 c2=1 c3=2 > "$TMP/alert.s"
	run_at_terminal "score -M $TMP/alert.s"
	assert_harmless $'\tctl\tsafety\tSafety '"$SHOWN"
	run_at_terminal "score -w 0 $TMP/alert.s"
	assert_harmless "  Safety $SHOWN"
	run_at_terminal "score -r $TMP/alert.s > /dev/null"
	assert_harmless "Safety $SHOWN"
}

@test "score: messages quoting an answer line show controls as ? at a terminal" {
	printf 'hearth-session\t1\tself\t%s\t2\ns01\t\033[2J\033]0;pwned\007\n\033[2Jx\t3\n' "$T" > "$TMP/esc.s"
	# Into a pipe, each message names its line.
	run -1 score "$TMP/esc.s"
	[ -z "$output" ]
	[[ ${stderr_lines[0]} == "score: $TMP/esc.s:2: '"*"' is not an answer to s01 (1 to 5, or - for skipped)" ]]
	# At a terminal, no control gets through.
	run_at_terminal -1 "score $TMP/esc.s > /dev/null"
	assert_harmless "score: $TMP/esc.s:2: '?[2J?]0;pwned?' is not an answer to s01 (1 to 5, or - for skipped)"
	printf 'hearth-session\t1\tself\t%s\t1\n\033[2Jx\t3\n' "$T" > "$TMP/esc.s"
	run_at_terminal -1 "score $TMP/esc.s > /dev/null"
	assert_harmless "score: $TMP/esc.s:2: no item '?[2Jx' in bank 'self'"
}

@test "messages naming a file show raw C1 bytes and bidirectional controls as ?" {
	local name=$'x\x9b[31m\xc2\x9b[1m\xe2\x80\xaey\xff'
	run -1 score "$TMP/$name"
	[ "$stderr" = "score: $TMP/$name: No such file or directory" ]
	run_at_terminal -1 "score '$TMP/$name'"
	assert_harmless "score: $TMP/x?[31m?[1m?y?: No such file or directory"
	[[ $output != *$'\x9b'* ]] || { echo "a raw CSI reached the terminal"; return 1; }
}

@test "section - and summary -: a reference read from stdin shows controls as ? at a terminal" {
	local tool
	printf 'x\033[2J\033]0;pwned\007\n' > "$TMP/refs"
	for tool in section summary; do
		run_at_terminal -1 "$tool - < $TMP/refs"
		assert_harmless "$tool: stdin:1: no section 'x?[2J?]0;pwned?' (see section -l)"
	done
}
