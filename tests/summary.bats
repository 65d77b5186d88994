load helper

# Expected texts come from the golden guide and the data files in $SHARE.

# ENTRIES: the reminders of a fortune-format file ($SHARE/reminders unless
# $1 names another), each as summary prints it: entries are separated by
# lines holding only "%", and lose their trailing newlines; empty ones do
# not count. IS_ENTRY has each entry as a key.
load_reminders() {
	local entry
	ENTRIES=()
	declare -gA IS_ENTRY=()
	# A loop in awk: bats traces every shell command, so loops there are slow.
	mapfile -t -d $'\036' ENTRIES < <(awk '
		function add() {
			sub(/\n+$/, "", entry)
			if (entry != "") printf "%s\036", entry
			entry = ""
		}
		$0 == "%" { add(); next }
		{ entry = entry $0 "\n" }
		END { add() }' "${1:-$SHARE/reminders}")
	for entry in "${ENTRIES[@]}"; do IS_ENTRY[$entry]=1; done
}

# The rule of summary(1), worked out here from its words rather than the
# code's: days are counted from 1970-01-01 and weeks from Monday
# 1969-12-29; with N reminders, turns (days or weeks) N * c to
# N * c + N - 1 make cycle c.

# The number of day $1 (YYYY-MM-DD), counted from 1970-01-01.
day_number() {
	echo $(($(date -u -d "$1" +%s) / 86400))
}

# The dates of the $2 days $1, $1 + $3, $1 + 2 * $3, ... ($3 is 1 unless
# given), $1 a day number; one a line.
dates_of_days() {
	seq 0 $(($2 - 1)) | awk -v from="$1" -v step="${3:-1}" \
		'{ print "@" (from + $1 * step) * 86400 }' | date -u -f - +%F
}

# The first day from 2026-01-01 on that begins a cycle of $1 days.
first_day_of_cycle() {
	local day
	day=$(day_number 2026-01-01) || return 1
	echo $((day + ($1 - day % $1) % $1))
}

# The Monday, as a day number, of the first week from 2026-01-01 on that
# begins a cycle of $1 weeks.
first_monday_of_cycle() {
	local week
	# The first week whose Monday, day 7 * week - 3, is not before.
	week=$((($(day_number 2026-01-01) + 9) / 7))
	week=$((week + ($1 - week % $1) % $1))
	echo $((week * 7 - 3))
}

# REMINDERS: what summary OPTION -d DATE prints, OPTION being $1 (-m or
# -W), for each date read from stdin, one an element; each must be one of
# ENTRIES. (One shell runs them all: a run each is slow.)
reminders_for() {
	local option=$1 dates reminder
	mapfile -t dates
	[ "${#dates[@]}" -gt 0 ] || { echo "no dates"; return 1; }
	run bash -c 'o=$1; shift; for d; do r=$(summary "$o" -d "$d") || exit; printf "%s\036" "$r"; done' \
		_ "$option" "${dates[@]}" || return 1
	mapfile -t -d $'\036' REMINDERS < <(printf '%s' "$output")
	[ "${#REMINDERS[@]}" -eq "${#dates[@]}" ] ||
		{ echo "${#REMINDERS[@]} reminders for ${#dates[@]} dates"; return 1; }
	for reminder in "${REMINDERS[@]}"; do
		is_reminder "$reminder" || return 1
	done
}

# DISTINCT: how many different arguments there are.
distinct() {
	local arg
	local -A seen=()
	for arg; do seen[$arg]=1; done
	DISTINCT=${#seen[@]}
}

# A data copy whose reminders are the first $1 of ENTRIES.
first_reminders() {
	local i
	data_copy
	for ((i = 0; i < $1; i++)); do
		((i == 0)) || printf '%%\n'
		printf '%s\n' "${ENTRIES[i]}"
	done > "$DATA/reminders"
}

# Succeeds when $1 is one of ENTRIES.
is_reminder() {
	[ -n "${IS_ENTRY[$1]+set}" ] || { echo "not a reminder: '$1'"; return 1; }
}

@test "summary prints the guide's summary paragraphs without the heading" {
	golden_summary > "$BATS_TEST_TMPDIR/expected"
	[ -s "$BATS_TEST_TMPDIR/expected" ]
	run bash -c 'summary > "$1"' _ "$BATS_TEST_TMPDIR/out"
	[ -z "$output" ]
	cmp "$BATS_TEST_TMPDIR/expected" "$BATS_TEST_TMPDIR/out"
	# The last lines of the golden guide, so no heading among them.
	cmp <(tail -n "$(wc -l < "$BATS_TEST_TMPDIR/expected")" "$GOLDEN/guide.txt") \
		"$BATS_TEST_TMPDIR/out"
}

@test "summary 3 prints section 3's heading then its key points" {
	run summary 3
	assert_output_file <(expected_points 3)
	[ "${lines[0]}" = "$(sed -n '/^3\. /p' "$GOLDEN/guide.txt")" ]
	[ "${#lines[@]}" -ge 3 ]
	[[ ${lines[1]} == "- "* ]]
}

@test "summary N for every section of the guide" {
	local n count=0
	for n in $(awk -F'\t' '$1 == "section" { print $2 }' "$SHARE/guide"); do
		run summary "$n"
		assert_output_file <(expected_points "$n")
		count=$((count + 1))
	done
	[ "$count" -eq 6 ]
}

@test "summary by slug, prefix, several references and stdin" {
	run summary letting-go
	assert_output_file <(expected_points 3)

	run summary LET
	assert_output_file <(expected_points 3)

	run summary 3 5
	assert_output_file <(expected_points 3 5)

	run summary - <<< $'3\n\n# comment\n home \r'
	assert_output_file <(expected_points 3 5)

	run summary 1 - 6 <<< 'reaching'
	assert_output_file <(expected_points 1 2 6)
}

@test "summary with an unknown reference is an error with no output" {
	run -1 summary x
	assert_error "summary: no section 'x' (see section -l)"

	run -1 summary 3 x
	assert_error "summary: no section 'x' (see section -l)"

	run -1 summary - <<< $'3\nnope'
	assert_error "summary: stdin:2: no section 'nope' (see section -l)"
}

@test "summary -w wraps the key points, continuation lines indented" {
	expected_points 3 > "$TMP/expected"
	# Wide enough for the heading, too narrow for the key points.
	run summary -w 40 3
	[ "${lines[0]}" = "$(head -n 1 "$TMP/expected")" ]
	[ "${#lines[@]}" -gt "$(wc -l < "$TMP/expected")" ]
	check_wrapped 40 "$TMP/expected"
	# No word there is that wide: no line is wider at all.
	[ "$(printf '%s\n' "$output" | LC_ALL=C.UTF-8 wc -L)" -le 40 ]
}

@test "summary -w puts a blank line between sections, as section does" {
	# Wide enough that nothing wraps.
	run summary -w 1000 3 5
	assert_output_file <(expected_points 3; echo; expected_points 5)
}

@test "summary of a section with no key points prints its heading only" {
	data_copy
	grep -v $'^point\t4\t' "$SHARE/points" > "$DATA/points"
	run summary 4 5
	assert_output_file <(awk -F'\t' '$1 == "section" && $2 == 4 { print $4 }' \
		"$SHARE/guide"; expected_points 5)
}

@test "summary -d DATE prints the same reminder on every run" {
	load_reminders
	run summary -d 2026-01-01
	is_reminder "$output"
	local first=$output
	run summary -d 2026-01-01
	[ "$output" = "$first" ]
}

@test "summary -d on the N days of a cycle prints each of the N reminders once" {
	local n
	load_reminders
	n=${#ENTRIES[@]}
	[ "$n" -gt 1 ]
	reminders_for -m < <(dates_of_days "$(first_day_of_cycle "$n")" "$n")
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -eq "$n" ] || { echo "$DISTINCT different reminders in $n days"; return 1; }
}

@test "summary -d: each cycle of N days has an order of its own" {
	local n first cycle
	local -a orders=()
	load_reminders
	n=${#ENTRIES[@]}
	first=$(first_day_of_cycle "$n")
	for cycle in 0 1 2 3; do
		reminders_for -m < <(dates_of_days $((first + cycle * n)) "$n")
		distinct "${REMINDERS[@]}"
		[ "$DISTINCT" -eq "$n" ] || { echo "cycle $cycle: $DISTINCT different"; return 1; }
		orders+=("$(printf '%s\036' "${REMINDERS[@]}")")
	done
	[ "${orders[0]}" != "${orders[1]}" ]
	distinct "${orders[@]}"
	[ "$DISTINCT" -eq 4 ]
}

@test "summary -d never shows one reminder two days running, across cycles too" {
	local i
	load_reminders
	# Three reminders: 100 cycles, and 99 days where one ends and the next
	# begins, each of which a plain shuffle would repeat once in three.
	first_reminders 3
	load_reminders "$DATA/reminders"
	reminders_for -m < <(dates_of_days "$(first_day_of_cycle 3)" 300)
	for ((i = 1; i < 300; i++)); do
		[ "${REMINDERS[i]}" != "${REMINDERS[i - 1]}" ] || { echo "day $i repeats"; return 1; }
	done
	for ((i = 0; i < 300; i += 3)); do
		distinct "${REMINDERS[@]:i:3}"
		[ "$DISTINCT" -eq 3 ] || { echo "the cycle from day $i"; return 1; }
	done
}

@test "summary -m on Mondays only: 70 Mondays show most reminders" {
	local monday
	load_reminders
	# The first Monday of 2026 (1970-01-01 was a Thursday).
	monday=$(day_number 2026-01-05)
	[ "$(date -u -d 2026-01-05 +%u)" -eq 1 ]
	reminders_for -m < <(dates_of_days "$monday" 70 7)
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -ge 25 ] || { echo "$DISTINCT different reminders"; return 1; }
	# 35 reminders, a multiple of 7: Mondays fall on 5 places of each
	# cycle, and it is the order changing that brings round the others.
	first_reminders 35
	load_reminders "$DATA/reminders"
	reminders_for -m < <(dates_of_days "$monday" 70 7)
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -ge 25 ] || { echo "$DISTINCT of 35 reminders"; return 1; }
}

@test "summary -m on weekdays only: a year of them shows every reminder" {
	load_reminders
	first_reminders 35
	load_reminders "$DATA/reminders"
	reminders_for -m < <(dates_of_days "$(day_number 2026-01-01)" 365 |
		date -u -f - '+%u %F' | awk '$1 <= 5 { print $2 }')
	[ "${#REMINDERS[@]}" -eq 261 ]
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -eq 35 ]
}

