load helper

# quiz with stdin not a terminal: one reply a line, the session to stdout.
# Expected sessions are built from the bank files ($SHARE/*.bank); the
# orders of seeded quizzes come from quiz -l with the same seed, whose
# contents are themselves checked against the banks.

# $2 repeated $1 times, one a line.
repeat() {
	yes "$2" | head -n "$1"
}

# Files $1 and $2 differ.
differ() {
	if cmp -s "$1" "$2"; then echo "$1 and $2 are the same"; return 1; fi
}

@test "yes 3 | quiz: the whole self bank, in bank order, each answered 3" {
	paste <(bank_ids self) <(repeat "$N" 3) > "$TMP/want"
	[ "$(wc -l < "$TMP/want")" -eq "$N" ]
	# yes never ends: quiz must stop reading after the last item.
	run timeout 20 sh -c 'yes 3 | quiz'
	assert_session self "$TMP/want"
}

@test "the session's time is the current time, in UTC" {
	local before after
	before=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	# A local time 5:45 ahead of UTC, which the session must not use.
	TZ=HST-5:45 run quiz -n 1 < <(repeat $((1 + SIGNALS)) 2)
	after=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	paste <(first_ids 1) <(repeat $((1 + SIGNALS)) 2) > "$TMP/want"
	assert_session self "$TMP/want"
	[[ ! $TIME < $before ]] || { echo "$TIME before $before"; return 1; }
	[[ ! $TIME > $after ]] || { echo "$TIME after $after"; return 1; }
}

@test "each reply is recorded for its item, trimmed, whatever its line end" {
	# Reply i is i % 5 + 1, written plain, padded, with CRLF or after a tab
	# as i % 4 says.
	awk -v n="$N" 'BEGIN {
		split("%s\n,  %s \t\n,%s\r\n,\t%s\n", form, ",")
		for (i = 0; i < n; i++) printf form[i % 4 + 1], i % 5 + 1
	}' > "$TMP/in"
	paste <(bank_ids self) <(awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++) print i % 5 + 1 }') \
		> "$TMP/want"
	run quiz < "$TMP/in"
	assert_session self "$TMP/want"
}

@test "a last reply without a newline still counts" {
	run quiz -n 2 < <(repeat $((1 + SIGNALS)) 4; printf 5)
	paste <(first_ids 2) <(repeat $((1 + SIGNALS)) 4; echo 5) > "$TMP/want"
	assert_session self "$TMP/want"
}

@test "b and back go back one item; the next reply answers it again" {
	# s01 1, back, s01 5; s02 2, s03 3, back, back, s02 4, s03 1;
	# then the rest 3.
	{ printf '%s\n' 1 b 5 2 3 back b 4 1; repeat $((N - 3)) 3; } > "$TMP/in"
	{ printf 's01\t5\ns02\t4\ns03\t1\n'; paste <(bank_ids self | tail -n +4) \
		<(repeat $((N - 3)) 3); } > "$TMP/want"
	run quiz < "$TMP/in"
	assert_session self "$TMP/want"
}

@test "going back at the first item changes nothing" {
	{ printf '%s\n' b back; repeat "$N" 2; } > "$TMP/in"
	paste <(bank_ids self) <(repeat "$N" 2) > "$TMP/want"
	run quiz < "$TMP/in"
	assert_session self "$TMP/want"
}

@test "commands are case-insensitive: B, Back, Q" {
	{ printf '%s\n' 1 B 2 BaCk 4; repeat $((N - 1)) 3; } > "$TMP/in"
	{ printf 's01\t4\n'; paste <(bank_ids self | tail -n +2) <(repeat $((N - 1)) 3); } \
		> "$TMP/want"
	run quiz < "$TMP/in"
	assert_session self "$TMP/want"

	run quiz < <(printf '1\n2\n Q \n3\n')
	assert_no_answers self
}

@test "q and quit stop quietly: a session of no answers, exit 0, nothing on stderr" {
	local q
	for q in q quit QUIT; do
		run quiz < <(printf '%s\n' 5 4 3 "$q" 2 1)
		assert_no_answers self || { echo "reply $q"; return 1; }
	done
	run quiz <<< q
	assert_no_answers self

	run quiz -n 4 < <(printf '%s\n' 1 2 b q)
	assert_no_answers self
	run quiz -k know -s 1 <<< quit
	assert_no_answers know
	run quiz -k know -s 1 -e < <(printf '%s\n' a q)
	assert_no_answers know

	# The session's time is the time of the quiz, or the time of -d.
	TZ=UTC run quiz -d 2026-05-04T10:11 <<< q
	assert_no_answers self
	[ "$TIME" = 2026-05-04T10:11:00Z ]
}

@test "after b, an empty reply keeps the answer given before" {
	# s01 4, back, keep; s02 2, s03 5, back, back: keep s02, change s03.
	{ printf '4\nb\n\n2\n5\nb\nb\n\n1\n'; repeat $((N - 3)) 3; } > "$TMP/in"
	{ printf 's01\t4\ns02\t2\ns03\t1\n'; paste <(bank_ids self | tail -n +4) \
		<(repeat $((N - 3)) 3); } > "$TMP/want"
	run quiz < "$TMP/in"
	assert_session self "$TMP/want"

	# The same for letters.
	print_order -k know -s 2 -n 3 > "$TMP/order"
	run quiz -k know -s 2 -n 3 < <(printf '%s\n' c back '' b a)
	paste "$TMP/order" <(printf '%s\n' c b a) > "$TMP/want"
	assert_session know "$TMP/want"

	# Only after going back: an empty reply to a question not answered
	# yet is no answer, even once some were kept.
	run -1 quiz -n 3 < <(printf '4\nb\n\n\n')
	assert_error "quiz: stdin:4: not an answer to s02 (1 to 5), s, b, or q"
}

