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
	awk -F'\t' '$1 == "item" || $1 == "signal" { print $2 "\t" (n++ % 5 + 1) }' "$SHARE/self.bank" |
		assert_session self - "$OUT"
	# Nothing meant for the terminal reached stdout.
	! grep -q -e 'Your answer' -e 'Rate each' -e '\[' "$OUT" ||
		{ echo "prompt text in the session"; return 1; }
}

@test "? and help show the answer scale again, then the same item" {
	data_without_signals
	run_pty help "$OUT" "$DATA/self.bank"
	[ "$(grep -c 'Rate each statement' <<< "$output")" -eq 3 ]
	printf 's01\t5\ns02\t4\ns03\t3\n' | assert_session self - "$OUT"
}

@test "a reply that is no answer re-asks with a hint" {
	data_without_signals
	run_pty reask "$OUT"
	[ "$(grep -c 'Please answer 1 to 5' <<< "$output")" -eq 3 ]
	printf 's01\t2\ns02\t3\ns03\t4\n' | assert_session self - "$OUT"
}

@test "b goes back one item, offering the answer given before; Enter keeps it" {
	data_without_signals
	run_pty back "$OUT" "$DATA/self.bank"
	printf 's01\t1\ns02\t5\ns03\t3\ns04\t4\n' | assert_session self - "$OUT"
}

@test "s skips a statement; after b, Enter skips it again; -n 1 asks every safety statement" {
	run_pty skip "$OUT" "$SHARE/self.bank"
	{ bank_field self item 2 | head -n 1 | sed 's/$/\t-/'
		bank_field self signal 2 | sed 's/$/\t3/'; } | assert_session self - "$OUT"
}

@test "q stops quietly: one calm line, exit 0, a session of no answers, no journal" {
	data_without_signals
	run_pty quit "$OUT" "$TMP/journal"
	[[ $output == *"Stopped. Nothing was saved."* ]]
	[[ $output != *"quiz:"* ]]
	assert_no_answers self "$OUT"
	[ ! -e "$TMP/journal" ]
}

@test "Ctrl-D: the input ends; exit 1, nothing in the output file" {
	data_without_signals
	run_pty eof "$OUT"
	[[ $output == *"status=1"* ]]
	[ -e "$OUT" ]
	[ ! -s "$OUT" ]
}

@test "Ctrl-C: quiz dies by SIGINT (130), nothing in the output or journal" {
	data_without_signals
	run_pty sigint "$OUT" "$TMP/journal"
	[[ $output == *"status=130"* ]]
	[ -e "$OUT" ]
	[ ! -s "$OUT" ]
	# No journal is made for a session that was never complete.
	[ ! -e "$TMP/journal" ]
}

@test "SIGTERM: quiz dies by it (143), nothing in the output or journal" {
	data_without_signals
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

@test "know -e at a terminal: back is refused calmly; Ctrl-D or q in the re-asks keeps the first answers" {
	local seed=3 mode id1 id2 right2 wrong1
	mapfile -t ids < <(print_order -k know -s "$seed" -n 2)
	id1=${ids[0]} id2=${ids[1]}
	right2=$(letters <<< "$id2")
	wrong1=$(letters -w <<< "$id1")
	for mode in eof quit; do
		rm -f "$OUT"
		run_pty explain-back "$mode" "$OUT" "$SHARE/know.bank" "$seed" "$id1" "$id2" ||
			{ echo "mode $mode"; return 1; }
		[ "$(grep -c 'no going back' <<< "$output")" -eq 2 ]
		# The first answers, though the second was "changed" by back.
		printf '%s\t%s\n%s\t%s\n' "$id1" "$wrong1" "$id2" "$right2" |
			assert_session know - "$OUT" || { echo "mode $mode"; return 1; }
	done
}

# The lines of TEXT after LABEL, wrapped greedily at WIDTH columns, each
# line after the first indented under the text: what a terminal should
# show for an item or an answer label.
hanging() {
	awk -v width="$1" -v label="$2" -v text="$3" 'BEGIN {
		n = split(text, word, " ")
		line = label word[1]
		pad = sprintf("%*s", length(label), "")
		for (i = 2; i <= n; i++) {
			if (length(line) + 1 + length(word[i]) > width) {
				print line
				line = pad word[i]
			} else {
				line = line " " word[i]
			}
		}
		print line
	}'
}