# Runs the command as run does, and sets TODAY to the date it ran on:
# a run that spans midnight is tried again, up to three times.
run_today() {
	local after
	for _ in 1 2 3; do
		TODAY=$(date +%F)
		run "$@"
		after=$(date +%F)
		[ "$TODAY" != "$after" ] || return 0
	done
}

@test "summary -m prints today's reminder" {
	load_reminders
	run_today summary -m
	is_reminder "$output"
	local today=$output
	run summary -d "$TODAY"
	[ "$output" = "$today" ]
}

@test "summary -m in a cron-like environment prints one reminder" {
	load_reminders
	local -a data=()
	[ -z "${HEARTH_DATA+set}" ] || data=("HEARTH_DATA=$HEARTH_DATA")
	run "${EMPTY_ENV[@]}" "${data[@]}" "$HEARTH_BIN/summary" -m < /dev/null
	is_reminder "$output"
}

@test "summary -d accepts leap days only in leap years" {
	load_reminders
	local day
	for day in 2024-02-29 2000-02-29 0001-01-01 9999-12-31; do
		run summary -d "$day"
		is_reminder "$output"
	done
	for day in 2026-02-29 1900-02-29; do
		run -2 summary -d "$day"
		assert_usage_message summary "$day: no such day"
	done
}

