# journal.awk: writes a journal of generated sessions, the same for the
# same seed in every awk, for `make bench` and the tests.
#
#   awk -f journal.awk -v sessions=N [-v seed=S] [-v mixed=1] DATADIR/*.bank
#
# Plain: N self sessions as quiz writes them, every statement (items and
# safety statements) in bank order. Mixed: sessions of both banks,
# statements in part and shuffled, some skipped, comments and blank lines
# between them; random answers throughout.

BEGIN { FS = "\t"; state = seed ? seed : 2026 }

{ sub(/\r$/, "") }

FILENAME ~ /self\.bank$/ && ($1 == "item" || $1 == "signal") { items[++nitems] = $2 }
FILENAME ~ /self\.bank$/ && $1 == "answer" { values[++nvalues] = $2 }
FILENAME ~ /know\.bank$/ && $1 == "question" { questions[++nquestions] = $2 }
FILENAME ~ /know\.bank$/ && $1 == "choice" { choices[$2]++ }

# Park-Miller: exact in any awk's doubles, so the same journal everywhere.
function random(n) {
	state = (state * 16807) % 2147483647
	return state % n
}

function stamp() {
	return sprintf("2026-%02d-%02dT%02d:%02d:00Z", random(12) + 1,
		random(28) + 1, random(24), random(60))
}

function self_session(  i, j, n, t, chosen) {
	n = 0
	for (i = 1; i <= nitems; i++)
		if (!mixed || random(100) < 85)
			chosen[++n] = items[i]
	for (i = n; mixed && i > 1; i--) {
		j = random(i) + 1
		t = chosen[i]
		chosen[i] = chosen[j]
		chosen[j] = t
	}
	print "hearth-session\t1\tself\t" stamp() "\t" n
	for (i = 1; i <= n; i++)
		print chosen[i] "\t" (mixed && random(100) < 5 ? "-" : values[random(nvalues) + 1])
}

function know_session(  i, n, q, asked) {
	n = random(nquestions) + 1
	print "hearth-session\t1\tknow\t" stamp() "\t" n
	for (i = 1; i <= n; i++) {
		do
			q = questions[random(nquestions) + 1]
		while (q in asked)
		asked[q] = 1
		print q "\t" substr("abcdefghijklmnopqrstuvwxyz", random(choices[q]) + 1, 1)
	}
}

END {
	for (k = 0; k < sessions; k++) {
		if (mixed && random(10) < 3)
			know_session()
		else
			self_session()
		if (mixed && random(10) < 3)
			print "# a comment between sessions\n"
	}
}