@test "s, skip and - skip a statement that does not apply: the session records -" {
	# s01 s, s02 3, s03 SKIP, s04 -, s05 4; the rest 2.
	{ printf '%s\n' s 3 SKIP - 4; repeat $((N - 5)) 2; } > "$TMP/in"
	paste <(bank_ids self) <({ printf '%s\n' - 3 - - 4; repeat $((N - 5)) 2; }) > "$TMP/want"
	run quiz < "$TMP/in"
	assert_session self "$TMP/want"
	# A safety statement can be skipped too.
	run quiz -n 1 < <(printf '%s\n' 3 s; repeat $((SIGNALS - 1)) 1)
	paste <(first_ids 1) <(printf '%s\n' 3 -; repeat $((SIGNALS - 1)) 1) > "$TMP/want"
	assert_session self "$TMP/want"
	# After b, an empty reply keeps the skip; an answer replaces it.
	run quiz -n 2 < <(printf '%s\n' s b '' 5 b 4; repeat "$SIGNALS" 1)
	paste <(first_ids 2) <(printf '%s\n' - 4; repeat "$SIGNALS" 1) > "$TMP/want"
	assert_session self "$TMP/want"
}

@test "a knowledge question cannot be skipped: s is no reply there" {
	local id
	id=$(print_order -k know -s 3 | head -n 1)
	run -1 quiz -k know -s 3 <<< s
	assert_error "quiz: stdin:1: not an answer to $id (a to $(awk -F'\t' -v id="$id" \
		'$1 == "choice" && $2 == id { n++ } END { printf "%c", 96 + n }' "$SHARE/know.bank")), back, or q"
}

@test "input ending part-way writes nothing and exits 1" {
	run -1 quiz < <(repeat $((N - 1)) 3)
	assert_error "quiz: input ended after $((N - 1)) of $N answers; nothing was written"

	run -1 quiz < /dev/null
	assert_error "quiz: input ended after 0 of $N answers; nothing was written"

	run -1 quiz -n 3 < <(printf '1\n2\nb\n')
	assert_error "quiz: input ended after 1 of $((3 + SIGNALS)) answers; nothing was written"

	run -1 quiz -k know -s 1 -n 5 < <(repeat 4 a)
	assert_error "quiz: input ended after 4 of 5 answers; nothing was written"
}

@test "-d DATE[THH:MM]: the session's time is that local time, in UTC; noon without a time" {
	local tz value want
	while read -r tz value want; do
		TZ=$tz run quiz -n 1 -d "$value" < <(repeat $((1 + SIGNALS)) 2)
		assert_session self <(paste <(first_ids 1) <(repeat $((1 + SIGNALS)) 2)) || { echo "TZ=$tz -d $value"; return 1; }
		[ "$TIME" = "$want" ] || { echo "TZ=$tz -d $value: $TIME, not $want"; return 1; }
	done <<-EOF
	UTC 2026-03-01 2026-03-01T12:00:00Z
	UTC 2026-03-01T00:00 2026-03-01T00:00:00Z
	UTC 2026-03-01T23:59 2026-03-01T23:59:00Z
	America/New_York 2026-03-01 2026-03-01T17:00:00Z
	America/New_York 2026-07-01T09:30 2026-07-01T13:30:00Z
	America/New_York 2026-12-31T20:15 2027-01-01T01:15:00Z
	Asia/Tokyo 2026-01-01T08:00 2025-12-31T23:00:00Z
	Asia/Tokyo 2024-02-29 2024-02-29T03:00:00Z
	EOF

	# The journal gets the same session; score reads its time.
	TZ=America/New_York run quiz -n 2 -d 2026-02-01T08:00 -a "$TMP/journal" < <(repeat $((2 + SIGNALS)) 4)
	assert_session self <(paste <(first_ids 2) <(repeat $((2 + SIGNALS)) 4))
	[ "$TIME" = 2026-02-01T13:00:00Z ]
	assert_output_file "$TMP/journal"
	run score "$TMP/journal"
	[[ ${lines[0]} == "2026-02-01T13:00:00Z${TAB}self$TAB"* ]]

	# With -e, and for a knowledge bank.
	TZ=UTC run quiz -k know -s 1 -n 1 -e -d 2025-11-30T07:45 < <(print_order -k know -s 1 -n 1 | letters)
	[[ ${lines[0]} == "hearth-session${TAB}1${TAB}know${TAB}2025-11-30T07:45:00Z${TAB}1" ]]
}

