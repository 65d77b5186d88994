# bank.awk: writes a question bank of generated records, the same for the
# same seed in every awk, for `make bench` to time quiz loading it.
#
#   awk -f bank.awk -v kind=rating|knowledge -v items=N [-v seed=S]
#
# rating: a rating bank of N items on 16 scales, with an answer scale of
# five, three bands, read records for two bands of each scale, a safety
# message, and one statement in 128 a safety statement (a signal record),
# some 300 of 40,000.
# knowledge: a knowledge bank of N questions, each with three choice
# records, and a note on about one question in eight. Sections are those
# of share/guide, 1 to 6. The records are as hearth-files(5) says,
# so that quiz -l -k NAME loads the bank without error.

BEGIN {
	state = seed ? seed : 2026
	if (items < 1)
		items = 40000
	split("you,your partner,the two of you,your friends,your family", who, ",")
	split("feel,notice,say,find,remember,expect,wish,decide", verb, ",")
	split("close,tense,safe,tired,heard,alone,calm,hurt,free,torn", mood, ",")
	split("after an argument,at the end of the day,when plans change," \
		"on a quiet evening,before a visit,when you are apart," \
		"during a long week,after good news", when, ",")
	split("the amygdala,the prefrontal cortex,the ventral striatum," \
		"the anterior cingulate cortex,the hypothalamus,the insula", region, ",")
	if (kind == "rating")
		rating()
	else if (kind == "knowledge")
		knowledge()
	else {
		print "bank.awk: kind must be rating or knowledge" > "/dev/stderr"
		exit 2
	}
}

# Park-Miller, as in journal.awk: exact in any awk's doubles.
function random(n) {
	state = (state * 16807) % 2147483647
	return state % n
}

function pick(list, n) {
	return list[random(n) + 1]
}

function statement(i) {
	return "Statement " i ": " pick(who, 5) " " pick(verb, 8) " you are " \
		pick(mood, 10) " " pick(when, 8) "."
}

function rating(  s, b, i, step, signal) {
	print "# A generated rating bank of " items " items: tests/bench/bank.awk."
	split("never,rarely,sometimes,often,always", label, ",")
	for (i = 1; i <= 5; i++)
		print "answer\t" i "\t" label[i]
	print "band\tlow\t1.0"
	print "band\tmoderate\t2.4"
	print "band\thigh\t3.7"
	print "need\t80"
	for (s = 1; s <= 16; s++)
		print "scale\tscale" s "\tthe generated scale number " s
	split("low,moderate,high", band, ",")
	for (s = 1; s <= 16; s++)
		for (b = 1; b <= 3; b++)
			if (b != s % 3 + 1)
				print "read\tscale" s "\t" band[b] "\t" random(6) + 1
	print "safety\tIf you are afraid of your partner, please talk to someone you trust."
	step = 128
	signal = random(step) + 1
	for (i = 1; i <= items; i++) {
		if (i == signal) {
			print "signal\tr" i "\t4\t5\t" statement(i)
			signal += step
		} else {
			print "item\tr" i "\tscale" (i - 1) % 16 + 1 "\t" \
				(random(4) ? "+" : "-") "\t" statement(i)
		}
	}
}

function knowledge(  i, c, right, first) {
	print "# A generated knowledge bank of " items " questions: tests/bench/bank.awk."
	for (i = 1; i <= items; i++) {
		right = random(3)
		print ""
		print "question\tq" i "\t" random(6) + 1 "\t" substr("abc", right + 1, 1) \
			"\tQuestion " i ": which region does the guide link with feeling " \
			pick(mood, 10) " " pick(when, 8) "?"
		first = random(6)
		for (c = 0; c < 3; c++)
			print "choice\tq" i "\t" region[(first + c) % 6 + 1]
		if (!random(8))
			print "note\tq" i "\tA generated note on question " i \
				": the guide simplifies what studies of " pick(region, 6) \
				" have found, " pick(when, 8) " or otherwise."
	}
}
