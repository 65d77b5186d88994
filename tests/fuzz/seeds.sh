#!/bin/sh
# Makes the seed corpora under tests/fuzz/build/corpus/NAME, one directory
# a harness: the data files of share/, tests/fixtures, sessions written by
# the real quiz (built here, without sanitizers, from the sources), and
# hand-made edge cases. Seeds are named seed-*, so that running this again
# replaces them and leaves what libFuzzer added to the corpora alone.
# Generated corpora are not committed; committed seeds, if any, live in
# tests/fuzz/seeds/NAME and are given to libFuzzer as a second directory.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/tests/fuzz/build
corpus=$out/corpus
cc=${FUZZ_CC:-clang}
tab=$(printf '\t')
header="hearth-session${tab}1"
time=2026-11-25T14:03:12Z

cd "$top" || exit 1
mkdir -p "$out/tools" "$corpus/records" "$corpus/reminders" \
	"$corpus/session" "$corpus/refs" || exit 1

# A quiz of this tree, to write real sessions.
quiz=$out/tools/quiz
if [ ! -x "$quiz" ] || [ -n "$(find cmd/quiz.c lib -newer "$quiz" \
	\( -name '*.c' -o -name '*.h' \) 2>/dev/null)" ]; then
	"$cc" -std=c99 -O1 -D_POSIX_C_SOURCE=200809L -Ilib -o "$quiz" \
		cmd/quiz.c lib/*.c || exit 1
fi
HEARTH_DATA=$top/share
export HEARTH_DATA

# seed NAME FILE: writes stdin to corpus NAME as seed-FILE.
seed() {
	cat > "$corpus/$1/seed-$2"
}

# The same text in the edge-case forms every format should survive:
# CRLF, no final newline, a NUL, invalid UTF-8, a line too long.
edges() {
	name=$1 file=$2
	awk '{ printf "%s\r\n", $0 }' "$file" | seed "$name" "$3-crlf"
	printf '%s' "$(cat "$file")" | seed "$name" "$3-nonl"
	{ head -n 3 "$file"; printf 'x\000y\n'; tail -n +4 "$file"; } |
		seed "$name" "$3-nul"
	{ head -n 3 "$file"; printf 'caf\303\n\377\376\n'; tail -n +4 "$file"; } |
		seed "$name" "$3-utf8"
	{ head -n 3 "$file"; awk 'BEGIN { s = "x"; while (length(s) < 70000)
		s = s s; print s }'; tail -n +4 "$file"; } | seed "$name" "$3-long"
}

# Common cases.
for name in records reminders session refs; do
	: | seed "$name" empty
	printf '\n' | seed "$name" newline
	printf '\r\n\r\n' | seed "$name" crlf-blank
	printf '\000' | seed "$name" nul
	printf '\377\n' | seed "$name" invalid-utf8
	printf '# only a comment\n' | seed "$name" comment
done

# records: guides and banks, whole and cut short, and broken records.
for f in guide know.bank self.bank points research; do
	seed records "$f" < "share/$f"
	head -n 12 "share/$f" | seed records "$f-head"
	edges records "share/$f" "$f"
done
awk '/^section/ { n++ } n == 1' share/guide | seed records guide-one-section
{ grep -v '^read' share/self.bank; } | seed records self-no-read
{ grep -v '^note' share/know.bank; } | seed records know-no-notes
awk '/^question/ { n++ } n <= 2' share/know.bank | seed records know-two
printf 'section\t1\twalls\t1. Walls\nline\t1\tpart\ttext\n' |
	seed records guide-tiny
printf 'section\t1\ta\tA\nline\t1\tp\tt\nsection\t999\tz-9\tZ\nline\t999\tq\tu\n' |
	seed records guide-range
printf 'section\t1\twalls\tx\nsection\t1\twalls\tx\n' | seed records guide-twice
printf 'line\t1\tpart\ttext\n' | seed records guide-line-first
printf 'section\t0\t-a\t \n' | seed records guide-bad
printf 'answer\t1\tlo\nanswer\t2\thi\nband\tb\t1.0\nneed\t50\nscale\ts\td\nitem\ti1\ts\t+\tx\nitem\ti2\ts\t-\ty\n' |
	seed records bank-tiny
printf 'answer\t0\tz\nanswer\t1\to\nanswer\t2\tt\nband\tlo\t0\nband\thi\t1.5\nneed\t100\nscale\ts\td\nread\ts\thi\t6\nitem\ta\ts\t+\tx\nitem\tb\ts\t+\ty\nsafety\tm\nsignal\tc\t2\t2\tz\nintro\ti\n' |
	seed records bank-rating-full
printf 'question\tq\t1\tb\tt\nchoice\tq\tx\nchoice\tq\ty\nnote\tq\tn\nquote\tq\tpsychology\n' |
	seed records bank-choice-tiny
printf 'question\tq\t1\tz\tt\nchoice\tq\tx\nchoice\tq\ty\n' |
	seed records bank-choice-bad-answer
printf 'answer\t1\tl\nquestion\tq\t1\ta\tt\n' | seed records bank-mixed
printf 'answer\t98\tl\nanswer\t99\th\nband\tb\t98.0\nband\tc\t99\nneed\t1\nscale\ts\td\nitem\ta\ts\t+\tx\nitem\tb\ts\t-\ty\n' |
	seed records bank-high-answers
awk 'BEGIN { print "question\tq\t1\ta\tt"; for (i = 0; i < 30; i++)
	print "choice\tq\tc" i }' | seed records bank-many-choices
awk 'BEGIN { print "answer\t1\tl"; print "answer\t2\th";
	print "band\tb\t1.0"; print "need\t80"; print "scale\ts\td";
	for (i = 0; i < 300; i++) print "item\ti" i "\ts\t+\tt" }' |
	seed records bank-many-items

# reminders: the real file and its edge cases.
seed reminders reminders < share/reminders
edges reminders share/reminders reminders
printf '%%\n%%\n%%\n' | seed reminders only-separators
printf 'a\n%%\n\n\n%%\nb' | seed reminders blank-entries
printf 'a\r\n%%\r\nb\r\n%%\r' | seed reminders crlf-cr-end
printf '%%%%\n%% \n %%\nx\n' | seed reminders not-separators

# session: real sessions from quiz, journals, and broken sessions.
answers() { # answers 'REPLY...': 400 replies, a line each, cycling.
	awk -v s="$1" 'BEGIN { n = split(s, a, " ");
		for (i = 0; i < 400; i++) print a[i % n + 1] }'
}
answers '3' | "$quiz" | seed session self-all-3
answers '1 2 3 4 5' | "$quiz" -s 1 | seed session self-shuffled
answers '5' | "$quiz" | seed session self-all-5-safety
answers '1 5' | "$quiz" -n 10 -s 7 | seed session self-partial
answers '2 s 4 skip 1' | "$quiz" | seed session self-skipped
answers 'a' | "$quiz" -k know | seed session know-all-a
answers 'b a' | "$quiz" -k know -s 3 | seed session know-shuffled
answers 'a' | "$quiz" -k know -n 5 | seed session know-partial
answers 'a' | "$quiz" -k know -e -s 2 | seed session know-explain
journal=$out/tools/journal
rm -f "$journal"
answers '2 4' | "$quiz" -a "$journal" > /dev/null
answers 'a b' | "$quiz" -k know -a "$journal" > /dev/null
answers '5 1' | "$quiz" -s 9 -a "$journal" > /dev/null
answers 'b' | "$quiz" -k know -n 4 -a "$journal" > /dev/null
seed session journal < "$journal"
rm -f "$journal"
for f in tests/fixtures/*.session; do
	seed session "fixture-$(basename "$f" .session)" < "$f"
done
s=$corpus/session/seed-self-all-3
edges session "$s" self
sed '$d' "$s" | seed session cut-short
sed '2d' "$s" | seed session one-missing
{ cat "$s"; tail -n 1 "$s"; } | seed session answer-after-end
sed '3s/^/#/' "$s" | seed session comment-inside
awk 'NR == 3 { print "   " } 1' "$s" | seed session blank-inside
sed "3s/$tab.*/${tab}9/" "$s" | seed session out-of-range
sed "3s/$tab.*/$tab/" "$s" | seed session empty-answer
sed "3s/$tab/ /" "$s" | seed session no-tab
sed '3s/^s/x/' "$s" | seed session unknown-item
sed "4s/^.*\$/s01${tab}3/" "$s" | seed session answered-twice
sed "1s/${tab}28\$/${tab}29/" "$s" | seed session count-too-high
sed "1s/${tab}28\$/${tab}0/" "$s" | seed session count-zero
sed "1s/${tab}1${tab}/${tab}2${tab}/" "$s" | seed session version-2
sed "1s/${tab}self${tab}/${tab}none${tab}/" "$s" | seed session no-such-bank
sed "1s|${tab}self${tab}|${tab}../x${tab}|" "$s" | seed session bank-path
sed '1s/T[0-9:]*Z/T25:61:61Z/' "$s" | seed session bad-time
sed "1s/\$/${tab}extra/" "$s" | seed session extra-field
sed "1s/${tab}[0-9]*\$//" "$s" | seed session few-fields
{ head -n 5 "$s"; cat "$s"; } | seed session session-in-session
tail -n +2 "$s" | seed session no-header
printf '%s\tself\t%s\t1\n' "$header" "$time" | seed session header-only
printf '%s\tknow\t%s\t1\nk01\tb\n' "$header" "$time" | seed session know-one
printf '%s\tknow\t%s\t2\nk01\tz\nk02\tA\n' "$header" "$time" |
	seed session know-bad-answers
printf 'hearth-session\n' | seed session magic-only
printf 'hearth-sessions\t1\n' | seed session magic-longer

# refs: numbers, slugs, prefixes, case, "-" for stdin, and bad ones.
printf '1\n' | seed refs number
printf '6\n5\n4\n3\n2\n1\n' | seed refs all-numbers
printf 'walls\nreaching\nletting-go\nfreedom\nhome\nsummary\n' |
	seed refs all-slugs
printf 'wal\nREACH\nLetting\nf\nh\nsu\n' | seed refs prefixes
printf 'letting-go\n' | seed refs hyphen
printf '0\n' | seed refs zero
printf '1000\n' | seed refs too-big
printf '01\n' | seed refs leading-zero
printf '+1\n' | seed refs plus
printf ' 1 \n' | seed refs spaces
printf 'nowhere\n' | seed refs unknown
printf -- '-\n1\n# comment\n  walls\t\n\n' | seed refs stdin
printf -- '-\n-\n' | seed refs stdin-twice
printf 'w\345lls\n' | seed refs latin1