@test "summary -d with a bad date is a usage error" {
	local day
	for day in 26-01-01 2026-1-1 garbage '' 2026/01/01 2026-01-1x \
		' 2026-01-1' 0000-01-01 +026-01-01 2026-01-01x; do
		run -2 summary -d "$day"
		assert_usage_message summary "$day: not a date of the form YYYY-MM-DD"
	done
	# The calendar names what is wrong with a date of the right form.
	for day in 2026-02-30 2026-04-31 2026-01-00 2026-01-32; do
		run -2 summary -d "$day"
		assert_usage_message summary "$day: no such day"
	done
	for day in 2026-13-01 2026-00-10; do
		run -2 summary -d "$day"
		assert_usage_message summary "$day: no such month"
	done
}

@test "summary -d without a date, or with a second one, is a usage error" {
	run -2 summary -d
	assert_usage_message summary "option -d needs a value"
	run -2 summary -d 2026-01-01 2026-01-02
	assert_usage_message summary "-d takes no operands"
	# The date is -d's value, never an operand of -m.
	run -2 summary -m 2026-01-01
	assert_usage_message summary "-m takes no operands"
}

@test "summary -R with -m or -d is a usage error" {
	run -2 summary -m -R
	assert_usage_message summary "-R and -m cannot be used together"
	run -2 summary -R -d 2026-01-01
	assert_usage_message summary "-R and -d cannot be used together"
}

