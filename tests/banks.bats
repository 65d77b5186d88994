load helper

# Question banks as hand-edited files: every rule of lib/bank.c, each
# broken once, must be named as "prog: path:line: what is wrong".

setup() {
	data_copy
}

# A small rating bank; "$@" replaces or adds lines (N=TEXT puts TEXT at
# line N, pushing the rest down; tabs written as \t).
RATING='answer\t1\tno
answer\t2\tyes
band\tlow\t1.0
band\thigh\t1.5
need\t50
scale\ta\tthe first scale
scale\tb\tthe second scale
read\ta\thigh\t1
item\ti1\ta\t+\tOne.
item\ti2\ta\t-\tTwo.
item\ti3\tb\t+\tThree.
item\ti4\tb\t+\tFour.
safety\tA safety message.
signal\ti5\t2\t2\tFive.
intro\tRate each statement.'

CHOICE='question\tq1\t1\tb\tA question?
choice\tq1\tx
choice\tq1\ty
note\tq1\tA note.
quote\tq1\tbehaviour
intro\tChoose.'

# write_bank TEMPLATE [N=LINE]...: writes $DATA/t.bank, inserting each LINE
# before line N of the template.
write_bank() {
	local template=$1 edit
	shift
	printf "$template\n" > "$DATA/t.bank"
	for edit; do
		awk -v n="${edit%%=*}" -v text="${edit#*=}" '
			NR == n { gsub(/\\t/, "\t", text); print text }
			{ print }
			END { if (NR < n) { gsub(/\\t/, "\t", text); print text } }
		' "$DATA/t.bank" > "$DATA/t.tmp"
		mv "$DATA/t.tmp" "$DATA/t.bank"
	done
}

# bank_error LINE MESSAGE: quiz -k t refuses the bank with that message.
bank_error() {
	local where=$DATA/t.bank
	[ "$1" = 0 ] || where=$where:$1
	run -1 quiz -k t -l || { echo "for: $2"; return 1; }
	assert_error "quiz: $where: $2" || return 1
}

@test "the small banks the cases start from are valid" {
	write_bank "$RATING"
	run quiz -k t -l
	assert_output_file - <<-'EOF'
	Rate each statement.
	  1  no
	  2  yes
	A statement that does not apply can be skipped: reply s.

	1. One. (i1, a)

	2. Two. (i2, a, reversed)

	3. Three. (i3, b)

	4. Four. (i4, b)

	5. Five. (i5, safety, 2)
	EOF
	write_bank "$CHOICE"
	run quiz -k t -l
	[[ $output == *"A note."* ]]
	assert_output_file - <<-EOF
	Choose.

	1. A question? (q1, section 1)
	   a) x
	   b) y
	   Answer: b
	   Quote: $(awk -F '\t' '$1 == "line" && $2 == 1 && $3 == "behaviour" { print $4 }' "$DATA/guide")
	   Note: A note.
	EOF
}

@test "records: unknown type, wrong field count, empty field, outer spaces" {
	write_bank "$RATING" '3=colour\tred'
	bank_error 3 "unknown record 'colour'"
	write_bank "$RATING" '3=need\t50\t60'
	bank_error 3 "'need' record has 3 tab-separated fields, expected 2"
	write_bank "$RATING" '9=item\ti9\ta\t+\t'
	bank_error 9 "field 5 is empty"
	write_bank "$RATING" '9=item\ti9\ta\t+\t Nine.'
	bank_error 9 "field 5 starts or ends with a space"
}

@test "a bank holds rating records or knowledge records, not both" {
	write_bank "$RATING" '15=question\tq1\t1\ta\tQ?'
	bank_error 15 "a bank holds rating records (answer, band, need, scale, rise, read, item, safety, signal) or knowledge records (question, choice, note, quote), not both"
	write_bank "$CHOICE" '2=answer\t1\tno'
	bank_error 2 "a bank holds rating records (answer, band, need, scale, rise, read, item, safety, signal) or knowledge records (question, choice, note, quote), not both"
}

@test "answers: a number from 0 to 99, each one after the last" {
	write_bank "$RATING" '3=answer\t4\tmaybe'
	bank_error 3 "answer 4 does not follow answer 2"
	write_bank "$RATING" '1=answer\t100\tlots'
	bank_error 1 "answer value '100' is not a number from 0 to 99"
	write_bank "$RATING" '1=answer\tone\tno'
	bank_error 1 "answer value 'one' is not a number from 0 to 99"
}