@test "-d with a bad date or time is a usage error, in summary -d's words" {
	local value
	# Dates as summary -d reads them.
	for value in 26-01-01 2026-1-1 garbage '' 2026/01/01 2026-01-1x 0000-01-01; do
		run -2 quiz -d "$value" < /dev/null
		assert_usage_message quiz "$value: not a date of the form YYYY-MM-DD" ||
			{ echo "-d '$value'"; return 1; }
	done
	for value in 2026-02-30 2026-04-31 2026-01-00 2025-02-29; do
		run -2 quiz -d "$value" < /dev/null
		assert_usage_message quiz "$value: no such day" || { echo "-d '$value'"; return 1; }
		run -2 quiz -d "${value}T10:00" < /dev/null
		assert_usage_message quiz "$value: no such day" || { echo "-d '${value}T10:00'"; return 1; }
	done
	for value in 2026-13-01 2026-00-10; do
		run -2 quiz -d "$value" < /dev/null
		assert_usage_message quiz "$value: no such month" || { echo "-d '$value'"; return 1; }
	done
	# A time of the wrong form, a date of the wrong form with a time, or
	# more than a date that is no time.
	for value in 2026-01-01x 2026-01-01T9 2026-01-01T 2026-01-01T9:00 2026-01-01T09:00:00 \
		2026-01-01T0900 2026-01-01T09.00 2026-01-01t09:00 '2026-01-01 09:00' \
		2026-1-1T09:00 T09:00 2026-01-01T09:00Z; do
		run -2 quiz -d "$value" < /dev/null
		assert_usage_message quiz "$value: not a date of the form YYYY-MM-DD[THH:MM]" ||
			{ echo "-d '$value'"; return 1; }
	done
	for value in 24:00 25:00 12:60 99:99; do
		run -2 quiz -d "2026-01-01T$value" < /dev/null
		assert_usage_message quiz "$value: no such time of day" || { echo "-d T$value"; return 1; }
	done
	# A time the clocks skip: 02:30 when summer time began in New York.
	TZ=America/New_York run -2 quiz -d 2026-03-08T02:30 < /dev/null
	assert_usage_message quiz "2026-03-08T02:30: no such time in the local time zone"
	# A session's time has a year of four digits.
	TZ=UTC run -2 quiz -d 0999-12-31 < /dev/null
	assert_usage_message quiz "0999-12-31: a session is dated in the years 1000 to 9999, in UTC"
	TZ=America/New_York run -2 quiz -d 9999-12-31T20:00 < /dev/null
	assert_usage_message quiz "9999-12-31T20:00: a session is dated in the years 1000 to 9999, in UTC"
	run -2 quiz -l -d 2026-01-01
	assert_usage_message quiz "-l and -d cannot be used together"
	run -2 quiz -d
	assert_usage_message quiz "option -d needs a value"
}

@test "a reply that is no answer is an error naming its line and item" {
	local bad
	for bad in 6 0 -1 three 3.0 '3 4' 33 '' ' ' '?' help bb x 'q!' '#'; do
		run -1 quiz < <(printf '%s\n' 1 2 "$bad" 4) || { echo "reply '$bad'"; return 1; }
		assert_error "quiz: stdin:3: not an answer to s03 (1 to 5), s, b, or q" ||
			{ echo "reply '$bad'"; return 1; }
	done
	# Lines count from the start of the input, commands included.
	run -1 quiz < <(printf '%s\n' 1 b 1 2 back 2 3 9)
	assert_error "quiz: stdin:8: not an answer to s04 (1 to 5), s, b, or q"
}

@test "a reply with a NUL byte or invalid UTF-8 is no answer; one of 100 KB ends the reading" {
	printf '1\n3\0\n' > "$TMP/nul"
	printf '1\n\xff\n' > "$TMP/utf8"
	{ printf '1\n'; head -c 100000 /dev/zero | tr '\0' 3; printf '\n2\n'; } > "$TMP/long"
	local f
	for f in nul utf8; do
		run -1 quiz < "$TMP/$f" || { echo "input $f"; return 1; }
		assert_error "quiz: stdin:2: not an answer to s02 (1 to 5), s, b, or q" ||
			{ echo "input $f"; return 1; }
	done
	run -1 quiz < "$TMP/long"
	assert_error "quiz: stdin:2: line longer than 65536 bytes"
	# A line that never ends (/dev/zero) stops quiz all the same.
	run -1 timeout 20 quiz -a "$TMP/journal" < /dev/zero
	assert_error "quiz: stdin:1: line longer than 65536 bytes"
	[ ! -e "$TMP/journal" ]
}

@test "know: replies are letters, in the order quiz -l shows with the same seed" {
	print_order -k know -s 7 > "$TMP/order"
	[ "$(wc -l < "$TMP/order")" -eq "$KNOW_N" ]
	letters < "$TMP/order" > "$TMP/in"
	paste "$TMP/order" "$TMP/in" > "$TMP/want"
	run quiz -k know -s 7 < "$TMP/in"
	assert_session know "$TMP/want"

	# Replies are trimmed and case-insensitive for letters too.
	sed 's/.*/ \U&\t/' "$TMP/in" > "$TMP/upper"
	run quiz -k know -s 7 < "$TMP/upper"
	assert_session know "$TMP/want"
}

@test "know: b is the choice b; back goes back" {
	print_order -k know -s 2 -n 3 > "$TMP/order"
	run quiz -k know -s 2 -n 3 < <(printf '%s\n' b b back a c)
	paste "$TMP/order" <(printf '%s\n' b a c) > "$TMP/want"
	assert_session know "$TMP/want"
}

# The letter of the last choice of knowledge question $1.
last_letter() {
	awk -F'\t' -v id="$1" '$1 == "choice" && $2 == id { n++ }
		END { printf "%c\n", 96 + n }' "$SHARE/know.bank"
}