@test "summary -s without -R is a usage error" {
	run -2 summary -s 7
	assert_usage_message summary "-s goes only with -R"
	run -2 summary -m -s 7
	assert_usage_message summary "-s goes only with -R"
	run -2 summary -s 7 3
	assert_usage_message summary "-s goes only with -R"
}

@test "summary -s with a bad seed is a usage error" {
	local seed
	for seed in abc -1 2147483648 ''; do
		run -2 summary -R -s "$seed"
		assert_usage_message summary "-s '$seed' is not a number from 0 to 2147483647"
	done
}

@test "summary -R with an operand is a usage error" {
	run -2 summary -R 3
	assert_usage_message summary "-R takes no operands"
}

@test "summary -R -s SEED prints the same reminder every time" {
	load_reminders
	run summary -R -s 7
	is_reminder "$output"
	local first=$output
	run summary -s 7 -R
	[ "$output" = "$first" ]
}

@test "summary -R -s with different seeds chooses different reminders" {
	local seed
	local -A seen=()
	load_reminders
	for seed in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
		run summary -R -s "$seed"
		is_reminder "$output"
		seen[$output]=1
	done
	[ "${#seen[@]}" -gt 1 ]
}

@test "summary -R prints one of the reminders" {
	load_reminders
	run summary -R
	is_reminder "$output"
}

@test "reminders: an empty file, or one of separators only" {
	data_copy
	: > "$DATA/reminders"
	run -1 summary -d 2026-01-01
	assert_error "summary: $DATA/reminders: no reminders in the file"

	printf '%%\n%%\n\n%%\n' > "$DATA/reminders"
	run -1 summary -R
	assert_error "summary: $DATA/reminders: no reminders in the file"
}

@test "reminders: a CRLF file still splits on its % lines" {
	load_reminders
	local n=${#ENTRIES[@]}
	data_copy
	sed 's/$/\r/' "$SHARE/reminders" > "$DATA/reminders"
	grep -q $'%\r$' "$DATA/reminders"
	reminders_for -m < <(dates_of_days "$(first_day_of_cycle "$n")" "$n")
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -eq "$n" ]
}

@test "reminders: a missing file, a NUL byte" {
	data_copy
	rm "$DATA/reminders"
	run -1 summary -m
	assert_error "summary: $DATA/reminders: cannot open: No such file or directory"

	cp "$SHARE/reminders" "$DATA/reminders"
	append_line reminders 'A\0B'
	run -1 summary -R
	assert_error "summary: $DATA/reminders:$LINE: NUL byte in line"
}

@test "points: an unknown record" {
	data_copy
	append_line points 'pointe\t1\tText'
	run -1 summary 1
	assert_error "summary: $DATA/points:$LINE: unknown record 'pointe' (expected point)"
}

@test "points: a wrong number of fields" {
	data_copy
	append_line points 'point\t1'
	run -1 summary 1
	assert_error "summary: $DATA/points:$LINE: 'point' record has 2 tab-separated fields, expected 3"

	cp "$SHARE/points" "$DATA/points"
	append_line points 'point\t1\tText\tmore'
	run -1 summary 2
	assert_error "summary: $DATA/points:$LINE: 'point' record has 4 tab-separated fields, expected 3"
}

@test "points: a point of an unknown section" {
	data_copy
	append_line points 'point\t9\tText'
	run -1 summary 1
	assert_error "summary: $DATA/points:$LINE: the guide has no section '9'"
}

@test "summary: a guide without a 'summary' section" {
	data_copy
	sed 's/^\(section\t6\t\)summary\t/\1recap\t/' "$SHARE/guide" > "$DATA/guide"
	grep -q $'^section\t6\trecap\t' "$DATA/guide"
	run -1 summary
	assert_error "summary: $DATA/guide: the guide has no section 'summary'"

	# A slug that only begins with "summary" is not it either.
	sed 's/^\(section\t6\t\)summary\t/\1summary-two\t/' "$SHARE/guide" > "$DATA/guide"
	run -1 summary
	assert_error "summary: $DATA/guide: the guide has no section 'summary'"
}

