load helper

# hearth(7)'s encrypted journal, run as the page gives it: the lines
# come from the page's source, with a throwaway key in a GNUPGHOME of
# the file's own. The agent gpg starts is stopped at the end, so no
# process outlives the tests.

# The lines of the code block of hearth(7) after the line that starts
# with $1.
page_lines() {
	page_block hearth.7 "$1"
}

setup_file() {
	command -v gpg > /dev/null || return 0
	# Under /tmp, short: gpg-agent's socket path has a length limit that
	# a deep BATS_FILE_TMPDIR can pass.
	# TEST_GNUPGHOME names it apart, so that teardown never removes a
	# GNUPGHOME the tests were given.
	TEST_GNUPGHOME=$(mktemp -d /tmp/hearth-gpg.XXXXXX) || return 1
	export TEST_GNUPGHOME GNUPGHOME=$TEST_GNUPGHOME
	# The page's recipient is "you": the key's address holds it.
	gpg --batch --quiet --passphrase '' --quick-gen-key \
		'hearth test <you@example.invalid>' future-default default never 2> /dev/null ||
		return 1
	# The first use checks the trust database, aloud: not in the tests.
	gpg --batch --quiet --check-trustdb 2> /dev/null || true
}

teardown_file() {
	[ -n "${TEST_GNUPGHOME:-}" ] && [ -d "$TEST_GNUPGHOME" ] || return 0
	GNUPGHOME=$TEST_GNUPGHOME gpgconf --kill all || true
	rm -rf "$TEST_GNUPGHOME"
}

setup() {
	command -v gpg > /dev/null || skip "gpg is not installed"
	[ -n "$(gpg --batch --list-secret-keys you 2> /dev/null)" ] ||
		{ echo "no test key in $GNUPGHOME"; return 1; }
	# The page's ~ is the test's own.
	export HOME=$TMP/home
	mkdir "$HOME"
	MKDIR=$(page_lines 'directory only you can open:')
	FUNCTION=$(page_lines 'Take the self-check with this shell function')
	READ=$(page_lines 'and read the trend back')
	[[ $MKDIR == "mkdir "* ]] || { echo "no mkdir line: $MKDIR"; return 1; }
	[[ $FUNCTION == "private_quiz() {"*"gpg --batch -e -r you"* ]] ||
		{ echo "no function: $FUNCTION"; return 1; }
	[[ $READ == *"gpg -q -d"*"| score -t" ]] || { echo "no reading line: $READ"; return 1; }
	hand_replies > "$TMP/replies"
}

# private_quiz ARG...: the page's function, run by a shell that reads no
# start-up file, its stdin the test's.
private_quiz() {
	bash --norc --noprofile -c "$FUNCTION"$'\nprivate_quiz "$@"' private_quiz "$@"
}

# private_quiz ARG..., then whether the shell still holds the session:
# "held" on stdout if it does.
private_quiz_held() {
	bash --norc --noprofile -c "$FUNCTION"$'\nprivate_quiz "$@" > /dev/null; echo ${session+held}' \
		private_quiz "$@"
}

# The page's lines that read the journal back.
read_journal() {
	bash --norc --noprofile -c "$READ"
}

# Nothing under ~ but the journal's files, and none holds a session's
# header or any of the answer lines of the plain session $1.
assert_no_plain_text() {
	local found
	found=$(find "$HOME" -type f ! -name '*.gpg')
	[ -z "$found" ] || { echo "files besides the journal's: $found"; return 1; }
	! grep -r -a -q -F -e hearth-session -f <(tail -n +2 "$1") "$HOME" ||
		{ echo "plain text in $HOME/journal.d"; return 1; }
}

@test "hearth(7)'s encrypted journal: sessions kept encrypted read back as the plain ones score" {
	run bash --norc --noprofile -c "$MKDIR"
	[ "$(stat -c %a "$HOME/journal.d")" = 700 ]

	quiz -d 2026-03-14 < "$TMP/replies" > "$TMP/plain.1"
	quiz -d 2026-03-21 < "$TMP/replies" > "$TMP/plain.2"
	run private_quiz -d 2026-03-14 < "$TMP/replies"
	[ "$output" = "$(score "$TMP/plain.1")" ]
	[ -n "$output" ]
	run private_quiz -d 2026-03-21 < "$TMP/replies"
	[ "$output" = "$(score "$TMP/plain.2")" ]

	# One file a session, named for its time.
	[ "$(cd "$HOME/journal.d" && echo *)" = "$(cut -f 4 "$TMP/plain.1" | head -n 1).gpg $(cut -f 4 "$TMP/plain.2" | head -n 1).gpg" ]
	assert_no_plain_text "$TMP/plain.1"

	run read_journal
	assert_output_file <(score -t "$TMP/plain.1" "$TMP/plain.2")
	[ "${#lines[@]}" -ge 12 ]
}

@test "hearth(7)'s encrypted journal: a quit or a failed quiz keeps nothing" {
	run bash --norc --noprofile -c "$MKDIR"

	# q: a session of no answers, which score passes over; no file.
	run private_quiz <<< q
	[ -z "$output" ]
	[ -z "$(ls -A "$HOME/journal.d")" ]

	# The input ends part-way: quiz fails, and neither score nor gpg runs.
	run -1 private_quiz < <(head -n 3 "$TMP/replies")
	[ -z "$output" ]
	[[ $stderr == "quiz: input ended after 3 of "*"; nothing was written" ]]
	[ -z "$(ls -A "$HOME/journal.d")" ]

	# No input at all.
	run -1 private_quiz < /dev/null
	[ -z "$(ls -A "$HOME/journal.d")" ]
}

@test "hearth(7)'s encrypted journal: a file is never overwritten, and gpg -d reads one message a file" {
	run bash --norc --noprofile -c "$MKDIR"
	# Once kept, the session is no longer in the shell.
	run private_quiz_held -d 2026-03-14 < "$TMP/replies"
	[ -z "$output" ]
	cp "$HOME/journal.d"/*.gpg "$TMP/first.gpg"

	# The same session again: gpg refuses to write over the file, and
	# says so; the first stays as it was, and the shell keeps the
	# session to try again.
	run ! private_quiz -d 2026-03-14 < "$TMP/replies"
	[ -n "$stderr" ]
	cmp "$TMP/first.gpg" "$HOME/journal.d"/*.gpg
	run -0 private_quiz_held -d 2026-03-14 < "$TMP/replies"
	[ "$output" = held ]
	[ -n "$stderr" ]

	# No key for "you": nothing is written, and the session is held.
	local keyless
	keyless=$(mktemp -d /tmp/hearth-gpg.XXXXXX)
	GNUPGHOME=$keyless run -0 private_quiz_held -d 2026-03-21 < "$TMP/replies"
	GNUPGHOME=$keyless gpgconf --kill all || true
	rm -rf "$keyless"
	[ "$output" = held ]
	[[ $stderr == *"No public key"* ]]
	[ "$(ls "$HOME/journal.d")" = "$(basename "$HOME/journal.d"/*.gpg)" ]

	# Why one file a session: of messages appended to one file, gpg -d
	# decrypts the first only, and fails.
	cat "$TMP/first.gpg" "$TMP/first.gpg" > "$TMP/appended.gpg"
	run ! gpg --batch -q -d "$TMP/appended.gpg"
	[ "$(grep -c '^hearth-session' <<< "$output")" -eq 1 ]
}