# $output, the transcript, holds the lines of hanging "$@" in a row, and
# at least one of them is a continuation.
assert_hanging() {
	local block
	block=$(hanging "$@")
	[[ $block == *$'\n'* ]] || { echo "'$2$3' fits on one line at $1 columns"; return 1; }
	# (run drops the transcript's last newline.)
	[[ $output$'\n' == *$'\n'"$block"$'\n'* ]] || {
		printf 'not in the transcript:\n%s\n' "$block"
		return 1
	}
}

@test "at 40 columns items, choices and answer labels wrap under their text" {
	local k id text line wrapped
	data_without_signals
	sed -i 's/^answer\t3\t.*/answer\t3\tneither agree nor disagree, or it changes from day to day/' \
		"$DATA/self.bank"
	run_pty wrap 40 "$OUT" 3 -n 5
	output=${output//$'\r'/}
	# Shown twice, first and after the ?.
	assert_hanging 40 "  3  " "neither agree nor disagree, or it changes from day to day"
	for ((k = 1; k <= 5; k++)); do
		text=$(awk -F'\t' -v k="$k" '$1 == "item" && ++n == k { print $5 }' "$DATA/self.bank")
		[ "${#text}" -le 34 ] || assert_hanging 40 "[$k/5] " "$text" || return 1
	done
	# s05 is long enough to wrap.
	[[ $output == *$'\n[5/5] '*$'\n      '[!\ ]* ]]
	while IFS= read -r line; do
		[ "${#line}" -le 40 ] || { echo "wider than 40: '$line'"; return 1; }
	done < <(grep -v '^spawn ' <<< "$output")
	[ "$(wc -l < "$OUT")" -eq 6 ]

	# The questions, choices and notes of a knowledge check, the same
	# way; seed 1 asks first questions with a choice long enough to wrap.
	run_pty wrap 40 "$OUT" a -k know -s 1 -n 3
	output=${output//$'\r'/}
	k=0 wrapped=0
	while IFS= read -r id; do
		k=$((k + 1))
		text=$(awk -F'\t' -v id="$id" '$1 == "question" && $2 == id { print $5 }' "$SHARE/know.bank")
		assert_hanging 40 "[$k/3] " "$text" || return 1
		while IFS= read -r line; do
			text=${line#*$'\t'}
			[ "${#text}" -gt 35 ] || continue
			assert_hanging 40 "  ${line%%$'\t'*}) " "$text" || return 1
			wrapped=$((wrapped + 1))
		done < <(awk -F'\t' -v id="$id" '$1 == "choice" && $2 == id {
			printf "%c\t%s\n", 96 + ++n, $3 }' "$SHARE/know.bank")
		text=$(awk -F'\t' -v id="$id" '$1 == "note" && $2 == id { print $3 }' "$SHARE/know.bank")
		[ "${#text}" -le 34 ] || assert_hanging 40 "Note: " "$text" || return 1
	done < <(print_order -k know -s 1 -n 3)
	[ "$wrapped" -ge 1 ]
	while IFS= read -r line; do
		[ "${#line}" -le 40 ] || [[ ${line#  } != *" "* ]] ||
			{ echo "wider than 40: '$line'"; return 1; }
	done < <(grep -v '^spawn ' <<< "$output")
}

@test "with stdout the terminal too: the session, then a 'quiz | score' hint" {
	data_without_signals
	run_pty stdout-tty
	output=${output//$'\r'/}
	[[ $output == *$'\ns01\t4\ns02\t5\n'*"quiz | score"* ]]
}