@test "know: a letter beyond the question's choices is no answer" {
	local id n last
	print_order -k know -s 4 > "$TMP/order"
	id=$(head -n 1 "$TMP/order")
	n=$(awk -F'\t' -v id="$id" '$1 == "choice" && $2 == id' "$SHARE/know.bank" | wc -l)
	n=${n//[!0-9]/}
	last=$(printf "\\$(printf %o $((96 + n)))")
	next=$(printf "\\$(printf %o $((97 + n)))")
	run -1 quiz -k know -s 4 < <(printf '%s\n' "$next" a)
	assert_error "quiz: stdin:1: not an answer to $id (a to $last), back, or q"

	run -1 quiz -k know -s 4 < <(printf '%s\n' 1 a)
	assert_error "quiz: stdin:1: not an answer to $id (a to $last), back, or q"
}

@test "know is shuffled by default; self keeps the bank order" {
	local i shuffled=0
	bank_ids know > "$TMP/bank"
	for i in 1 2 3; do
		quiz -k know < <(repeat "$KNOW_N" a) > "$TMP/s$i"
		tail -n +2 "$TMP/s$i" | cut -f1 > "$TMP/o$i"
		# Every question once: a permutation of the bank.
		diff <(sort "$TMP/bank") <(sort "$TMP/o$i")
		cmp -s "$TMP/bank" "$TMP/o$i" || shuffled=1
	done
	[ "$shuffled" -eq 1 ]

	run print_order
	[ "$output" = "$(bank_ids self)" ]
}

@test "-s SEED: the same seed gives the same order, for self as well" {
	print_order -s 5 > "$TMP/o5"
	print_order -s 5 > "$TMP/o5b"
	print_order -s 6 > "$TMP/o6"
	cmp "$TMP/o5" "$TMP/o5b"
	diff <(bank_ids self | sort) <(sort "$TMP/o5")
	differ "$TMP/o5" <(bank_ids self)
	differ "$TMP/o5" "$TMP/o6"

	# The quiz asks in the order -l shows.
	run quiz -s 5 < <(repeat "$N" 4)
	paste "$TMP/o5" <(repeat "$N" 4) > "$TMP/want"
	assert_session self "$TMP/want"

	print_order -k know -s 5 > "$TMP/k5"
	print_order -k know -s 5 > "$TMP/k5b"
	cmp "$TMP/k5" "$TMP/k5b"
}

@test "-n N asks the first N statements of the order, and every safety statement" {
	run quiz -n 5 < <(repeat $((5 + SIGNALS)) 2)
	paste <(first_ids 5) <(repeat $((5 + SIGNALS)) 2) > "$TMP/want"
	assert_session self "$TMP/want"
	# Shuffled, too: the first 5 statements of the order that are not
	# safety statements, and every safety statement where it falls.
	print_order -s 7 > "$TMP/order"
	awk -F'\t' 'NR == FNR { if ($1 == "signal") safety[$2] = 1; next }
		($1 in safety) || n++ < 5' "$SHARE/self.bank" "$TMP/order" > "$TMP/first"
	[ "$(wc -l < "$TMP/first")" -eq $((5 + SIGNALS)) ]
	run quiz -s 7 -n 5 < <(repeat $((5 + SIGNALS)) 2)
	paste "$TMP/first" <(repeat $((5 + SIGNALS)) 2) > "$TMP/want"
	assert_session self "$TMP/want"

	print_order -k know -s 9 | head -n 4 > "$TMP/order"
	run print_order -k know -s 9 -n 4
	[ "$output" = "$(cat "$TMP/order")" ]
	run quiz -k know -s 9 -n 4 < <(repeat 4 a)
	paste "$TMP/order" <(repeat 4 a) > "$TMP/want"
	assert_session know "$TMP/want"

	run quiz -n $((N - SIGNALS)) < <(repeat "$N" 1)
	[ "${#lines[@]}" -eq $((N + 1)) ]
	paste <(bank_ids self) <(repeat "$N" 1) > "$TMP/want"
	assert_session self "$TMP/want"
}

@test "-n beyond the bank, or not a count from 1, is a usage error" {
	local know=$KNOW_N
	local items=$((N - SIGNALS))
	run -2 quiz -n $((items + 1)) < /dev/null
	assert_usage_message quiz "-n $((items + 1)): the self bank has $items statements besides its $SIGNALS safety statements, which are always asked"
	run -2 quiz -k know -n $((know + 1)) < /dev/null
	assert_usage_message quiz "-n $((know + 1)): the know bank has $know questions"
	run -2 quiz -l -n $((items + 1))
	assert_usage_message quiz "-n $((items + 1)): the self bank has $items statements besides its $SIGNALS safety statements, which are always asked"
	local n
	for n in 0 -1 x 2x ''; do
		run -2 quiz -n "$n" < /dev/null
		assert_usage_message quiz "-n '$n' is not a number from 1 to 100000" || { echo "-n '$n'"; return 1; }
	done
}

# The questionnaire quiz -l should print for self, the statements in the
# order of the ids in file $1, built from the bank alone.
self_questionnaire() {
	awk -F'\t' '
		NR == FNR { order[++n] = $1; next }
		$1 == "intro" { intro = $2 }
		$1 == "answer" { if (min == "") min = $2; max = $2; label[$2] = $3 }
		$1 == "item" { about[$2] = $3 ($4 == "-" ? ", reversed" : ""); text[$2] = $5 }
		$1 == "signal" {
			about[$2] = "safety, " $3 ($4 > $3 ? " to " $4 : ""); text[$2] = $5
		}
		END {
			print intro
			for (v = min; v <= max; v++) printf "  %d  %s\n", v, label[v]
			print "A statement that does not apply can be skipped: reply s."
			for (i = 1; i <= n; i++)
				printf "\n%d. %s (%s, %s)\n", i, text[order[i]], order[i], about[order[i]]
		}' "$1" "$SHARE/self.bank"
}

# The same for know: each question with its choices, its answer, the
# guide's lines it quotes and its note.
know_questionnaire() {
	awk -F'\t' '
		NR == FNR { order[++n] = $1; next }
		FILENAME ~ /guide$/ {
			if ($1 == "line") guide[$2, $3] = guide[$2, $3] "   Quote: " $4 "\n"
			next
		}
		$1 == "intro" { intro = $2 }
		$1 == "question" { section[$2] = $3; answer[$2] = $4; text[$2] = $5 }
		$1 == "choice" { choice[$2, ++nchoices[$2]] = $3 }
		$1 == "note" { note[$2] = $3 }
		$1 == "quote" { quote[$2] = $3 }
		END {
			print intro
			for (i = 1; i <= n; i++) {
				id = order[i]
				printf "\n%d. %s (%s, section %d)\n", i, text[id], id, section[id]
				for (c = 1; c <= nchoices[id]; c++)
					printf "   %c) %s\n", 96 + c, choice[id, c]
				printf "   Answer: %s\n", answer[id]
				if (id in quote) printf "%s", guide[section[id], quote[id]]
				if (id in note) printf "   Note: %s\n", note[id]
			}
		}' "$1" "$SHARE/guide" "$SHARE/know.bank"
}

@test "-l lists the self questionnaire: the scale, then every item in order" {
	bank_ids self > "$TMP/order"
	self_questionnaire "$TMP/order" > "$TMP/want"
	# The bank has reversed and safety statements, due on high answers and
	# on low ones, and the expectation shows them.
	grep -q ', reversed)' "$TMP/want"
	grep -q ', safety, 4 to 5)' "$TMP/want"
	grep -q ', safety, 1 to 2)' "$TMP/want"
	run quiz -l
	assert_output_file "$TMP/want"

	# Seeded, in the seeded order (checked against the quiz above).
	print_order -s 5 > "$TMP/order"
	self_questionnaire "$TMP/order" > "$TMP/want"
	run quiz -l -s 5
	assert_output_file "$TMP/want"

	# -n keeps every safety statement.
	first_ids 3 > "$TMP/order"
	[ "$(wc -l < "$TMP/order")" -eq $((3 + SIGNALS)) ]
	self_questionnaire "$TMP/order" > "$TMP/want"
	run quiz -l -n 3
	assert_output_file "$TMP/want"
}

@test "-l lists the know questionnaire: choices, answers and notes" {
	print_order -k know -s 3 > "$TMP/order"
	[ "$(wc -l < "$TMP/order")" -eq "$KNOW_N" ]
	diff <(bank_ids know | sort) <(sort "$TMP/order")
	know_questionnaire "$TMP/order" > "$TMP/want"
	grep -q '^   Note: ' "$TMP/want"
	grep -q '^   Quote: ' "$TMP/want"
	run quiz -k know -s 3 -l
	assert_output_file "$TMP/want"
	# quiz asks in the same order.
	run quiz -k know -s 3 < <(letters < "$TMP/order")
	paste "$TMP/order" <(letters < "$TMP/order") > "$TMP/want"
	assert_session know "$TMP/want"
}

@test "-e: a missed question comes back until right; the first answers are kept" {
	print_order -k know -s 5 -n 3 > "$TMP/order"
	mapfile -t id < "$TMP/order"
	mapfile -t right < <(letters < "$TMP/order")
	mapfile -t wrong < <(letters -w < "$TMP/order")
	# Missed 1 and 3; then again 1 (missed again) and 3; then 1 again.
	printf '%s\n' "${wrong[0]}" "${right[1]}" "${wrong[2]}" \
		"${wrong[0]}" "${right[2]}" "${right[0]}" > "$TMP/in"
	printf '%s\t%s\n' "${id[0]}" "${wrong[0]}" "${id[1]}" "${right[1]}" \
		"${id[2]}" "${wrong[2]}" > "$TMP/want"
	run quiz -k know -s 5 -n 3 -e < "$TMP/in"
	assert_session know "$TMP/want"

	# Input that ends while missed questions come back: the first answers
	# are all there, and make the session.
	local n
	for n in 5 4 3; do
		run quiz -k know -s 5 -n 3 -e < <(head -n "$n" "$TMP/in")
		assert_session know "$TMP/want" || { echo "$n replies"; return 1; }
	done
	# A q then is the same.
	run quiz -k know -s 5 -n 3 -e < <(head -n 4 "$TMP/in"; echo q)
	assert_session know "$TMP/want"
	# Input that ends before every question has its first answer: nothing.
	run -1 quiz -k know -s 5 -n 3 -e < <(head -n 2 "$TMP/in")
	assert_error "quiz: input ended after 2 of 3 answers; nothing was written"

	# Without -e nothing comes back: three replies make the session.
	run quiz -k know -s 5 -n 3 < <(head -n 3 "$TMP/in")
	assert_session know "$TMP/want"
}

@test "-e without a terminal: a question missed again and again comes back at most three times" {
	print_order -k know -s 6 -n 2 > "$TMP/order"
	mapfile -t id < "$TMP/order"
	mapfile -t right < <(letters < "$TMP/order")
	mapfile -t wrong < <(letters -w < "$TMP/order")
	# 1 missed, 2 right, then 1 missed three more times: the session ends.
	{ printf '%s\n' "${wrong[0]}" "${right[1]}"; repeat 3 "${wrong[0]}"; } > "$TMP/in"
	printf '%s\t%s\n' "${id[0]}" "${wrong[0]}" "${id[1]}" "${right[1]}" > "$TMP/want"
	run quiz -k know -s 6 -n 2 -e < "$TMP/in"
	assert_session know "$TMP/want"
	# One repeat fewer: the same session, when the input ends.
	run quiz -k know -s 6 -n 2 -e < <(head -n 4 "$TMP/in")
	assert_session know "$TMP/want"

	# So even yes(1) ends a quiz with -e: every question asked at most 4 times.
	run timeout 20 sh -c 'yes a | quiz -k know -s 6 -e'
	paste <(print_order -k know -s 6) <(repeat "$KNOW_N" a) > "$TMP/want"
	assert_session know "$TMP/want"
}

@test "-e: the first answer stands; back is no reply, not even after the feedback" {
	print_order -k know -s 8 -n 2 > "$TMP/order"
	mapfile -t id < "$TMP/order"
	mapfile -t right < <(letters < "$TMP/order")
	mapfile -t wrong < <(letters -w < "$TMP/order")
	# Miss 1, right 2; back, to change 2 after its feedback, is an error.
	run -1 quiz -k know -s 8 -n 2 -e < <(printf '%s\n' "${wrong[0]}" "${right[1]}" back \
		"${wrong[1]}" "${right[0]}")
	assert_error "quiz: stdin:3: not an answer to ${id[0]} (a to $(last_letter "${id[0]}")) or q"
	run -1 quiz -k know -s 8 -n 2 -e < <(printf '%s\n' "${wrong[0]}" BACK)
	assert_error "quiz: stdin:2: not an answer to ${id[1]} (a to $(last_letter "${id[1]}")) or q"
	# Without -e back goes back, as ever.
	run quiz -k know -s 8 -n 2 < <(printf '%s\n' "${wrong[0]}" back "${right[0]}" "${right[1]}")
	paste "$TMP/order" <(printf '%s\n' "${right[0]}" "${right[1]}") | assert_session know -
}

@test "usage errors: -e with self, -l with -a or -e, operands, bad bank names" {
	run -2 quiz -e < /dev/null
	assert_usage_message quiz "-e is for knowledge banks such as know"
	run -2 quiz -k self -e < /dev/null
	assert_usage_message quiz "-e is for knowledge banks such as know"
	run -2 quiz -l -a "$TMP/journal"
	assert_usage_message quiz "-l and -a cannot be used together"
	[ ! -e "$TMP/journal" ]
	run -2 quiz -k know -l -e
	assert_usage_message quiz "-l and -e cannot be used together"
	run -2 quiz self < /dev/null
	assert_usage_message quiz "quiz takes no operands"
	run -2 quiz -k know - < /dev/null
	assert_usage_message quiz "quiz takes no operands"
	run -2 quiz -k ../self < /dev/null
	assert_usage_message quiz "bank '../self' is not a bank name"
	run -2 quiz -s x < /dev/null
	assert_usage_message quiz "-s 'x' is not a number from 0 to 2147483647"
}

@test "a bank that does not exist is an error" {
	data_copy
	run -1 quiz -k nope < /dev/null
	assert_error "quiz: $DATA/nope.bank: cannot open: No such file or directory"
}

@test "-a FILE: the session goes to stdout and to FILE, created mode 0600" {
	local j=$TMP/journal first
	run sh -c 'umask 000; quiz -n 3 -a "$1"' _ "$j" < <(repeat $((3 + SIGNALS)) 4)
	paste <(first_ids 3) <(repeat $((3 + SIGNALS)) 4) > "$TMP/want"
	assert_session self "$TMP/want"
	[ "$(stat -c %a "$j")" = 600 ]
	assert_output_file "$j"
	first=$output

	# A second session is appended, the first kept as it was.
	run quiz -k know -s 1 -n 2 -a "$j" < <(repeat 2 a)
	diff -u <(printf '%s\n%s\n' "$first" "$output") "$j"
	[ "$(stat -c %a "$j")" = 600 ]
}

@test "-a FILE: nothing is appended when the quiz is quit or fails" {
	local j=$TMP/journal
	quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 5) > "$TMP/first"
	cmp "$TMP/first" "$j"

	run quiz -a "$j" < <(printf '%s\n' 1 2 q)
	assert_no_answers self
	cmp "$TMP/first" "$j"
	run -1 quiz -a "$j" < <(repeat 3 1)
	assert_error "quiz: input ended after 3 of $N answers; nothing was written"
	cmp "$TMP/first" "$j"
	run -1 quiz -a "$j" < <(printf '%s\n' 1 7)
	assert_error "quiz: stdin:2: not an answer to s02 (1 to 5), s, b, or q"
	cmp "$TMP/first" "$j"

	# No journal is made when no session goes in.
	run quiz -a "$TMP/new" <<< q
	assert_no_answers self
	[ ! -e "$TMP/new" ]
	run -1 quiz -a "$TMP/new" < <(repeat 3 1)
	assert_error "quiz: input ended after 3 of $N answers; nothing was written"
	[ ! -e "$TMP/new" ]
	run -1 quiz -a "$TMP/new" < <(printf '%s\n' 1 x)
	assert_error "quiz: stdin:2: not an answer to s02 (1 to 5), s, b, or q"
	[ ! -e "$TMP/new" ]
	# An empty journal that was there stays.
	(umask 077 && : > "$TMP/empty")
	run quiz -a "$TMP/empty" <<< q
	assert_no_answers self
	[ -e "$TMP/empty" ]
	[ ! -s "$TMP/empty" ]
}