@test "bands: after the answers, from the lowest answer, rising, named once" {
	printf 'band\tlow\t1.0\n' > "$DATA/t.bank"
	bank_error 1 "'band' needs the answer records above it"
	write_bank "$RATING" '5=band\tmiddle\t1.2'
	bank_error 5 "bands must be in rising order"
	write_bank "$RATING" '5=band\tlow\t1.8'
	bank_error 5 "band 'low' is defined twice"
	write_bank "$RATING" '5=band\ttop\t2.1'
	bank_error 5 "band starts above the highest answer, 2"
	write_bank "$RATING" '5=band\tmid\t1.75'
	bank_error 5 "'1.75' is not a mean like 2.4"
	write_bank "$RATING" '5=band\tmid\tx'
	bank_error 5 "'x' is not a mean like 2.4"
	write_bank "$RATING" '5=band\tMid\t1.7'
	bank_error 5 "band name 'Mid' must be lower-case letters, digits and inner hyphens, starting with a letter"
	printf 'answer\t1\tno\nanswer\t2\tyes\nband\tlow\t1.1\n' > "$DATA/t.bank"
	bank_error 3 "the first band must start at the lowest answer, 1"
	write_bank "$RATING" '9=band\tmid\t1.7'
	bank_error 9 "bands must be defined before the read records"
}

@test "need: once, a percentage from 1 to 100" {
	write_bank "$RATING" '6=need\t60'
	bank_error 6 "need is given twice"
	write_bank "$RATING"
	sed -i 's/^need\t50$/need\t0/' "$DATA/t.bank"
	bank_error 5 "need '0' is not a number from 1 to 100"
}

@test "scales: named once, not 'safety', before read and item records" {
	write_bank "$RATING" '8=scale\ta\tagain'
	bank_error 8 "scale 'a' is defined twice"
	write_bank "$RATING" '8=scale\tsafety\tfear'
	bank_error 8 "'safety' is kept for score's own records; name the scale otherwise"
	write_bank "$RATING" '9=scale\tc\tlate'
	bank_error 9 "scales must be defined before the read and item records"
	write_bank "$RATING" '14=scale\tc\tlate'
	bank_error 14 "scales must be defined before the read and item records"
	write_bank "$RATING" '8=scale\tc\tlonely'
	bank_error 8 "scale 'c' has 0 items; a scale needs two or more"
	write_bank "$RATING" '8=scale\tc\tsmall' '14=item\ti7\tc\t+\tSeven.'
	bank_error 8 "scale 'c' has 1 items; a scale needs two or more"
}

@test "read: a defined scale and band, once, and a section of the guide" {
	write_bank "$RATING" '9=read\tz\thigh\t1'
	bank_error 9 "no scale 'z' is defined above this line"
	write_bank "$RATING" '9=read\ta\tmiddle\t1'
	bank_error 9 "no band 'middle' is defined above this line"
	write_bank "$RATING" '9=read\ta\thigh\t2'
	bank_error 9 "scale 'a' already reads a section in band 'high'"
	write_bank "$RATING" '9=read\tb\thigh\t99'
	bank_error 9 "the guide has no section 99"
	write_bank "$RATING" '9=read\tb\thigh\tone'
	bank_error 9 "section 'one' is not a number from 1 to 999"
	printf 'answer\t1\tno\nanswer\t2\tyes\nscale\ta\tA\nread\ta\thigh\t1\n' > "$DATA/t.bank"
	bank_error 4 "read needs the band records above it"
}

@test "items: unique ids of a defined scale, keyed + or -" {
	write_bank "$RATING" '13=item\ti2\tb\t+\tAgain.'
	bank_error 13 "id 'i2' is used twice (first on line 10)"
	write_bank "$RATING" '13=item\thearth-session\tb\t+\tNo.'
	bank_error 13 "'hearth-session' cannot be an id"
	write_bank "$RATING" '13=item\tI5\tb\t+\tNo.'
	bank_error 13 "id 'I5' must be lower-case letters, digits and inner hyphens, starting with a letter"
	write_bank "$RATING" '13=item\ti5\tz\t+\tNo.'
	bank_error 13 "no scale 'z' is defined above this line"
	write_bank "$RATING" '13=item\ti5\tb\t*\tNo.'
	bank_error 13 "key '*' must be + or -"
	printf 'answer\t1\tno\nanswer\t2\tyes\nitem\ti1\ta\t+\tOne.\n' > "$DATA/t.bank"
	bank_error 3 "items need the scale records above them"
}

