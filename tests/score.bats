load helper

# score: sessions in, one tab-separated line per result out. Two sessions
# are scored by hand (their expected lines are written out below); the
# rest are checked against tests/bench/score.awk, a scorer in plain awk
# that works from the bank files alone (make bench races it, too).

setup() {
	SAFETY=$(bank_field self safety 2)
}

@test "the hand-computed session: five scales and the safety line" {
	# Answers from tests/fixtures/hand.session; (r) is reverse-keyed, scored
	# 1 + 5 - x. Bands: low from 1.0, moderate from 2.4, high from 3.7.
	# walls       s01 4, s06 2(r) 4, s11 5, s16 3, s21 2(r) 4, s26 4,
	#             s29 2(r) 4 = 28 / 7 = 4.0: high, read 1
	# reaching    s02 3, s07 4, s12 2(r) 4, s17 5, s22 4(r) 2
	#             = 18 / 5 = 3.6: moderate (just below 3.7), read 2
	# strain      s03 2, s08 4(r) 2, s13 3, s18 1, s23 2(r) 4
	#             = 12 / 5 = 2.4: moderate (exactly its start), read 2
	# reciprocity s04 1, s14 2, s24 1, s30 4(r) 2, s31 4(r) 2
	#             = 8 / 5 = 1.6: low, read 5
	# boundaries  s05 5, s10 1(r) 5, s15 4, s20 2(r) 4, s25 3, s28 4
	#             = 25 / 6 = 4.166.. -> 4.2: high, which reads nothing: -
	# safety      signals count in no scale. s09 4 and s19 5 are in their
	#             range 4 to 5: the safety line is due. s27 2, s32 2,
	#             s33 1 and s34 2 are not; s35 4 is outside its 1 to 2.
	run score "$FIX/hand.session"
	local T=2026-11-25T14:03:12Z
	diff -u <(hand_results "$T") <(printf '%s\n' "$output")

	# -r: the sections, sorted and once each; the safety note on stderr.
	run -0 score -r "$FIX/hand.session"
	[ "$output" = $'1\n2\n5' ]
	[ "$stderr" = "score: safety: $SAFETY" ]
}

@test "the hand-computed partial session: half-up rounding, need, skips, no safety" {
	# tests/fixtures/hand-partial.session, 27 answers in no bank order,
	# four of them skipped (-): a skip counts in no mean and is not
	# answered, so it weighs against the need of its scale.
	# walls       s01 4, s06 2(r) 4, s11 4, s16 3, s21 3(r) 3, s26 4
	#             = 22 / 6 = 3.666.. -> 3.7: rounding lifts it into high;
	#             s29 skipped, and 6 of 7 is enough (ceil(80% of 7) = 6)
	# reaching    s02 3, s07 4, s12 4(r) 2, s17 4 = 13 / 4 = 3.25 -> 3.3
	#             (half up; half to even would give 3.2): moderate, read 2
	# strain      3 of 5 answered, s18 skipped; it needs
	#             max(2, ceil(80% of 5)) = 4
	# reciprocity s04 4, s14 5, s24 4, s30 2(r) 4 = 17 / 4 = 4.25 -> 4.3:
	#             high, which reads nothing; s31 skipped, and 4 of 5 is
	#             just enough
	# boundaries  4 of 6 answered: needs 5
	# safety      s09 1 and s19 3 are outside 4 to 5, and s35 is skipped:
	#             no safety line
	run score "$FIX/hand-partial.session"
	local T=2026-11-26T09:30:00Z
	diff -u - <(printf '%s\n' "$output") <<-EOF
	$T	self	walls	3.7	high	1
	$T	self	reaching	3.3	moderate	2
	$T	self	strain	-	unscored	-
	$T	self	reciprocity	4.3	high	-
	$T	self	boundaries	-	unscored	-
	EOF

	run score -r "$FIX/hand-partial.session"
	[ "$output" = $'1\n2' ]
}

@test "a reader in a secure, give-and-take relationship lands low on walls, reaching and strain" {
	# tests/fixtures/secure.session, answered by reading each statement:
	# walls   s01 1, s06 5 reversed 1, s11 1, s16 2, s21 5 reversed 1,
	#         s26 2, s29 4 reversed 2: 10 / 7 = 1.43, 1.4
	# reaching s02 1, s07 2, s12 5 reversed 1, s17 1, s22 4 reversed 2:
	#         7 / 5 = 1.4
	# strain  s03 1, s08 4 reversed 2, s13 1, s18 1, s23 4 reversed 2:
	#         7 / 5 = 1.4
	# reciprocity s04 5, s14 5, s24 5, s30 1 reversed 5, s31 2 reversed
	#         4: 24 / 5 = 4.8
	# boundaries s05 5, s10 2 reversed 4, s15 4, s20 2 reversed 4, s25 4,
	#         s28 4: 25 / 6 = 4.17, 4.2
	# No safety statement calls for the note: the six that name a fear
	# answered 1, and s35, the one written the other way round, 5.
	local T=2026-11-27T20:00:00Z
	run score "$FIX/secure.session"
	diff -u - <(printf '%s\n' "$output") <<-EOF
	$T	self	walls	1.4	low	-
	$T	self	reaching	1.4	low	-
	$T	self	strain	1.4	low	-
	$T	self	reciprocity	4.8	high	-
	$T	self	boundaries	4.2	high	-
	EOF
	assert_output_file <(ref "$FIX/secure.session")
	# Nothing to read: no result sends this reader anywhere.
	run score -r "$FIX/secure.session"
	[ -z "$output" ]
}

@test "the reference scorer agrees with the hand-computed sessions" {
	# So that the computed expectations below rest on something checked.
	run score "$FIX/hand.session" "$FIX/hand-partial.session"
	diff -u <(ref "$FIX/hand.session" "$FIX/hand-partial.session") \
		<(printf '%s\n' "$output")
}