@test "-a FILE: a quit quiz does not remove a journal another quiz wrote to" {
	local j=$TMP/journal pid i
	mkfifo "$TMP/replies"
	# Quiz A checks the journal and waits for replies on the fifo, held
	# open here (fd 8; bats has 3) so that A's stdin stays open.
	exec 8<> "$TMP/replies"
	quiz -a "$j" < "$TMP/replies" > "$TMP/a.out" 2> "$TMP/a.err" 3>&- 8>&- &
	pid=$!
	# Quiz B appends a whole session meanwhile.
	repeat "$N" 3 | quiz -a "$j" > "$TMP/b.out"
	cmp "$TMP/b.out" "$j"
	# A quits: B's session must stay.
	echo q >&8
	wait "$pid"
	exec 8>&-
	[ ! -s "$TMP/a.err" ]
	assert_no_answers self "$TMP/a.out"
	[ -e "$j" ]
	cmp "$TMP/b.out" "$j"
}

@test "-a FILE: a quiz killed while reading a pipe leaves no journal" {
	local j=$TMP/journal pid i status
	mkfifo "$TMP/replies"
	exec 8<> "$TMP/replies"
	quiz -a "$j" < "$TMP/replies" > "$TMP/out" 2> "$TMP/err" 3>&- 8>&- &
	pid=$!
	# Signal quiz itself, not the shell that is about to become it.
	for ((i = 0; i < 400; i++)); do
		[[ $(readlink "/proc/$pid/exe" 2> /dev/null) != */quiz ]] || break
		sleep 0.05
	done
	echo 3 >&8
	kill -TERM "$pid"
	status=0
	wait "$pid" || status=$?
	exec 8>&-
	[ "$status" -eq 143 ]
	[ ! -s "$TMP/out" ]
	[ ! -s "$TMP/err" ]
	# As at a terminal (tests/interactive.bats), there is no journal.
	[ ! -e "$j" ]
}