@test "summary: a malformed guide" {
	data_copy
	append_line guide 'section\t1\tagain\t1. Again'
	run -1 summary
	assert_error "summary: $DATA/guide:$LINE: section 1 is defined twice"
}

# summary -o: the reminder of the day, once a day, for ~/.profile.

@test "summary -o prints today's reminder the first time, then nothing that day" {
	export HOME=$BATS_TEST_TMPDIR/home
	unset XDG_STATE_HOME
	mkdir -p "$HOME"
	today=$(summary -m)
	run summary -o
	[ "$output" = "$today" ]
	[ -n "$output" ]
	run summary -o
	[ -z "$output" ]
	[ "$(cat "$HOME/.local/state/hearth/reminded")" = "$(date +%F)" ]
}

@test "summary -o keeps its stamp private: directories 0700, the file 0600" {
	export HOME=$BATS_TEST_TMPDIR/home
	unset XDG_STATE_HOME
	mkdir -p "$HOME"
	umask 022
	run summary -o
	[ "$output" = "$(summary -m)" ]
	[ "$(stat -c %a "$HOME/.local")" = 700 ]
	[ "$(stat -c %a "$HOME/.local/state")" = 700 ]
	[ "$(stat -c %a "$HOME/.local/state/hearth")" = 700 ]
	[ "$(stat -c %a "$HOME/.local/state/hearth/reminded")" = 600 ]
	[ "$(ls -A "$HOME/.local/state/hearth")" = reminded ]
	[ "$(cat "$HOME/.local/state/hearth/reminded")" = "$(date +%F)" ]
}

@test "summary -o uses an absolute XDG_STATE_HOME, and ignores a relative one" {
	export HOME=$BATS_TEST_TMPDIR/home XDG_STATE_HOME=$BATS_TEST_TMPDIR/state
	run summary -o
	[ "$output" = "$(summary -m)" ]
	[ "$(cat "$XDG_STATE_HOME/hearth/reminded")" = "$(date +%F)" ]
	[ ! -e "$HOME" ]
	cd "$BATS_TEST_TMPDIR"
	XDG_STATE_HOME=relative run summary -o -d 2026-03-01
	[ "$output" = "$(summary -d 2026-03-01)" ]
	[ "$(cat "$HOME/.local/state/hearth/reminded")" = 2026-03-01 ]
	[ ! -e relative ]
}

@test "summary -o with a date prints that day's reminder once" {
	export XDG_STATE_HOME=$BATS_TEST_TMPDIR/state
	run summary -o -d 2026-01-01
	[ "$output" = "$(summary -d 2026-01-01)" ]
	run summary -o -d 2026-01-01
	[ -z "$output" ]
	# Another day: printed again, and the stamp moves on.
	run summary -o -d 2026-01-02
	[ "$output" = "$(summary -d 2026-01-02)" ]
	[ "$(cat "$XDG_STATE_HOME/hearth/reminded")" = 2026-01-02 ]
}

@test "summary -o at once from ten shells: the reminder is printed once" {
	local round i
	for round in 1 2 3 4 5 6 7 8 9 10; do
		export XDG_STATE_HOME=$BATS_TEST_TMPDIR/state$round
		for i in 0 1 2 3 4 5 6 7 8 9; do
			summary -o -d 2026-03-0$((round % 9 + 1)) > "$TMP/out$i" 2> "$TMP/err$i" &
		done
		wait
		cat "$TMP"/err? > "$TMP/err"
		[ ! -s "$TMP/err" ] || { echo "round $round: $(cat "$TMP/err")"; return 1; }
		cat "$TMP"/out? > "$TMP/all"
		diff -u <(summary -d 2026-03-0$((round % 9 + 1))) "$TMP/all" ||
			{ echo "round $round"; return 1; }
	done
}