@test "every answer value, the same for all items" {
	local v due
	for v in 1 2 3 4 5; do
		session self 2026-05-0${v}T10:00:00Z \
			$(bank_ids self | sed "s/\$/=$v/") > "$TMP/s$v"
		run score "$TMP/s$v"
		assert_output_file <(ref "$TMP/s$v")
		# Five scales, and the safety message when a signal is due on v.
		due=$(awk -F'\t' -v v="$v" '$1 == "signal" && $3 <= v && v <= $4 { due = 1 }
			END { print due + 0 }' "$SHARE/self.bank")
		[ "${#lines[@]}" -eq $((5 + due)) ]
	done
	# Signals are due on agreeing and on disagreeing: 3 calls for none of
	# them, 1 and 5 for some.
	[ "$(score "$TMP/s3" | grep -c $'\tsafety\t')" -eq 0 ]
	score "$TMP/s1" | grep -q $'\tsafety\t'
	score "$TMP/s5" | grep -q $'\tsafety\t'
}

@test "a journal of random sessions from both banks: one block per session" {
	awk -f "$HEARTH_TOP/tests/bench/journal.awk" -v sessions=80 -v mixed=1 \
		"$SHARE/self.bank" "$SHARE/know.bank" > "$TMP/journal"
	[ "$(grep -c '^hearth-session' "$TMP/journal")" -eq 80 ]
	run score "$TMP/journal"
	assert_output_file <(ref "$TMP/journal")
	# Some of each kind of result, or the journal proves little.
	[[ $output == *$'\tunscored\t'* ]]
	[[ $output == *$'\thigh\t'* ]]
	[[ $output == *$'\tlow\t'* ]]
	[[ $output == *$'\tsafety\t'* ]]
	[[ $output == *$'\tknow\t'* ]]

	run -0 score -r "$TMP/journal"
	ref -r "$TMP/journal" > "$TMP/refs" 2> "$TMP/refs.err"
	assert_output_file "$TMP/refs"
	diff -u "$TMP/refs.err" <(printf '%s\n' "$stderr")

	run score -t "$TMP/journal"
	assert_output_file <(ref -t "$TMP/journal")
	# Every session is in it: five records for each self session.
	[ "$(grep -c $'\tself\t[a-z]*\t[-0-9.]*$' <<< "$output")" -eq \
		"$((5 * $(grep -c $'^hearth-session\t1\tself' "$TMP/journal")))" ]
}

@test "a scale is scored from max(2, ceil(need% of its items)) answers" {
	local need scale n i want
	need=$(bank_field self need 2)
	for scale in $(bank_field self scale 2); do
		mapfile -t ids < <(awk -F'\t' -v s="$scale" '$1 == "item" && $3 == s { print $2 }' \
			"$SHARE/self.bank")
		n=${#ids[@]}
		want=$(((n * need + 99) / 100))
		((want >= 2)) || want=2
		# Exactly enough: scored; one fewer: unscored.
		for k in "$want" $((want - 1)); do
			session self 2026-06-01T00:00:00Z $(printf '%s=4\n' "${ids[@]:0:k}") > "$TMP/s"
			run score "$TMP/s"
			assert_output_file <(ref "$TMP/s")
			line=$(printf '%s\n' "$output" | grep -P "^[^\t]*\tself\t$scale\t")
			if ((k == want)); then
				[[ $line != *unscored* ]] || { echo "$scale with $k: $line"; return 1; }
			else
				[ "$line" = "2026-06-01T00:00:00Z	self	$scale	-	unscored	-" ] ||
					{ echo "$scale with $k: $line"; return 1; }
			fi
		done
	done
}

@test "a scale needs two answers even when its need% is fewer" {
	data_copy
	cat > "$DATA/tiny.bank" <<-'EOF'
	answer	0	never
	answer	1	sometimes
	answer	2	often
	band	low	0
	band	high	1.5
	need	10
	scale	one	the first scale
	scale	two	the second scale
	read	one	high	3
	read	two	low	4
	item	a1	one	+	A first statement.
	item	a2	one	-	A second statement.
	item	a3	one	+	A third statement.
	item	b1	two	+	Another statement.
	item	b2	two	+	And another.
	EOF
	# one: a1 2, a2 0 reversed to 2: mean 2.0, high, read 3; two: b1 only.
	session tiny 2026-07-01T12:00:00Z a1=2 b1=0 a2=0 > "$TMP/s"
	run score "$TMP/s"
	[ "$output" = $'2026-07-01T12:00:00Z\ttiny\tone\t2.0\thigh\t3\n2026-07-01T12:00:00Z\ttiny\ttwo\t-\tunscored\t-' ]
	# two: b1 0, b2 1: 0.5, low, read 4 (a rating scale from 0).
	session tiny 2026-07-01T12:00:00Z b2=1 b1=0 > "$TMP/s"
	run score "$TMP/s"
	[ "$output" = $'2026-07-01T12:00:00Z\ttiny\tone\t-\tunscored\t-\n2026-07-01T12:00:00Z\ttiny\ttwo\t0.5\tlow\t4' ]
}

@test "safety: a signal answered from its FROM to its TO, as given, calls for the message" {
	local id from to v T=2026-08-01T08:00:00Z
	[ -n "$SAFETY" ]
	[ "$SIGNALS" -ge 6 ]
	while IFS=$'\t' read -r id from to; do
		for v in 1 2 3 4 5; do
			session self $T "$id=$v" > "$TMP/s"
			run score "$TMP/s"
			if ((from <= v && v <= to)); then
				# The safety line, after the scales, even when no scale is
				# scored.
				[ "${#lines[@]}" -eq 6 ] || { echo "$id=$v"; return 1; }
				[ "${lines[5]}" = "$T	self	safety	$SAFETY" ]
				# -r: nothing to read, the note on stderr, exit 0.
				run -0 score -r "$TMP/s"
				[ -z "$output" ]
				[ "$stderr" = "score: safety: $SAFETY" ]
			else
				# None, on stdout or stderr.
				[ "${#lines[@]}" -eq 5 ] || { echo "$id=$v"; return 1; }
				[[ $output != *safety* ]]
				run score -r "$TMP/s"
				[ -z "$output" ]
			fi
		done
	done < <(bank_field self signal 0 | cut -f 2-4)
	# Statements that are not signals never call for it.
	session self $T $(bank_field self item 2 | sed 's/$/=5/') > "$TMP/s"
	run score "$TMP/s"
	[[ $output != *safety* ]]
	session self $T $(bank_field self item 2 | sed 's/$/=1/') > "$TMP/s"
	run score "$TMP/s"
	[[ $output != *safety* ]]
}

@test "safety statements count in no scale's mean" {
	local T=2026-08-01T08:00:00Z
	# The items of every scale at 3, with every signal at 1 and then at
	# 5: the same means, 3.0, whatever the signals say.
	session self $T $(bank_field self item 2 | sed 's/$/=3/') > "$TMP/items"
	session self $T $(bank_field self item 2 | sed 's/$/=3/') \
		$(bank_field self signal 2 | sed 's/$/=1/') > "$TMP/low"
	session self $T $(bank_field self item 2 | sed 's/$/=3/') \
		$(bank_field self signal 2 | sed 's/$/=5/') > "$TMP/high"
	run score "$TMP/items"
	local want=$output
	[ "$(grep -c $'\t3.0\tmoderate\t' <<< "$output")" -eq 5 ]
	run score "$TMP/low"
	[ "$(head -n 5 <<< "$output")" = "$want" ]
	run score "$TMP/high"
	[ "$(head -n 5 <<< "$output")" = "$want" ]
	# -e lists them apart, under no scale.
	run score -e "$TMP/high"
	[ "$(grep -c $'\tanswer\tsafety\t' <<< "$output")" -eq "$SIGNALS" ]
	assert_output_file <(ref -e "$TMP/high")
}

@test "a skipped statement counts in no mean; past the need, its scale is not scored" {
	local T=2026-08-02T08:00:00Z n need want
	mapfile -t ids < <(awk -F'\t' '$1 == "item" && $3 == "walls" { print $2 }' "$SHARE/self.bank")
	n=${#ids[@]} need=$(bank_field self need 2)
	want=$(((n * need + 99) / 100))
	# One skipped, the rest 3 (3 whatever the key): the mean is of the
	# others, 3.0.
	session self $T "${ids[0]}=-" $(printf '%s=3\n' "${ids[@]:1}") > "$TMP/s"
	run score "$TMP/s"
	assert_output_file <(ref "$TMP/s")
	((n - 1 >= want))
	[ "${lines[0]}" = "$T	self	walls	3.0	moderate	$(awk -F'\t' '$1 == "read" && $2 == "walls" && $3 == "moderate" { print $4 }' "$SHARE/self.bank")" ]
	# Skipped until fewer than the need are answered: not scored, as an
	# unanswered scale is.
	session self $T $(printf '%s=-\n' "${ids[@]:0:n - want + 1}") \
		$(printf '%s=4\n' "${ids[@]:n - want + 1}") > "$TMP/s"
	run score "$TMP/s"
	[ "${lines[0]}" = "$T	self	walls	-	unscored	-" ]
	assert_output_file <(ref "$TMP/s")
	# -e: a skipped answer with - for what it gave and counts.
	run score -e "$TMP/s"
	assert_output_file <(ref -e "$TMP/s")
	[[ $output == *$'\tanswer\twalls\t'"${ids[0]}"$'\t'[+-]$'\t-\t-'* ]]
	# JSON: null for both, and the count of skips on the scale.
	if command -v jq > /dev/null; then
		run score -j -e "$TMP/s"
		[ "$(jq -r --arg id "${ids[0]}" 'select(.id == $id) | [.given, .counted] | tostring' <<< "$output")" = "[null,null]" ]
		[ "$(jq -r 'select(.type == "scale" and .scale == "walls") | .skipped' <<< "$output")" -eq $((n - want + 1)) ]
	fi
	# A skipped safety statement calls for nothing.
	session self $T $(bank_field self signal 2 | sed 's/$/=-/') > "$TMP/s"
	run score "$TMP/s"
	[[ $output != *safety* ]]
}

@test "know: right answers count; wrong ones name their sections, sorted, once" {
	local T=2026-09-09T09:09:09Z total sections
	mapfile -t ids < <(bank_field know question 2)
	total=${#ids[@]}
	# All right.
	session know $T $(bank_ids know | paste -d= - <(bank_ids know | letters)) > "$TMP/right"
	run score "$TMP/right"
	[ "$output" = "$T	know	$total	$total	-" ]
	run score -r "$TMP/right"
	[ -z "$output" ]

	# All wrong, in reverse bank order: every section with a question.
	sections=$(bank_field know question 3 | sort -n -u | paste -sd, -)
	session know $T $(bank_ids know | paste -d= - <(bank_ids know | letters -w) | tac) \
		> "$TMP/wrong"
	run score "$TMP/wrong"
	[ "$output" = "$T	know	0	$total	$sections" ]
	run score -r "$TMP/wrong"
	[ "$output" = "${sections//,/$'\n'}" ]

	# Some: TOTAL is the questions answered.
	session know $T k19=a k01=b k02=b k03=c k14=b k15=a > "$TMP/some"
	run score "$TMP/some"
	assert_output_file <(ref "$TMP/some")
	run score -r "$TMP/some"
	assert_output_file <(ref -r "$TMP/some")
}

@test "-r: per session, sorted and unique; nothing for sections-less results" {
	local T=2026-10-10T10:10:10Z
	{
		cat "$FIX/hand.session"
		session know $T k15=a k14=b k01=a k02=b k16=a
		session self $T $(bank_field self item 2 | sed 's/$/=3/')
		session self $T s01=1 s06=5 s11=1 s16=1 s21=5
	} > "$TMP/j"
	run -0 score -r "$TMP/j"
	# hand: 1 2 5; know: 1 5; all 3s: every scale moderate; walls low: -.
	mods=$(awk -F'\t' '$1 == "read" && $3 == "moderate" { print $4 }' "$SHARE/self.bank" |
		sort -n -u)
	[ "$output" = "$(printf '1\n2\n5\n1\n5\n%s' "$mods")" ]
	[ "$stderr" = "score: safety: $SAFETY" ]
	ref -r "$TMP/j" 2> /dev/null > "$TMP/want"
	assert_output_file "$TMP/want"
}

@test "-t: a record per scale per session, in the order of time; ties keep their order" {
	{
		# walls 2.0
		session self 2026-02-01T00:00:00Z s01=2 s06=4 s11=2 s16=2 s21=4 s26=2
		# walls 23/6 = 3.8; strain 1.0
		session self 2026-01-01T00:00:00Z s01=4 s06=2 s11=4 s16=3 s21=2 s26=4 \
			s03=1 s08=5 s13=1 s18=1
		# a knowledge session: right and asked
		session know 2027-01-01T00:00:00Z k01=b k02=a
		# walls 5.0; reaching 1.0; strain 11/4 = 2.75 -> 2.8
		session self 2026-03-01T00:00:00Z s01=5 s06=1 s11=5 s16=5 s21=1 s26=5 \
			s02=1 s07=1 s12=5 s17=1 s03=3 s08=3 s13=3 s18=2
		# the same time, later in the input: after it. walls 3.0
		session self 2026-03-01T00:00:00Z s01=3 s06=3 s11=3 s16=3 s21=3 s26=3
		# reciprocity never scored; s09, a safety statement, agreed to:
		# the safety line
		session self 2026-04-01T00:00:00Z s04=1 s09=4
	} > "$TMP/j"
	run score -t "$TMP/j"
	diff -u - <(printf '%s\n' "$output") <<-EOF
	2026-01-01T00:00:00Z	self	walls	3.8
	2026-01-01T00:00:00Z	self	reaching	-
	2026-01-01T00:00:00Z	self	strain	1.0
	2026-01-01T00:00:00Z	self	reciprocity	-
	2026-01-01T00:00:00Z	self	boundaries	-
	2026-02-01T00:00:00Z	self	walls	2.0
	2026-02-01T00:00:00Z	self	reaching	-
	2026-02-01T00:00:00Z	self	strain	-
	2026-02-01T00:00:00Z	self	reciprocity	-
	2026-02-01T00:00:00Z	self	boundaries	-
	2026-03-01T00:00:00Z	self	walls	5.0
	2026-03-01T00:00:00Z	self	reaching	1.0
	2026-03-01T00:00:00Z	self	strain	2.8
	2026-03-01T00:00:00Z	self	reciprocity	-
	2026-03-01T00:00:00Z	self	boundaries	-
	2026-03-01T00:00:00Z	self	walls	3.0
	2026-03-01T00:00:00Z	self	reaching	-
	2026-03-01T00:00:00Z	self	strain	-
	2026-03-01T00:00:00Z	self	reciprocity	-
	2026-03-01T00:00:00Z	self	boundaries	-
	2026-04-01T00:00:00Z	self	walls	-
	2026-04-01T00:00:00Z	self	reaching	-
	2026-04-01T00:00:00Z	self	strain	-
	2026-04-01T00:00:00Z	self	reciprocity	-
	2026-04-01T00:00:00Z	self	boundaries	-
	2026-04-01T00:00:00Z	self	safety	$(bank_field self safety 2)
	2027-01-01T00:00:00Z	know	2	2
	EOF
	assert_output_file <(ref -t "$TMP/j")

	# Only knowledge sessions: a trend all the same.
	session know 2027-01-01T00:00:00Z k01=a > "$TMP/k"
	session know 2026-01-01T00:00:00Z k01=b k02=c >> "$TMP/k"
	run score -t "$TMP/k"
	[ "$output" = $'2026-01-01T00:00:00Z\tknow\t1\t2\n2027-01-01T00:00:00Z\tknow\t0\t1' ]
	assert_output_file <(ref -t "$TMP/k")
}

@test "-t: a bad session is left out of the trend" {
	{
		session self 2026-01-01T00:00:00Z s01=2 s06=4 s11=2 s16=2 s21=4 s26=2
		session self 2030-01-01T00:00:00Z s01=5 s06=1 s11=5 s16=5 s21=1 s26=9
		session self 2026-02-01T00:00:00Z s01=3 s06=3 s11=3 s16=3 s21=3 s26=3
	} > "$TMP/j"
	run -1 score -t "$TMP/j"
	[ "$(cut -f 1,3,4 <<< "$output" | grep -v -- '-$')" = $'2026-01-01T00:00:00Z\twalls\t2.0\n2026-02-01T00:00:00Z\twalls\t3.0' ]
	[ "${#lines[@]}" -eq 10 ]
	[ "$stderr" = "score: $TMP/j:14: '9' is not an answer to s26 (1 to 5, or - for skipped)" ]
}

@test "-r with -t is a usage error" {
	local opts
	for opts in "-r -t" "-t -r" "-rt" "-tr"; do
		# shellcheck disable=SC2086
		run -2 score $opts "$FIX/hand.session"
		assert_usage_message score "-r and -t cannot be used together"
	done
}

@test "at a terminal the report, into a pipe the records; -H and -M choose" {
	local f=$FIX/hand.session
	run_at_terminal "score '$f'"
	[[ ${lines[0]} == "self: $N statements answered on "* ]]
	[[ $output == *$'\nwalls '* ]]
	[[ $output == *"not a diagnosis"* ]]
	[[ $output != *$'\t'* ]]
	# The same report into a pipe with -H (here at the terminal's width).
	diff -u <(COLUMNS=1000 score -H -w 80 "$f") <(printf '%s\n' "$output")

	# -M: the records, even at a terminal.
	run_at_terminal "score -M '$f'"
	assert_output_file <(hand_results 2026-11-25T14:03:12Z)
	run_at_terminal "score -M -t '$f'"
	assert_output_file <(ref -t "$f")

	run_at_terminal "score -r '$f' 2> /dev/null"
	[ "$output" = $'1\n2\n5' ]

	# Not at a terminal: only the records, as hearth-files(5) has them.
	run score "$f"
	assert_output_file <(hand_results 2026-11-25T14:03:12Z)
}

@test "-H, -M and -j choose one view; -r takes none, nor -e; -t no -e" {
	local pair
	for pair in "H M" "M H" "H j" "j M"; do
		set -- $pair
		run -2 score -"$1" -"$2" "$FIX/hand.session"
		assert_usage_message score "-$1 and -$2 cannot be used together"
	done
	for pair in "H" "M" "j" "e"; do
		run -2 score -r -"$pair" "$FIX/hand.session"
		assert_usage_message score "-r and -$pair cannot be used together"
	done
	run -2 score -t -e "$FIX/hand.session"
	assert_usage_message score "-t and -e cannot be used together"
}

# The report of tests/fixtures/hand.session at width $1 in locale $2, the
# local time UTC; more options after them.
report_of() {
	local width=$1 locale=$2
	shift 2
	(cd "$FIX" && TZ=UTC LC_ALL=$locale score -H -w "$width" "$@" hand.session)
}

# No line of $output wider than $1 columns; $output's words, joined, are
# those of file $2.
assert_report_fits() {
	local line LC_ALL=C.UTF-8
	while IFS= read -r line; do
		[ "${#line}" -le "$1" ] || { echo "wider than $1: '$line'"; return 1; }
	done <<< "$output"
	diff -u <(tr -s ' \n' '  ' < "$2") <(printf '%s\n' "$output" | tr -s ' \n' '  ') ||
		return 1
}

@test "the report of the hand-computed session, word for word, with and without UTF-8" {
	run report_of 80 C.UTF-8
	assert_output_file "$GOLDEN/report.txt"
	run report_of 80 C
	assert_output_file "$GOLDEN/report-ascii.txt"
	# The gauges are all that differs: ten cells, filled in proportion,
	# the half up (walls 4.0 of 1 to 5: 7.5 cells, 8).
	diff <(sed 's/█/#/g; s/░/./g' "$GOLDEN/report.txt") "$GOLDEN/report-ascii.txt"
	grep -q '^walls        ████████░░  4.0  high, see section 1: ' "$GOLDEN/report.txt"
	grep -q '^reaching     ███████░░░  3.6  moderate, see section 2: ' "$GOLDEN/report.txt"
	grep -q '^reciprocity  ██░░░░░░░░  1.6  low, see section 5: ' "$GOLDEN/report.txt"
	grep -q '^boundaries   ████████░░  4.2  high$' "$GOLDEN/report.txt"
	# The scales' descriptions, from the bank.
	local description
	while IFS= read -r description; do
		grep -qF "$description" <(tr -s ' \n' '  ' < "$GOLDEN/report.txt") ||
			{ echo "no description: $description"; return 1; }
	done < <(bank_field self scale 3)
}

@test "the report wraps to 40 columns, and at 200 stays at 80, with the same words" {
	run report_of 40 C.UTF-8
	assert_report_fits 40 "$GOLDEN/report.txt"
	# Hanging lines are indented under the gauge.
	[[ $output == *$'\n             Emotional Walls\n'* ]] || [[ $output == *$'\n             '* ]]
	run report_of 200 C.UTF-8
	assert_output_file "$GOLDEN/report.txt"
	run report_of 0 C.UTF-8
	assert_report_fits 100000 "$GOLDEN/report.txt"
	# At a terminal of 40 and of 200 columns, the same.
	run_at_terminal "cd '$FIX' && COLUMNS=40 TZ=UTC LC_ALL=C.UTF-8 score hand.session"
	diff -u <(report_of 40 C.UTF-8) <(printf '%s\n' "$output")
	run_at_terminal "cd '$FIX' && COLUMNS=200 TZ=UTC LC_ALL=C.UTF-8 score hand.session"
	assert_output_file "$GOLDEN/report.txt"
}

@test "the report of a partial session says in words what is not scored" {
	(cd "$FIX" && TZ=UTC LC_ALL=C score -H -w 80 hand-partial.session) > "$TMP/r"
	grep -q '^strain       not scored: 3 of 5 statements answered (1 skipped), 4 needed$' "$TMP/r"
	grep -q '^boundaries   not scored: 4 of 6 statements answered, 5 needed$' "$TMP/r"
	# 3.7 of 1 to 5: 6.75 cells, 7; one of its statements skipped.
	grep -q '^walls        #######\.\.\.  3\.7  high, see section 1: ' "$TMP/r"
	grep -q '^             1 statement skipped; the mean is of the other 6\.$' "$TMP/r"
	grep -q '^self: 23 statements answered and 4 skipped on ' "$TMP/r"
	# No safety line was due: none in the report.
	! grep -qF "$(bank_field self safety 2 | cut -c 1-30)" "$TMP/r"
}

@test "-e lists under each scale the answers behind it, as worked out by hand" {
	# The answers of hand.session and what they count (the first test of
	# this file works them out): reversed ones count 1 + 5 - x.
	run score -M -e "$FIX/hand.session"
	local T=2026-11-25T14:03:12Z
	grep -v $'\tanswer\t' <<< "$output" | diff -u <(hand_results "$T") -
	# Sorted: each scale's answers, and the safety statements apart, each
	# with the answers that call for the note and whether this one did.
	diff -u - <(grep $'\tanswer\t' <<< "$output" | cut -f 4- | LC_ALL=C sort) <<-'EOF'
	boundaries	s05	+	5	5
	boundaries	s10	-	1	5
	boundaries	s15	+	4	4
	boundaries	s20	-	2	4
	boundaries	s25	+	3	3
	boundaries	s28	+	4	4
	reaching	s02	+	3	3
	reaching	s07	+	4	4
	reaching	s12	-	2	4
	reaching	s17	+	5	5
	reaching	s22	-	4	2
	reciprocity	s04	+	1	1
	reciprocity	s14	+	2	2
	reciprocity	s24	+	1	1
	reciprocity	s30	-	4	2
	reciprocity	s31	-	4	2
	safety	s09	4-5	4	yes
	safety	s19	4-5	5	yes
	safety	s27	4-5	2	no
	safety	s32	4-5	2	no
	safety	s33	4-5	1	no
	safety	s34	4-5	2	no
	safety	s35	1-2	4	no
	strain	s03	+	2	2
	strain	s08	-	4	2
	strain	s13	+	3	3
	strain	s18	+	1	1
	strain	s23	-	2	4
	walls	s01	+	4	4
	walls	s06	-	2	4
	walls	s11	+	5	5
	walls	s16	+	3	3
	walls	s21	-	2	4
	walls	s26	+	4	4
	walls	s29	-	2	4
	EOF
	assert_output_file <(ref -e "$FIX/hand.session")
	# In the report: each answer under its scale, with its statement.
	run report_of 80 C -e
	local block
	block=$(sed -n '/^walls/,/^reaching/p' <<< "$output" | tr -s ' \n' '  ')
	[[ $block == *"s06, answered 2 (disagree), reversed: counts 4. $(bank_field self item 5 | sed -n 6p)"* ]]
	[[ $block == *"s11, answered 5 (strongly agree): counts 5."* ]]
	[[ $block != *"s02,"* ]]
	# A knowledge session: every question, right or missed.
	session know 2026-01-01T00:00:00Z k01=b k02=b > "$TMP/k"
	run score -M -e "$TMP/k"
	assert_output_file <(ref -e "$TMP/k")
	[[ ${lines[1]} == "2026-01-01T00:00:00Z	know	answer	"*"	k01	b	b" ]]
}

@test "-e in the report lists the safety statements apart, each with the answers that call for the note" {
	run report_of 0 C -e
	local block id from to given text
	block=$(sed -n '/^Safety statements, in no scale:$/,/^$/p' <<< "$output")
	[ "$(grep -c '^  s' <<< "$block")" -eq "$SIGNALS" ]
	# Each as the bank and the session say: given 4 and 5 to s09 and s19
	# call for it; s35, given 4, is due on 1 to 2 and does not.
	while IFS=$'\t' read -r id from to text; do
		given=$(awk -F'\t' -v id="$id" '$1 == id { print $2 }' "$FIX/hand.session")
		if ((from <= given && given <= to)); then
			grep -qF "  $id, answered $given ($(bank_field self answer 3 | sed -n "${given}p")): calls for the safety note, as answers $from to $to do. $text" <<< "$block" ||
				{ echo "$id"; return 1; }
		else
			grep -qF "  $id, answered $given ($(bank_field self answer 3 | sed -n "${given}p")): the safety note is for answers $from to $to. $text" <<< "$block" ||
				{ echo "$id"; return 1; }
		fi
	done < <(bank_field self signal 0 | cut -f 2-5)
	[[ $block == *"s09, answered 4 (agree): calls for the safety note"* ]]
	[[ $block == *"s35, answered 4 (agree): the safety note is for answers 1 to 2."* ]]
	# A skipped one says so.
	(cd "$FIX" && TZ=UTC LC_ALL=C score -H -e -w 0 hand-partial.session) > "$TMP/r"
	grep -q '^  s35, skipped: the safety note is for answers 1 to 2\. ' "$TMP/r"
	# Without -e, none of them.
	run report_of 0 C
	[[ $output != *"Safety statements"* ]]
}

@test "the knowledge report names each missed question, the answers, the section and the note" {
	local T=2026-09-09T09:09:09Z q
	# k01 right; k03 wrong, and it has a note.
	q=$(awk -F'\t' '$1 == "question" && $2 == "k03"' "$SHARE/know.bank")
	session know $T k01="$(awk -F'\t' '$1 == "question" && $2 == "k01" { print $4 }' "$SHARE/know.bank")" \
		k03="$([ "$(cut -f 4 <<< "$q")" = a ] && echo b || echo a)" > "$TMP/k"
	run env TZ=UTC score -H -w 0 "$TMP/k"
	[ "${lines[0]}" = "know: 2 questions answered on Wed 9 Sep 2026 at 09:09" ]
	[ "${lines[1]}" = "1 of 2 answered as the guide does." ]
	[ "${lines[2]}" = "Missed:" ]
	[ "${lines[3]}" = "- $(cut -f 5 <<< "$q")" ]
	[[ ${lines[4]} == "  You answered "*". The guide says $(cut -f 4 <<< "$q")) "*", in section $(cut -f 3 <<< "$q"), "*":" ]]
	# The guide's paragraph the answer rests on, word for word.
	local part
	part=$(awk -F'\t' '$1 == "quote" && $2 == "k03" { print $3 }' "$SHARE/know.bank")
	[ -n "$part" ]
	[ "${lines[5]}" = "    $(awk -F'\t' -v s="$(cut -f 3 <<< "$q")" -v p="$part" \
		'$1 == "line" && $2 == s && $3 == p { print $4 }' "$SHARE/guide")" ]
	[ "${lines[6]}" = "  Note: $(awk -F'\t' '$1 == "note" && $2 == "k03" { print $3 }' "$SHARE/know.bank")" ]
	[ "${lines[7]}" = "To read them again: section $(cut -f 3 <<< "$q")" ]
	[ "${#lines[@]}" -eq 8 ]
}

@test "the trend for a person: a sparkline a scale, the first and latest mean, what a rise means" {
	{
		session self 2026-01-01T09:00:00Z s01=1 s06=5 s11=1 s16=1 s21=5 s26=1
		session self 2026-02-01T09:00:00Z s01=2 s06=4 s11=2 s16=2 s21=4 s26=2
		session know 2026-02-15T09:00:00Z k01=a k02=b
		session self 2026-03-01T09:00:00Z s01=4 s06=2 s11=4 s16=4 s21=2 s26=4 s09=5
		session self 2026-04-01T09:00:00Z s01=5 s06=1 s11=5 s16=5 s21=1 s26=5
	} > "$TMP/j"
	run env TZ=UTC LC_ALL=C.UTF-8 score -H -w 80 -t "$TMP/j"
	[ "${lines[0]}" = "The trend, over 5 sessions, 1 Jan 2026 to 1 Apr 2026" ]
	# The safety line, once, set apart.
	[ "$(grep -c "called for this note" <<< "$output")" -eq 1 ]
	[[ ${lines[1]} == "  In 1 session, the latest on 1 Mar 2026, the answers called for this note."* ]]
	grep -q '^walls        ▁▃▆█  1\.0 to 5\.0 (+4\.0), over 4 sessions, 1 Jan 2026 to 1 Apr 2026$' <<< "$output"
	grep -qF "$(awk -F'\t' '$1 == "rise" && $2 == "walls" { print $3 }' "$SHARE/self.bank")" <<< "$output"
	grep -q '^reaching     never scored$' <<< "$output"
	grep -q '^know  ▁  0 of 2 right, over 1 session, 15 Feb 2026$' <<< "$output"
	run env TZ=UTC LC_ALL=C score -H -w 80 -t "$TMP/j"
	grep -q '^walls        _:+#  1\.0 to 5\.0 (+4\.0)' <<< "$output"
	# Only knowledge sessions are a trend too.
	run env TZ=UTC LC_ALL=C score -H -t <(grep -A2 'know' "$TMP/j")
	[[ $output == *"know  _  0 of 2 right"* ]]
}

@test "-j: JSON Lines that jq reads, with the values of the records" {
	command -v jq > /dev/null || skip "jq is not installed"
	local opts
	awk -f "$HEARTH_TOP/tests/bench/journal.awk" -v sessions=80 -v mixed=1 \
		"$SHARE/self.bank" "$SHARE/know.bank" > "$TMP/journal"
	for f in "$TMP/journal" "$FIX/hand.session" "$FIX/hand-partial.session"; do
		for opts in -j "-j -e" "-j -t"; do
			# shellcheck disable=SC2086
			score $opts "$f" > "$TMP/json"
			jq -e . "$TMP/json" > /dev/null || { echo "jq on score $opts $f"; return 1; }
			# One object a line, each with a type, a time and a bank.
			jq -e 'select(.type and .time and .bank) | true' "$TMP/json" | sort -u |
				diff - <(echo true)
		done
	done
	# The same values as the records.
	score -j -e "$TMP/journal" | jq -r '
		def tenths: if . == null then "-" else (. * 10 | round | tostring) end;
		if .type == "scale" then [.time, .bank, .scale, (.mean | tenths), (.band // "unscored"), (.section // "-" | tostring)]
		elif .type == "safety" then [.time, .bank, "safety", .message]
		elif .type == "knowledge" then [.time, .bank, (.right | tostring), (.asked | tostring), (if .sections == [] then "-" else (.sections | map(tostring) | join(",")) end)]
		elif .scale == "safety" then [.time, .bank, "answer", "safety", .id, "\(.from)-\(.to)", (.given // "-" | tostring), (if .fired then "yes" else "no" end)]
		elif .scale then [.time, .bank, "answer", .scale, .id, (if .reversed then "-" else "+" end), (.given // "-" | tostring), (.counted // "-" | tostring)]
		else [.time, .bank, "answer", (.section | tostring), .id, .given, .right] end | @tsv' > "$TMP/from-json"
	score -e "$TMP/journal" | awk -F'\t' -v OFS='\t' '$3 != "safety" && $3 != "answer" && NF == 6 && $4 != "-" { $4 = $4 * 10 } 1' |
		diff -u - "$TMP/from-json"
	score -t "$TMP/journal" |
		awk -F'\t' -v OFS='\t' 'NF == 4 && $3 ~ /^[a-z]/ && $3 != "safety" && $4 != "-" { $4 = $4 * 10 } 1' \
		> "$TMP/trend"
	score -j -t "$TMP/journal" | jq -r '
		if .type == "safety" then [.time, .bank, "safety", .message]
		elif .scale then [.time, .bank, .scale, (if .mean == null then "-" else (.mean * 10 | round | tostring) end)]
		else [.time, .bank, (.right | tostring), (.asked | tostring)] end | @tsv' |
		diff -u "$TMP/trend" -
}

@test "-j escapes quotes, backslashes and controls, and keeps the rest of UTF-8" {
	command -v jq > /dev/null || skip "jq is not installed"
	data_copy
	local message=$'Say \"no\" \\ and \033[1mstay\033[0m safe – “please”.'
	M=$message awk -F'\t' -v OFS='\t' '$1 == "safety" { $2 = ENVIRON["M"] } 1' "$SHARE/self.bank" \
		> "$DATA/self.bank"
	session self 2026-01-01T00:00:00Z s09=5 > "$TMP/s"
	run score -j "$TMP/s"
	[ "$(jq -r 'select(.type == "safety") | .message' <<< "$output")" = "$message" ]
	[[ $output == *'\u001b[1m'* ]]
	[[ $output == *'“please”'* ]]
}

# Bad input. Each case is a file: a good know session (lines 1-3), the bad
# session, a good self session; the bad one is reported and skipped, the
# good ones scored, and score exits 1.
good_before() {
	session know 2026-01-01T00:00:00Z k01=b k02=c
}
good_after() {
	session self 2026-01-03T00:00:00Z s01=1 s06=5 s11=1 s16=2 s21=4
}

# bad_case LINE MESSAGE: the bad part is on stdin; LINE counts from its
# start.
bad_case() {
	local f=$TMP/case
	if [ ! -s "$TMP/good.ref" ]; then
		good_before > "$TMP/good.before"
		good_after > "$TMP/good.after"
		cat "$TMP/good.before" "$TMP/good.after" | ref > "$TMP/good.ref"
	fi
	cat "$TMP/good.before" - "$TMP/good.after" > "$f"
	run -1 score "$f" || { echo "for: $2"; return 1; }
	[ "$stderr" = "score: $f:$(($1 + 3)): $2" ] || {
		printf 'stderr: %s\nwanted: %s\n' "$stderr" "score: $f:$(($1 + 3)): $2"
		return 1
	}
	assert_output_file "$TMP/good.ref" || return 1
	# The same through stdin.
	run -1 score < "$f" || { echo "stdin, for: $2"; return 1; }
	[ "$stderr" = "score: stdin:$(($1 + 3)): $2" ] || {
		printf 'stdin: stderr: %s\nwanted: %s\n' "$stderr" "score: stdin:$(($1 + 3)): $2"
		return 1
	}
	assert_output_file "$TMP/good.ref" || { echo "stdin, for: $2"; return 1; }
}

# A bank of five items whose ids are 1, 3, 4, 8 and 16 bytes long, asked
# in that order, so that each is the item after the one before it.
separator_bank() {
	data_copy
	IDS=(a bcd efgh ijklmnop qrstuvwxyz012345)
	{
		printf 'answer\t1\tno\nanswer\t2\tyes\nband\tlow\t1\nneed\t50\n'
		printf 'scale\tone\tthe only scale\n'
		printf 'item\t%s\tone\t+\tA statement.\n' "${IDS[@]}"
	} > "$DATA/sep.bank"
}

@test "an answer line needs a tab after its id, whatever the id's length" {
	separator_bank
	local T=2026-03-01T10:00:00Z k sep want
	# The good session: every id, a tab, an answer.
	printf 'hearth-session\t1\tsep\t%s\t5\n' $T > "$TMP/good"
	printf '%s\t2\n' "${IDS[@]}" >> "$TMP/good"
	run score "$TMP/good"
	[ "$output" = "$T${TAB}sep${TAB}one${TAB}2.0${TAB}low$TAB-" ]
	for k in 0 1 2 3 4; do
		# The bad line comes where the next item is expected: right
		# after the header, or after the ids before it.
		for sep in X ' ' '' '\0' '\377'; do
			case $sep in
			'\0') want="NUL byte in line" ;;
			'\377') want="invalid UTF-8" ;;
			*) want="expected an id, a tab and an answer" ;;
			esac
			{
				printf 'hearth-session\t1\tsep\t%s\t5\n' 2026-02-01T00:00:00Z
				((k == 0)) || printf '%s\t2\n' "${IDS[@]:0:k}"
				printf "%s$sep%s\n" "${IDS[k]}" 2
				cat "$TMP/good"
			} > "$TMP/bad"
			run -1 score "$TMP/bad"
			[ "$stderr" = "score: $TMP/bad:$((k + 2)): $want" ] ||
				{ printf 'id %s, separator %q: %s\n' "${IDS[k]}" "$sep" "$stderr"; return 1; }
			[ "$output" = "$T${TAB}sep${TAB}one${TAB}2.0${TAB}low$TAB-" ] ||
				{ printf 'id %s, separator %q: %s\n' "${IDS[k]}" "$sep" "$output"; return 1; }
		done
	done
}

@test "an id is all of what comes before the tab, never a part of it" {
	separator_bank
	local T=2026-03-01T10:00:00Z id
	for id in efg efghi ijklmno ijklmnopq qrstuvwxyz01234 qrstuvwxyz0123456 A b; do
		printf 'hearth-session\t1\tsep\t%s\t1\n%s\t2\n' $T "$id" > "$TMP/s"
		run -1 score "$TMP/s"
		[ "$stderr" = "score: $TMP/s:2: no item '$id' in bank 'sep'" ] ||
			{ echo "id $id: $stderr"; return 1; }
	done
}

@test "bad answers: unknown id, out of range, text for a number, a bad letter" {
	local T=2026-01-02T00:00:00Z
	session self $T s01=3 s99=3 s02=4 | bad_case 3 "no item 's99' in bank 'self'"
	session self $T s01=3 k01=a s02=4 | bad_case 3 "no item 'k01' in bank 'self'"
	session know $T k01=a s01=3 k02=b | bad_case 3 "no item 's01' in bank 'know'"
	session self $T s01=3 s02=6 s03=4 | bad_case 3 "'6' is not an answer to s02 (1 to 5, or - for skipped)"
	session self $T s01=0 s02=3 | bad_case 2 "'0' is not an answer to s01 (1 to 5, or - for skipped)"
	session self $T s01=3 s02=-1 | bad_case 3 "'-1' is not an answer to s02 (1 to 5, or - for skipped)"
	session self $T s01=3 s02=three | bad_case 3 "'three' is not an answer to s02 (1 to 5, or - for skipped)"
	session self $T s01=3 s02=b | bad_case 3 "'b' is not an answer to s02 (1 to 5, or - for skipped)"
	session self $T s01=3 s02=3.5 | bad_case 3 "'3.5' is not an answer to s02 (1 to 5, or - for skipped)"
	session self $T s01=3 s02= | bad_case 3 "'' is not an answer to s02 (1 to 5, or - for skipped)"
	session know $T k01=d k02=a | bad_case 2 "'d' is not an answer to k01 (a to c)"
	session know $T k01=a k02=e | bad_case 3 "'e' is not an answer to k02 (a to d)"
	session know $T k01=2 | bad_case 2 "'2' is not an answer to k01 (a to c)"
	session know $T k01=ab | bad_case 2 "'ab' is not an answer to k01 (a to c)"
	printf 'hearth-session\t1\tself\t%s\t2\ns01 3\ns02\t3\n' $T |
		bad_case 2 "expected an id, a tab and an answer"
	printf 'hearth-session\t1\tself\t%s\t2\ns01\ns02\t3\n' $T |
		bad_case 2 "expected an id, a tab and an answer"
	session self $T s01=3 s02=4 s01=5 | bad_case 4 "s01 is answered twice in one session"
}

@test "numbers in a session are decimal digits, leading zeros and all" {
	local T=2026-01-02T00:00:00Z
	printf 'hearth-session\t01\tself\t%s\t0003\ns01\t04\ns06\t002\ns11\t0005\n' $T > "$TMP/zeros"
	session self $T s01=4 s06=2 s11=5 > "$TMP/plain"
	run score "$TMP/zeros"
	assert_output_file <(ref "$TMP/plain")
	# A sign or a blank is no digit.
	session self $T s01=+4 | bad_case 2 "'+4' is not an answer to s01 (1 to 5, or - for skipped)"
	session self $T 's01= 4' | bad_case 2 "' 4' is not an answer to s01 (1 to 5, or - for skipped)"
	# Nor does a number too big for any machine wrap round to a small one.
	session self $T s01=18446744073709551620 | bad_case 2 \
		"'18446744073709551620' is not an answer to s01 (1 to 5, or - for skipped)"
	session self $T s01=0000000000000000000004 > "$TMP/zeros"
	session self $T s01=4 > "$TMP/plain"
	run score "$TMP/zeros"
	assert_output_file <(ref "$TMP/plain")
}

@test "a session of no answers, as quiz writes when the person quits: nothing, and no error" {
	local T=2026-01-02T00:00:00Z
	printf 'hearth-session\t1\tself\t%s\t0\n' $T > "$TMP/quit"
	local view
	for view in "" -r -t -j -H; do
		run score $view "$TMP/quit"
		[ -z "$output" ] || { echo "score $view: $output"; return 1; }
	done
	# Among other sessions it counts for nothing; an answer after it is
	# outside any session.
	{ good_before; cat "$TMP/quit"; good_after; } > "$TMP/j"
	run score "$TMP/j"
	assert_output_file <({ good_before; good_after; } | ref)
	{ cat "$TMP/quit"; printf 's01\t3\n'; } |
		bad_case 2 "an answer outside a session: no hearth-session line above it"
}

@test "bad headers: version, bank, time, count, fields" {
	local T=2026-01-02T00:00:00Z
	printf 'hearth-session\t2\tself\t%s\t1\ns01\t3\n' $T |
		bad_case 1 "session format version is not 1, the one this hearth reads"
	printf 'hearth-session\tx\tself\t%s\t1\ns01\t3\n' $T |
		bad_case 1 "session format version is not a number"
	printf 'hearth-session\t1\tSelf\t%s\t1\ns01\t3\n' $T |
		bad_case 1 "session header names no valid question bank"
	local t
	for t in 2026-11-25T14:03:12 '2026-11-25 14:03:12Z' 2026-11-25T14:03:12+01:00 \
		26-11-25T14:03:12Z 2026-11-25t14:03:12z 0000-01-01T00:00:00Z \
		2026-11-25T1:03:12Z x ''; do
		printf 'hearth-session\t1\tself\t%s\t1\ns01\t3\n' "$t" |
			bad_case 1 "session time is not like 2026-11-25T14:03:12Z" ||
			{ echo "time '$t'"; return 1; }
	done
	# Of the right form, but not in the calendar or the day.
	for t in 2026-02-30 2023-02-29 2026-11-00 2026-04-31; do
		printf 'hearth-session\t1\tself\t%sT00:00:00Z\t1\ns01\t3\n' "$t" |
			bad_case 1 "$t: no such day" || { echo "date '$t'"; return 1; }
	done
	printf 'hearth-session\t1\tself\t2026-13-01T00:00:00Z\t1\ns01\t3\n' |
		bad_case 1 "2026-13-01: no such month"
	for t in 24:00:00 23:60:00 23:59:61; do
		printf 'hearth-session\t1\tself\t2026-11-25T%sZ\t1\ns01\t3\n' "$t" |
			bad_case 1 "$t: no such time of day" || { echo "time '$t'"; return 1; }
	done
	local c
	for c in -1 x 3x '' 100001 ' 3'; do
		printf 'hearth-session\t1\tself\t%s\t%s\ns01\t3\n' $T "$c" |
			bad_case 1 "session answer count is not a number from 0 to 100000" ||
			{ echo "count '$c'"; return 1; }
	done
	local self=$N
	printf 'hearth-session\t1\tself\t%s\t%s\ns01\t3\n' $T $((self + 1)) |
		bad_case 1 "session claims $((self + 1)) answers; bank 'self' has $self questions"
	# As many as the bank has is fine (here cut short, so reported as that).
	printf 'hearth-session\t1\tself\t%s\t%s\ns01\t3\n' $T "$self" |
		bad_case 1 "session ends after 1 of its $self answers"
	local know=$KNOW_N
	printf 'hearth-session\t1\tknow\t%s\t%s\nk01\ta\n' $T $((know + 1)) |
		bad_case 1 "session claims $((know + 1)) answers; bank 'know' has $know questions"
	printf 'hearth-session\t1\tself\t%s\ns01\t3\n' $T |
		bad_case 1 "session header has fewer than 5 fields"
	printf 'hearth-session\t1\tself\t%s\t1\tx\ns01\t3\n' $T |
		bad_case 1 "session header has more than 5 fields"
}

@test "score and summary -d read dates by one calendar" {
	local day verdict rc
	for day in 2024-02-29 2000-02-29 2026-02-28 0001-01-01 9999-12-31 \
		1900-02-29 2023-02-29 2026-02-30 2026-06-31 2026-13-01 2026-00-01; do
		rc=0
		verdict=$(summary -d "$day" 2>&1 > /dev/null | head -n 1) || true
		summary -d "$day" > /dev/null 2>&1 || rc=$?
		if [ "$rc" -eq 0 ]; then
			# summary takes the date, so score takes it too.
			session self "${day}T12:00:00Z" s01=3 > "$TMP/s"
			run score "$TMP/s"
			[ "${#lines[@]}" -eq 5 ] || { echo "score on $day: $output"; return 1; }
			continue
		fi
		[ "$rc" -eq 2 ] || { echo "summary -d $day: status $rc"; return 1; }
		printf 'hearth-session\t1\tself\t%sT12:00:00Z\t1\ns01\t3\n' "$day" |
			bad_case 1 "${verdict#summary: }" || { echo "date $day"; return 1; }
	done
}

@test "a session of a bank that is not there" {
	local T=2026-01-02T00:00:00Z
	data_copy
	printf 'hearth-session\t1\tnope\t%s\t1\ns01\t3\n' $T |
		bad_case 1 "no question bank 'nope' in $DATA"
	# The bank name is a name, not a path.
	printf 'hearth-session\t1\t../share/self\t%s\t1\ns01\t3\n' $T |
		bad_case 1 "session header names no valid question bank"
}

@test "a session cut short by the next header or by the end of the file" {
	local T=2026-01-02T00:00:00Z
	# by the next header: the message points at the cut session's header
	{ printf '# note\n'; session self $T s01=3 s02=3 s03=3 | head -n 3; } |
		bad_case 2 "session ends after 2 of its 3 answers"

	# by the end of the file, after a good session
	{ good_before; session self $T s01=3 s02=3 s03=3 | head -n 2; } > "$TMP/cut"
	run -1 score "$TMP/cut"
	assert_output_file <(good_before | ref)
	[ "$stderr" = "score: $TMP/cut:4: session ends after 1 of its 3 answers" ]

	# a cut session at the end of one file does not go on in the next
	session self $T s01=3 s02=3 s03=3 | head -n 3 > "$TMP/a"
	{ session self $T s01=3 s02=3 s03=3 | sed -n 4p; good_after; } > "$TMP/b"
	run -1 score "$TMP/a" "$TMP/b"
	assert_output_file <(good_after | ref)
	[ "$stderr" = "score: $TMP/a:1: session ends after 2 of its 3 answers
score: $TMP/b:1: an answer outside a session: no hearth-session line above it" ]
}

@test "a file with only a bad line is not also 'no session', whatever came before" {
	local T=2026-01-02T00:00:00Z
	session self $T s01=3 s02=3 s03=3 | head -n 3 > "$TMP/a"
	printf 's03\t3\n' > "$TMP/b"
	# Alone, b gets one message.
	run -1 score "$TMP/b"
	[ -z "$output" ]
	[ "$stderr" = "score: $TMP/b:1: an answer outside a session: no hearth-session line above it" ]
	# After a file with an error it should get the same one message.
	run -1 score "$TMP/a" "$TMP/b"
	[ -z "$output" ]
	[ "$stderr" = "score: $TMP/a:1: session ends after 2 of its 3 answers
score: $TMP/b:1: an answer outside a session: no hearth-session line above it" ]
}

@test "an answer line outside a session is reported; the sessions are scored" {
	{ printf 's01\t3\n'; good_before; good_after; } > "$TMP/f"
	run -1 score "$TMP/f"
	assert_output_file <({ good_before; good_after; } | ref)
	[ "$stderr" = "score: $TMP/f:1: an answer outside a session: no hearth-session line above it" ]

	# after a complete session: an answer too many
	printf 'k03\tc\n' | bad_case 1 "an answer outside a session: no hearth-session line above it"
}

@test "a 10 MB line ends its file: what came before is scored, nothing after" {
	local T=2026-01-02T00:00:00Z long line
	for long in "hearth-session${TAB}1${TAB}self$TAB$T${TAB}2\ns01$TAB" '# '; do
		{
			good_before
			printf "$long"
			head -c 10000000 /dev/zero | tr '\0' 3
			printf '\ns02\t3\n'
			good_after
		} > "$TMP/long"
		[[ $long == '# ' ]] && line=4 || line=5
		run -1 score "$TMP/long" "$FIX/hand.session"
		[ "$stderr" = "score: $TMP/long:$line: line longer than 65536 bytes" ]
		assert_output_file <(good_before | ref; ref "$FIX/hand.session")
		run -1 score < "$TMP/long"
		[ "$stderr" = "score: stdin:$line: line longer than 65536 bytes" ]
		assert_output_file <(good_before | ref)
	done
	# A stream with no line end at all is one such line.
	run -1 timeout 20 score /dev/zero "$FIX/hand.session"
	[ "$stderr" = "score: /dev/zero:1: line longer than 65536 bytes" ]
	assert_output_file <(ref "$FIX/hand.session")
}

@test "a NUL byte or invalid UTF-8 skips its session" {
	local T=2026-01-02T00:00:00Z
	printf 'hearth-session\t1\tself\t%s\t2\ns01\t3\0\ns02\t3\n' $T |
		bad_case 2 "NUL byte in line"
	printf 'hearth-session\t1\tself\t%s\t2\ns01\0\t3\ns02\t3\n' $T |
		bad_case 2 "NUL byte in line"
	printf 'hearth-session\t1\tself\t%s\t2\0\ns01\t3\ns02\t3\n' $T |
		bad_case 1 "NUL byte in line"
	printf 'hearth-session\t1\tself\t%s\t2\ns01\t3\ns02\t\xff\n' $T |
		bad_case 3 "invalid UTF-8"
	printf 'hearth-session\t1\tself\t%s\t2\ns\xc3\t3\ns02\t3\n' $T |
		bad_case 2 "invalid UTF-8"
	printf 'hearth-session\t1\tself\t%s\t2\ns01\t3\n# caf\xe9\ns02\t3\n' $T |
		bad_case 3 "invalid UTF-8"
}

@test "a line of 65536 bytes is not too long" {
	{ printf '# '; head -c 65534 /dev/zero | tr '\0' x; printf '\n'; good_after; } > "$TMP/f"
	run score "$TMP/f"
	assert_output_file <(good_after | ref)
}

@test "an empty input, or only comments and blank lines: no session" {
	: > "$TMP/empty"
	run -1 score "$TMP/empty"
	[ -z "$output" ]
	[ "$stderr" = "score: $TMP/empty:1: no session in the input" ]

	run -1 score < /dev/null
	[ -z "$output" ]
	[ "$stderr" = "score: stdin:1: no session in the input" ]

	printf '# only\n\n# comments\n' > "$TMP/comments"
	run -1 score "$TMP/comments"
	[ -z "$output" ]
	[ "$stderr" = "score: $TMP/comments:3: no session in the input" ]

	# Other files are still scored.
	good_before > "$TMP/good"
	run -1 score "$TMP/empty" "$TMP/good" "$TMP/comments"
	assert_output_file <(ref "$TMP/good")
	[ "$stderr" = "score: $TMP/empty:1: no session in the input
score: $TMP/comments:3: no session in the input" ]
}

@test "a missing file is reported; the others are still scored" {
	good_before > "$TMP/a"
	good_after > "$TMP/b"
	run -1 score "$TMP/a" "$TMP/missing" "$TMP/b"
	assert_output_file <(ref "$TMP/a" "$TMP/b")
	[ "$stderr" = "score: $TMP/missing: No such file or directory" ]
}

@test "a directory operand is reported; the others are still scored" {
	good_before > "$TMP/a"
	mkdir "$TMP/dir"
	run -1 score "$TMP/dir" "$TMP/a"
	assert_output_file <(ref "$TMP/a")
	[ "$stderr" = "score: $TMP/dir: Is a directory" ]
}

@test "several files and - for stdin, scored in the order given" {
	good_before > "$TMP/a"
	good_after > "$TMP/b"
	cp "$FIX/hand.session" "$TMP/c"
	run score "$TMP/a" - "$TMP/b" < "$TMP/c"
	assert_output_file <(ref "$TMP/a" "$TMP/c" "$TMP/b")

	run score - < "$TMP/c"
	assert_output_file <(ref "$TMP/c")
}

@test "CRLF line ends, blank lines and comments anywhere are accepted" {
	local T=2026-01-02T00:00:00Z
	{
		printf '# a journal\n\n'
		session self $T s01=1 s06=5 s11=1 s16=2 s21=4 > "$TMP/s"
		head -n 3 "$TMP/s"
		printf '# a comment inside a session\n\n   \t\n#\n'
		tail -n +4 "$TMP/s"
		printf '\n\n'
		cat "$FIX/hand.session"
		good_before
	} > "$TMP/lf"
	sed 's/$/\r/' "$TMP/lf" > "$TMP/crlf"
	grep -q $'\r$' "$TMP/crlf"
	run score "$TMP/lf"
	assert_output_file <(ref "$TMP/lf")
	[ "${#lines[@]}" -eq 12 ]
	local lf=$output
	run score "$TMP/crlf"
	[ "$output" = "$lf" ]
}

@test "good sessions around several bad ones are all scored, in order" {
	local T=2026-01-02T00:00:00Z
	{
		good_before
		session self $T s01=3 s02=7
		cat "$FIX/hand.session"
		printf 'hearth-session\t1\tself\tnot-a-time\t1\ns01\t3\n'
		good_after
	} > "$TMP/j"
	run -1 score "$TMP/j"
	assert_output_file <({ good_before; cat "$FIX/hand.session"; good_after; } | ref)
	[ "$stderr" = "score: $TMP/j:6: '7' is not an answer to s02 (1 to 5, or - for skipped)
score: $TMP/j:$((7 + $(wc -l < "$FIX/hand.session"))): session time is not like 2026-11-25T14:03:12Z" ]

	run -1 score -r "$TMP/j"
	[ "$output" = $'1\n1\n2\n5' ]
	[ "${#stderr_lines[@]}" -eq 3 ]
}

# The lines of the code block of hearth-files(5) after the line that
# starts with $1, each run of two or more spaces a tab, as the page shows
# tabs.
example_block() {
	page_block hearth-files.5 "$1" | sed 's/   */\t/g'
}

@test "hearth-files(5)'s examples: the banks load, and the sessions score as the page says" {
	data_copy
	example_block "An example rating bank, _tiny.bank_" > "$DATA/tiny.bank"
	example_block "An example knowledge bank, _recall.bank_" > "$DATA/recall.bank"
	grep -q $'^signal\tf1\t3\t4\t' "$DATA/tiny.bank"
	run quiz -l -k tiny
	[[ $output == *"(f1, safety, 3 to 4)"* ]]
	run quiz -l -k recall
	[[ $output == *"   Quote: "* ]]
	example_block "A session for _tiny.bank_" > "$TMP/tiny.s"
	example_block "A journal with this session" > "$TMP/tiny2.s"
	example_block "and one for _recall.bank_:" > "$TMP/recall.s"
	[ "$(wc -l < "$TMP/tiny.s")" -eq 6 ]
	run score "$TMP/tiny.s"
	assert_output_file <(example_block "The session for _tiny.bank_ above scores as:")
	run -0 score -r "$TMP/tiny.s"
	[ "$output" = $'1\n2' ]
	[ "$stderr" = "score: safety: Please talk to someone you trust." ]
	run score "$TMP/tiny.s" "$TMP/tiny2.s"
	assert_output_file <(example_block "The session for _tiny.bank_ above scores as:"
		example_block "scores as the three lines above, and then:")
	run score -t "$TMP/tiny.s" "$TMP/tiny2.s"
	assert_output_file <(example_block "then prints:")
	run score "$TMP/recall.s"
	assert_output_file <(example_block "The session for _recall.bank_ above scores as:")
	run score -r "$TMP/recall.s"
	[ "$output" = 3 ]
}