@test "-a FILE that cannot be opened is an error before any question" {
	run -1 quiz -a "$TMP/no/such/dir/journal" < <(repeat "$N" 3)
	assert_error "quiz: $TMP/no/such/dir/journal: No such file or directory"
}

@test "-a '' is refused before the first question, like any journal that cannot be written" {
	run -2 quiz -a '' < <(repeat "$N" 3)
	assert_usage_message quiz "option -a needs a value"
	run -2 quiz -k '' < /dev/null
	assert_usage_message quiz "option -k needs a value"
}

@test "-a FILE that is a FIFO, a device or a directory is refused at once" {
	mkfifo "$TMP/fifo"
	mkdir "$TMP/dir"
	local f
	for f in "$TMP/fifo" /dev/null "$TMP/dir"; do
		run -1 timeout 20 quiz -a "$f" < <(repeat "$N" 3)
		assert_error "quiz: $f: not a regular file" || { echo "journal $f"; return 1; }
	done
}

@test "-a FILE whose last line has no newline: the session starts a line of its own" {
	local j=$TMP/journal
	(umask 077 && printf '# a note added by hand' > "$j")
	run quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 4)
	diff -u <(printf '# a note added by hand\n%s\n' "$output") "$j"
	# score reads the note as a comment and the session whole.
	run score "$j"
	assert_output_file <(ref "$j")
	# Five scales, and the safety message that answers of 4 call for.
	[ "${#lines[@]}" -eq 6 ]
	# A journal ending in a newline gets none added.
	cp "$j" "$TMP/before"
	run quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 5)
	diff -u <(cat "$TMP/before"; printf '%s\n' "$output") "$j"
}