@test "safety and signals: one message; a signal fires on some answers, not all" {
	write_bank "$RATING" '14=safety\tAgain.'
	bank_error 14 "safety is given twice"
	write_bank "$RATING"
	sed -i '/^safety/d' "$DATA/t.bank"
	bank_error 13 "signal needs the safety record above it"
	write_bank "$RATING"
	sed -i '/^signal/d' "$DATA/t.bank"
	bank_error 0 "the safety message needs signal records to call for it"
	printf 'signal\ts1\t1\t1\tmsg\n' > "$DATA/t.bank"
	bank_error 1 "'signal' needs the answer records above it"
	write_bank "$RATING" '15=signal\ti6\t1\t2\tSix.'
	bank_error 15 "signal 'i6' fires on every answer"
	write_bank "$RATING" '15=signal\ti6\t0\t1\tSix.'
	bank_error 15 "answer '0' is not a number from 1 to 2"
	write_bank "$RATING" '15=signal\ti6\t2\t1\tSix.'
	bank_error 15 "answer '1' is not a number from 2 to 2"
	write_bank "$RATING" '15=signal\ti1\t2\t2\tSix.'
	bank_error 15 "id 'i1' is used twice (first on line 9)"
	write_bank "$RATING" '15=signal\ti6\t2\t2'
	bank_error 15 "'signal' record has 4 tab-separated fields, expected 5"
}

@test "intro: once, in a bank of either kind" {
	write_bank "$RATING" '1=intro\tAgain.'
	bank_error 16 "intro is given twice"
	write_bank "$CHOICE" '1=intro\tAgain.'
	bank_error 7 "intro is given twice"
	write_bank "$CHOICE"
	sed -i '/^intro/d' "$DATA/t.bank"
	run quiz -k t -l
	[[ ${lines[0]} == "1. A question? (q1, section 1)" ]]
}

@test "quote: once for a question, a part of its section of the guide" {
	write_bank "$CHOICE" '6=quote\tq1\tpsychology'
	bank_error 6 "question 'q1' has a quote already"
	write_bank "$CHOICE"
	sed -i 's/^quote\tq1\tbehaviour$/quote\tq1\tbrain/' "$DATA/t.bank"
	bank_error 5 "section 1 of the guide has no part 'brain'"
	write_bank "$CHOICE" '7=quote\tq9\tbrain'
	bank_error 7 "no item 'q9' is defined above this line"
}

@test "a rating bank needs two answers, bands, need, and an item" {
	printf 'answer\t1\tno\nband\tlow\t1.0\nneed\t50\nscale\ta\tA\nitem\ti1\ta\t+\tOne.\nitem\ti2\ta\t+\tTwo.\n' > "$DATA/t.bank"
	bank_error 0 "a rating bank needs two or more answer records"
	printf 'answer\t1\tno\nanswer\t2\tyes\nscale\ta\tA\nitem\ti1\ta\t+\tOne.\nitem\ti2\ta\t+\tTwo.\n' > "$DATA/t.bank"
	bank_error 0 "a rating bank needs band and need records"
	printf 'answer\t1\tno\nanswer\t2\tyes\nband\tlow\t1.0\nneed\t50\n' > "$DATA/t.bank"
	bank_error 0 "no items or questions in the bank"
	printf '# nothing here\n\n' > "$DATA/t.bank"
	bank_error 0 "no items or questions in the bank"
}

@test "questions: a section of the guide, an answer among two to 26 choices" {
	write_bank "$CHOICE" '5=question\tq2\t9\ta\tQ?'
	bank_error 5 "the guide has no section 9"
	write_bank "$CHOICE" '5=question\tq2\t1\tab\tQ?'
	bank_error 5 "answer 'ab' must be one letter from a to z"
	write_bank "$CHOICE" '5=question\tq2\t1\tA\tQ?'
	bank_error 5 "answer 'A' must be one letter from a to z"
	write_bank "$CHOICE" '5=question\tq2\t1\tc\tQ?' '6=choice\tq2\tx' '7=choice\tq2\ty'
	bank_error 5 "the answer to 'q2' is not among its 2 choices"
	write_bank "$CHOICE" '5=question\tq2\t1\ta\tQ?' '6=choice\tq2\tx'
	bank_error 5 "question 'q2' has 1 choices; it needs two or more"
	write_bank "$CHOICE" '5=choice\tq9\tz'
	bank_error 5 "no item 'q9' is defined above this line"
	write_bank "$CHOICE" '5=note\tq1\tAnother.'
	bank_error 5 "question 'q1' has a note already"
	write_bank "$CHOICE"
	for letter in c d e f g h i j k l m n o p q r s t u v w x y z; do
		printf 'choice\tq1\t%s\n' "$letter" >> "$DATA/t.bank"
	done
	printf 'choice\tq1\ttoo many\n' >> "$DATA/t.bank"
	bank_error 31 "question 'q1' has more than 26 choices"
}

@test "score refuses a malformed bank a session names, as quiz does" {
	write_bank "$RATING" '3=colour\tred'
	run -1 score <<< $'hearth-session\t1\tt\t2026-01-01T00:00:00Z\t1\ni1\t1'
	assert_error "score: $DATA/t.bank:3: unknown record 'colour'"
}