@test "summary -o whose stamp is a FIFO or a directory is refused at once" {
	export XDG_STATE_HOME=$BATS_TEST_TMPDIR/state
	mkdir -p "$XDG_STATE_HOME/hearth"
	mkfifo "$XDG_STATE_HOME/hearth/reminded"
	run -1 timeout 20 summary -o
	assert_error "summary: $XDG_STATE_HOME/hearth/reminded: not a regular file"
	rm "$XDG_STATE_HOME/hearth/reminded"
	mkdir "$XDG_STATE_HOME/hearth/reminded"
	run -1 timeout 20 summary -o
	assert_error "summary: $XDG_STATE_HOME/hearth/reminded: not a regular file"
}

@test "summary -o that cannot write its reminder leaves no stamp" {
	export XDG_STATE_HOME=$BATS_TEST_TMPDIR/state
	run -1 bash -c 'summary -o > /dev/full'
	assert_error "summary: write error: No space left on device"
	# The stamp, made and locked before the reminder, says no day.
	[ ! -s "$XDG_STATE_HOME/hearth/reminded" ]
	run summary -o
	[ -n "$output" ]
	[ "$output" = "$(summary -m)" ]
}

@test "summary -o with nowhere to keep the stamp is an error" {
	run -1 env -u HOME -u XDG_STATE_HOME summary -o
	assert_error "summary: -o keeps a stamp under XDG_STATE_HOME or HOME; neither is set"

	touch "$BATS_TEST_TMPDIR/file"
	# The stamp is locked before the reminder is printed: nothing is.
	run -1 env XDG_STATE_HOME="$BATS_TEST_TMPDIR/file" summary -o
	assert_error "summary: $BATS_TEST_TMPDIR/file/hearth: Not a directory"
}

@test "summary -o works in cron's empty environment given HOME" {
	mkdir -p "$BATS_TEST_TMPDIR/home"
	data=()
	[ -z "${HEARTH_DATA:-}" ] || data=(HEARTH_DATA="$HEARTH_DATA")
	run "${EMPTY_ENV[@]}" HOME="$BATS_TEST_TMPDIR/home" \
		"${data[@]}" "$HEARTH_BIN/summary" -o < /dev/null
	[ "${#lines[@]}" -ge 1 ]
	grep -qxF -- "${lines[0]}" "$SHARE/reminders"
	# Today's reminder, whole, as -m gives it in the same environment.
	[ "$output" = "$("${EMPTY_ENV[@]}" "${data[@]}" "$HEARTH_BIN/summary" -m)" ]
	[ -f "$BATS_TEST_TMPDIR/home/.local/state/hearth/reminded" ]
}

@test "summary -o with -R, or with a date as an operand, is a usage error" {
	run -2 summary -o -R
	assert_usage_message summary "-R and -o cannot be used together"
	# The date of -o is -d's value: summary -o -d DATE.
	run -2 summary -o 2026-01-01
	assert_usage_message summary "-o takes no operands"
	run -2 summary -o -d 2026-01-01 2026-01-02
	assert_usage_message summary "-d takes no operands"
}

# summary -W: the reminder of the ISO 8601 week, Monday to Sunday.

@test "summary -W on 35 Mondays of a cycle prints 35 reminders; N weeks print all N" {
	local n first order
	load_reminders
	n=${#ENTRIES[@]}
	[ "$n" -ge 35 ]
	first=$(first_monday_of_cycle "$n")
	[ "$(date -u -d "@$((first * 86400))" +%u)" -eq 1 ]
	reminders_for -W < <(dates_of_days "$first" 35 7)
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -eq 35 ] || { echo "$DISTINCT different reminders"; return 1; }
	# Any day of the week will do: here the Wednesdays.
	reminders_for -W < <(dates_of_days $((first + 2)) "$n" 7)
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -eq "$n" ] || { echo "$DISTINCT different reminders in $n weeks"; return 1; }
	order=${REMINDERS[*]}
	# The next cycle: all N again, in another order.
	reminders_for -W < <(dates_of_days $((first + n * 7)) "$n" 7)
	distinct "${REMINDERS[@]}"
	[ "$DISTINCT" -eq "$n" ]
	[ "${REMINDERS[*]}" != "$order" ]
}