@test "-a FILE: a write that fails leaves the journal exactly as it was" {
	local j=$TMP/journal
	# Near the file size limit (ulimit -f, in 1024-byte blocks), so that
	# the session is cut short by it, part written.
	(umask 077 && head -c 1000 /dev/zero | tr '\0' '#' > "$j" && printf '\n' >> "$j")
	cp "$j" "$TMP/before"
	run -1 bash -c 'ulimit -f 1; quiz -a "$1" > "$2"' _ "$j" "$TMP/out" < <(repeat "$N" 3)
	[ "$stderr" = "quiz: $j: write error: File too large" ]
	cmp "$TMP/before" "$j"
	# The answers are not lost: the session went to stdout.
	assert_session self <(bank_ids self | sed 's/$/\t3/') "$TMP/out"
}

@test "-a FILE: a signal while quiz waits for the journal's lock stops it, nothing written" {
	local j=$TMP/journal sig code pid status i
	[ -r /proc/locks ] || skip "no /proc/locks to see the wait"
	${CC:-cc} -o "$TMP/hold-lock" "$HEARTH_TOP/tests/tools/hold-lock.c"
	(umask 077 && printf '# kept\n' > "$j")
	for sig in TERM INT HUP; do
		case $sig in TERM) code=143 ;; INT) code=130 ;; HUP) code=129 ;; esac
		coproc HOLD { exec "$TMP/hold-lock" "$j"; }
		read -r i <&"${HOLD[0]}"
		[ "$i" = locked ]
		# A background job starts with SIGINT ignored; quiz must get it
		# as a user would.
		env --default-signal=INT quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 3) > "$TMP/out" 2> "$TMP/err" &
		pid=$!
		for ((i = 0; i < 400; i++)); do
			grep -q -- '->' /proc/locks && break
			sleep 0.05
		done
		grep -q -- '->' /proc/locks || { echo "quiz never waited for the lock"; return 1; }
		kill -"$sig" "$pid"
		# It must stop while the lock is still held; the lock is let go
		# after 10 s all the same, so that a quiz that waits on does not
		# hang the test.
		for ((i = 0; i < 200; i++)); do
			kill -0 "$pid" 2> /dev/null || break
			sleep 0.05
		done
		exec {HOLD[1]}>&-
		wait "$HOLD_PID" || true
		status=0
		wait "$pid" || status=$?
		[ "$status" -eq "$code" ] || { echo "SIG$sig: status $status"; return 1; }
		[ ! -s "$TMP/out" ] || { echo "SIG$sig: stdout: $(cat "$TMP/out")"; return 1; }
		[ ! -s "$TMP/err" ] || { echo "SIG$sig: stderr: $(cat "$TMP/err")"; return 1; }
		[ "$(cat "$j")" = '# kept' ] || { echo "SIG$sig: the journal changed"; return 1; }
	done
	# Once the lock is free the session goes in.
	run quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 3)
	diff -u <(printf '# kept\n%s\n' "$output") "$j"
}

