load helper

# quiz at a real pseudo-terminal, driven by the expect scripts in
# tests/pty (one per scenario; each says what it checks and how it is
# called). An expect script exits 1 with "FAIL: ..." on stderr when the
# terminal does not show what it should; its stdout is the transcript.
# Here we check what quiz left in its output file: exactly the session,
# or nothing.

setup() {
	OUT=$TMP/out
}

@test "prompts show the scale and [k/28]; stdout gets only the session" {
	run_pty progress "$OUT" "$SHARE/self.bank"
	[[ $output == *"[1/$N] "* ]]
	[[ $output == *"[$N/$N] "* ]]
	[[ $output == *"Your answer (1 to 5): "* ]]
	awk -F'\t' '$1 == "item" { print $2 "\t" (n++ % 5 + 1) }' "$SHARE/self.bank" |
		assert_session self - "$OUT"
	# Nothing meant for the terminal reached stdout.
	! grep -q -e 'Your answer' -e 'Rate each' -e '\[' "$OUT" ||
		{ echo "prompt text in the session"; return 1; }
}

@test "? and help show the answer scale again" {
	run_pty help "$OUT" "$SHARE/self.bank"
	[ "$(grep -c 'Rate each statement' <<< "$output")" -eq 3 ]
	printf 's01\t5\ns02\t4\ns03\t3\n' | assert_session self - "$OUT"
}

@test "a reply that is no answer re-asks with a hint" {
	run_pty reask "$OUT"
	[ "$(grep -c 'Please answer 1 to 5' <<< "$output")" -eq 3 ]
	printf 's01\t2\ns02\t3\ns03\t4\n' | assert_session self - "$OUT"
}

@test "b goes back one item; at the first it says so" {
	run_pty back "$OUT" "$SHARE/self.bank"
	printf 's01\t1\ns02\t5\ns03\t4\n' | assert_session self - "$OUT"
}

@test "q quits: exit 1, nothing in the output file" {
	run_pty quit "$OUT"
	[[ $output == *"status=1"* ]]
	[ -e "$OUT" ]
	[ ! -s "$OUT" ]
}

@test "Ctrl-D: the input ends; exit 1, nothing in the output file" {
	run_pty eof "$OUT"
	[[ $output == *"status=1"* ]]
	[ -e "$OUT" ]
	[ ! -s "$OUT" ]
}

@test "Ctrl-C: quiz dies by SIGINT (130), nothing in the output or journal" {
	run_pty sigint "$OUT" "$TMP/journal"
	[[ $output == *"status=130"* ]]
	[ -e "$OUT" ]
	[ ! -s "$OUT" ]
	# No journal is made for a session that was never complete.
	[ ! -e "$TMP/journal" ]
}

@test "SIGTERM: quiz dies by it (143), nothing in the output or journal" {
	run_pty sigterm "$OUT" "$TMP/journal"
	[[ $output == *"status=143"* ]]
	[ -e "$OUT" ]
	[ ! -s "$OUT" ]
	[ ! -e "$TMP/journal" ]
}

@test "know -e at a terminal: 'The guide says', 'Right.', the miss asked again" {
	local seed id1 id2 right2 wrong1 found=
	# A seed whose first question has a note, so that notes are checked.
	for seed in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		mapfile -t ids < <(print_order -k know -s "$seed" -n 2)
		if awk -F'\t' -v id="${ids[0]}" '$1 == "note" && $2 == id { f = 1 } END { exit !f }' \
			"$SHARE/know.bank"; then
			found=$seed
			break
		fi
	done
	[ -n "$found" ]
	id1=${ids[0]} id2=${ids[1]}
	run_pty explain "$OUT" "$SHARE/know.bank" "$found" "$id1" "$id2"
	[[ $output == *"[again] "* ]]
	[[ $output == *"The guide says "* ]]
	[[ $output == *"Right."* ]]
	right2=$(letters <<< "$id2")
	wrong1=$(letters -w <<< "$id1")
	# The session keeps the first answers: the miss, and the right one.
	printf '%s\t%s\n%s\t%s\n' "$id1" "$wrong1" "$id2" "$right2" |
		assert_session know - "$OUT"
}

@test "with stdout the terminal too: the session, then a 'quiz | score' hint" {
	run_pty stdout-tty
	output=${output//$'\r'/}
	[[ $output == *$'\ns01\t4\ns02\t5\n'*"quiz | score"* ]]
}