@test "summary -W: every day of an ISO week has one reminder, the weeks around it others" {
	local week
	load_reminders
	# 2026-W02, from Monday 2026-01-05 to Sunday 2026-01-11.
	reminders_for -W < <(dates_of_days "$(day_number 2026-01-04)" 9)
	distinct "${REMINDERS[@]:1:7}"
	[ "$DISTINCT" -eq 1 ]
	[ "${REMINDERS[0]}" != "${REMINDERS[1]}" ]
	[ "${REMINDERS[8]}" != "${REMINDERS[7]}" ]
	[ "${REMINDERS[0]}" != "${REMINDERS[8]}" ]
	# Weeks that straddle the new year: 2026-W53 ends on 2027-01-03, and
	# 2020-W53 on 2021-01-03.
	for week in 2026-12-28 2020-12-28; do
		reminders_for -W < <(dates_of_days "$(day_number "$week")" 8)
		distinct "${REMINDERS[@]:0:7}"
		[ "$DISTINCT" -eq 1 ] || { echo "the week of $week"; return 1; }
		[ "${REMINDERS[7]}" != "${REMINDERS[6]}" ] || { echo "after $week"; return 1; }
	done
	# The same on every run, and this week's without -d.
	run summary -W -d 2027-01-01
	[ "$output" = "$(summary -W -d 2026-12-31)" ]
	[ "$output" = "$(summary -W -d 2027-01-01)" ]
	run_today summary -W
	[ "$output" = "$(summary -W -d "$TODAY")" ]
}

@test "summary -W -o prints once a week, and keeps the week in a stamp of its own" {
	export XDG_STATE_HOME=$BATS_TEST_TMPDIR/state
	local stamps=$XDG_STATE_HOME/hearth
	run summary -W -o -d 2026-12-31
	[ -n "$output" ]
	[ "$output" = "$(summary -W -d 2026-12-31)" ]
	[ "$(cat "$stamps/reminded-week")" = 2026-W53 ]
	[ "$(stat -c %a "$stamps/reminded-week")" = 600 ]
	[ ! -e "$stamps/reminded" ]
	# The next day is in the same ISO week, though in another year.
	run summary -W -o -d 2027-01-01
	[ -z "$output" ]
	# The reminder of the day goes by its own stamp, and leaves the week's.
	run summary -o -d 2027-01-01
	[ "$output" = "$(summary -d 2027-01-01)" ]
	[ "$(cat "$stamps/reminded")" = 2027-01-01 ]
	[ "$(cat "$stamps/reminded-week")" = 2026-W53 ]
	run summary -W -o -d 2027-01-03
	[ -z "$output" ]
	run summary -o -d 2027-01-02
	[ "$output" = "$(summary -d 2027-01-02)" ]
	# A Monday: a new week.
	run summary -W -o -d 2027-01-04
	[ "$output" = "$(summary -W -d 2027-01-04)" ]
	[ "$(cat "$stamps/reminded-week")" = 2027-W01 ]
	run summary -W -o -d 2027-01-04
	[ -z "$output" ]
	run summary -W -o -d 2020-12-31
	[ "$output" = "$(summary -W -d 2020-12-31)" ]
	[ "$(cat "$stamps/reminded-week")" = 2020-W53 ]
}

@test "summary -W -o without -d goes by this week, as date +%G-W%V names it" {
	export XDG_STATE_HOME=$BATS_TEST_TMPDIR/state
	local week
	for _ in 1 2 3; do
		week=$(date +%G-W%V)
		run summary -W -o
		[ "$week" != "$(date +%G-W%V)" ] || break
	done
	[ "$output" = "$(summary -W)" ]
	[ "$(cat "$XDG_STATE_HOME/hearth/reminded-week")" = "$week" ]
	# Today's -o prints all the same.
	run summary -o
	[ "$output" = "$(summary -m)" ]
}

@test "summary -W with -m or -R, with an operand, or with a bad date is a usage error" {
	run -2 summary -W -m
	assert_usage_message summary "-W and -m cannot be used together"
	run -2 summary -m -W -o
	assert_usage_message summary "-W and -m cannot be used together"
	run -2 summary -W -R
	assert_usage_message summary "-R and -W cannot be used together"
	run -2 summary -R -s 3 -W
	assert_usage_message summary "-R and -W cannot be used together"
	run -2 summary -W 3
	assert_usage_message summary "-W takes no operands"
	run -2 summary -W -s 7
	assert_usage_message summary "-s goes only with -R"
	run -2 summary -W -d 2026-02-30
	assert_usage_message summary "2026-02-30: no such day"
	run -2 summary -W -d 2026-W01
	assert_usage_message summary "2026-W01: not a date of the form YYYY-MM-DD"
}