@test "-a FILE readable by others: one warning, before the first question" {
	local j=$TMP/journal
	(umask 022 && : > "$j")
	run -0 quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 3)
	[ "$stderr" = "quiz: $j: readable by others; chmod 600 $j" ]
	assert_session self <(paste <(first_ids 2) <(repeat $((2 + SIGNALS)) 3))
	# Readable by its group is readable by others too.
	chmod 640 "$j"
	run -0 quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 3)
	[ "$stderr" = "quiz: $j: readable by others; chmod 600 $j" ]
	# Before the first question: a quiz that quits still warns.
	run -0 quiz -a "$j" <<< q
	[ "$stderr" = "quiz: $j: readable by others; chmod 600 $j" ]
	assert_no_answers self
	# Private, or new: no warning.
	chmod 600 "$j"
	run quiz -n 2 -a "$j" < <(repeat $((2 + SIGNALS)) 3)
	run sh -c 'umask 022; quiz -n 2 -a "$1"' _ "$TMP/new" < <(repeat $((2 + SIGNALS)) 3)
	[ "$(stat -c %a "$TMP/new")" = 600 ]
}

@test "-a FILE: 20 pairs of quizzes at once leave 40 whole sessions" {
	local j=$TMP/journal i pids=() p
	for ((i = 0; i < 20; i++)); do
		yes 1 | quiz -a "$j" > /dev/null 3>&- &
		pids+=($!)
		yes b | quiz -k know -s "$i" -a "$j" > /dev/null 3>&- &
		pids+=($!)
	done
	for p in "${pids[@]}"; do
		wait "$p" || { echo "a quiz failed"; return 1; }
	done
	# Every header is followed by exactly its count of answer lines, all
	# of one session: the same bank's ids, each once, the same answer.
	run awk -F'\t' -v ids="$(bank_ids self) $(bank_ids know)" '
		BEGIN { n = split(ids, all, /[ \n]/); for (i = 1; i <= n; i++) known[all[i]] = 1 }
		function done_block() {
			if (left != 0) { print "cut short at line " NR; bad = 1 }
		}
		$1 == "hearth-session" {
			done_block()
			left = $5; bank = $3; answer = (bank == "self" ? "1" : "b")
			split("", seen); sessions[bank]++
			if ($0 !~ /^hearth-session\t1\t(self|know)\t[0-9T:Z-]+\t[0-9]+$/) {
				print "bad header at line " NR; bad = 1
			}
			next
		}
		{
			if (left <= 0 || !($1 in known) || ($1 in seen) || $2 != answer ||
			    substr($1, 1, 1) != substr(bank, 1, 1) || NF != 2) {
				print "stray line " NR ": " $0; bad = 1
			}
			seen[$1] = 1; left--
		}
		END {
			done_block()
			printf "%d %d %d\n", sessions["self"], sessions["know"], bad
		}' "$j"
	[ "$output" = "20 20 0" ]
	[ "$(grep -c '^hearth-session' "$j")" -eq 40 ]
	[ "$(wc -l < "$j")" -eq $((20 * (N + 1) + 20 * ($KNOW_N + 1))) ]
}
