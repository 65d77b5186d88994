# The installed tree: the tools run from $PREFIX/bin with no HEARTH_DATA,
# find their data under DATADIR, and their man pages are where man(1)
# looks. The tools' behaviour is tested on the build tree (tests/*.bats);
# here only that the installed layout works.
load ../helper

setup_file() {
	installed_tree
}

setup() {
	use_installed_tree
}

@test "the tools on PATH are the installed ones, and their data is DATADIR's" {
	local tool f
	[ -z "${HEARTH_DATA+set}" ]
	for tool in quiz score section summary; do
		[ "$(command -v "$tool")" = "$ROOT/bin/$tool" ]
		run "$tool" -V
		[ "$output" = "hearth $(make_version)" ]
	done
	# The data directory is compiled in, and holds the data as shipped.
	grep -qF "$ROOT/share/hearth" "$ROOT/bin/section"
	for f in guide points reminders research self.bank know.bank; do
		cmp "$SHARE/$f" "$ROOT/share/hearth/$f"
	done
}

@test "section: the guide, a section and the list, from DATADIR" {
	run section
	assert_output_file "$GOLDEN/guide.txt"
	run section 1 home
	assert_output_file <(golden_section 1 5)
	run section -l
	[ "${#lines[@]}" -eq 6 ]
	[ "${lines[5]}" = $'6\tsummary\tSummary' ]
	# The research notes are found there too, with -c only.
	run section -c 2
	[ "$output" = "$(HEARTH_DATA=$SHARE section -c 2)" ]
	[ "$(grep -c '^Research note (' <<< "$output")" -ge 1 ]
	# A broken HEARTH_DATA is used, not DATADIR behind it.
	HEARTH_DATA=$TMP/nowhere run -1 section
	assert_error "section: $TMP/nowhere/guide: cannot open: No such file or directory"
}

@test "summary: the summary, key points, and the reminder of a fixed date" {
	run summary
	assert_output_file <(golden_summary)
	run summary 3
	assert_output_file <(expected_points 3)
	run summary -d 2026-01-01
	[ -n "$output" ]
	# The reminder the source tree's data gives for that date.
	[ "$output" = "$(HEARTH_DATA=$SHARE summary -d 2026-01-01)" ]
	run summary -d 2026-01-02
	[ "$output" = "$(HEARTH_DATA=$SHARE summary -d 2026-01-02)" ]
	[ "$output" != "$(summary -d 2026-01-01)" ]
}

@test "quiz | score: both banks, found in DATADIR, scored as the reference scorer scores them" {
	run bash -c 'yes 3 | quiz | tee "$1" | score' _ "$TMP/s"
	bank_ids self | sed 's/$/\t3/' | assert_session self - "$TMP/s"
	assert_output_file <(ref "$TMP/s")
	[ "${#lines[@]}" -eq 5 ]

	print_order -k know -s 1 > "$TMP/order"
	[ "$(wc -l < "$TMP/order")" -eq "$KNOW_N" ]
	letters < "$TMP/order" > "$TMP/right"
	run bash -c 'quiz -k know -s 1 < "$1" | tee "$2" | score' _ "$TMP/right" "$TMP/k"
	paste "$TMP/order" "$TMP/right" > "$TMP/want"
	assert_session know "$TMP/want" "$TMP/k"
	[ "$output" = "$TIME	know	$KNOW_N	$KNOW_N	-" ]
}

@test "quiz | score -r | section - and summary -: the hand-computed session's sections" {
	hand_replies > "$TMP/in"
	run -0 bash -c 'quiz < "$1" | score -r' _ "$TMP/in"
	[ "$output" = $'1\n2\n5' ]
	[ "$stderr" = "score: safety: $(bank_field self safety 2)" ]
	run bash -c 'quiz < "$1" | score -r 2> /dev/null | section -' _ "$TMP/in"
	assert_output_file <(golden_section 1 2 5)
	run bash -c 'score -r "$1" 2> /dev/null | summary -' _ "$FIX/hand.session"
	assert_output_file <(expected_points 1 2 5)
}

# The installed man pages, as PAGE SECTION.
PAGES=("quiz 1" "score 1" "section 1" "summary 1" "hearth-files 5" "hearth 7")

@test "man finds every installed page, by -M and by MANPATH" {
	command -v man > /dev/null || skip "man is not installed"
	local page
	for page in "${PAGES[@]}"; do
		set -- $page
		run man -M "$ROOT/share/man" -w "$2" "$1"
		[ "$output" = "$ROOT/share/man/man$2/$1.$2" ]
		MANPATH=$ROOT/share/man run man -w "$2" "$1"
		[ "$output" = "$ROOT/share/man/man$2/$1.$2" ]
	done
	# Without a section, hearth is the overview: no page of a section
	# before 7 has the name.
	run man -M "$ROOT/share/man" -w hearth
	[ "$output" = "$ROOT/share/man/man7/hearth.7" ]
	MANPATH=$ROOT/share/man run man -w hearth-files
	[ "$output" = "$ROOT/share/man/man5/hearth-files.5" ]
	MANPATH=$ROOT/share/man run man -w section
	[ "$output" = "$ROOT/share/man/man1/section.1" ]
}

@test "man hearth opens the overview, hearth(7); man hearth-files the formats" {
	command -v man > /dev/null || skip "man is not installed"
	MANWIDTH=80 run man -M "$ROOT/share/man" hearth
	[[ ${lines[0]} == "hearth(7) "*" hearth(7)" ]]
	[ "${lines[1]}" = NAME ]
	[ "${lines[2]}" = "       hearth - $(sed -n 's/^hearth - //p' "$HEARTH_TOP/man/hearth.7.scd")" ]
	MANWIDTH=80 MANPATH=$ROOT/share/man run man hearth-files
	[[ ${lines[0]} == "hearth-files(5) "*" hearth-files(5)" ]]
	[ "${lines[2]}" = "       hearth-files - formats of the hearth data files" ]
}

@test "every installed page renders, with the installed paths filled in" {
	command -v man > /dev/null || skip "man is not installed"
	local page
	for page in "${PAGES[@]}"; do
		set -- $page
		MANWIDTH=200 run man -M "$ROOT/share/man" "$2" "$1"
		[ "${#lines[@]}" -gt 20 ] || { echo "$1($2): ${#lines[@]} lines"; return 1; }
		[[ ${lines[0]} == *"$1($2)"* ]] || { echo "$1($2): ${lines[0]}"; return 1; }
		[[ $output == *"$ROOT/share/hearth"* ]] || { echo "$1($2): no $ROOT/share/hearth"; return 1; }
		[[ $output != *@DATADIR@* && $output != *@BINDIR@* && $output != *@VERSION@* ]]
	done
	MANWIDTH=80 run man -M "$ROOT/share/man" 7 hearth
	[[ $output == *"not a diagnosis"* ]]
}

# The data path without HEARTH_DATA: each file from the user's directory
# when it is there, else from DATADIR.

@test "a bank in XDG_DATA_HOME/hearth is found, with the guide from DATADIR and no copy" {
	mkdir -p "$USER_DATA"
	cp "$SHARE/self.bank" "$USER_DATA/mine.bank"
	run quiz -l -k mine
	[ "$output" = "$(quiz -l -k self)" ]
	[ "${#lines[@]}" -gt 10 ]
	run bash -c 'yes 3 | quiz -k mine | score'
	[ "${#lines[@]}" -eq 5 ]
	[ "$(cut -f 2 <<< "$output" | sort -u)" = mine ]
	# The installed banks are still found, and nothing was copied.
	run quiz -l -k know
	[ "$(ls "$USER_DATA")" = mine.bank ]
}

@test "a reminders file of one's own is summary's; the guide and points stay DATADIR's" {
	mkdir -p "$USER_DATA"
	printf 'Mine, the first.\n%%\nMine, the second.\n' > "$USER_DATA/reminders"
	# An index that no longer matches the file: summary reads the text.
	printf 'not an index\n' > "$USER_DATA/reminders.dat"
	run summary -m
	[[ $output == "Mine, the first." || $output == "Mine, the second." ]]
	run summary -R -s 1
	[[ $output == "Mine, the first." || $output == "Mine, the second." ]]
	run summary -d 2026-01-01
	[ "$output" != "$(HEARTH_DATA=$SHARE summary -d 2026-01-01)" ]
	run summary
	assert_output_file <(golden_summary)
	run summary 3
	assert_output_file <(expected_points 3)
}

@test "without XDG_DATA_HOME, ~/.local/share/hearth; a relative XDG_DATA_HOME is ignored" {
	mkdir -p "$TMP/home/.local/share/hearth" "$TMP/rel/hearth"
	cp "$SHARE/self.bank" "$TMP/home/.local/share/hearth/mine.bank"
	cp "$SHARE/know.bank" "$TMP/rel/hearth/other.bank"
	unset XDG_DATA_HOME
	HOME=$TMP/home run quiz -l -k mine
	[ "$output" = "$(quiz -l -k self)" ]
	cd "$TMP"
	XDG_DATA_HOME=rel HOME=$TMP/home run quiz -l -k mine
	[ "$output" = "$(quiz -l -k self)" ]
	XDG_DATA_HOME=rel HOME=$TMP/home run -1 quiz -l -k other
	assert_error "quiz: other.bank: not found in $TMP/home/.local/share/hearth or $ROOT/share/hearth"
	# With neither, DATADIR alone, as before there was a path.
	XDG_DATA_HOME=rel run -1 env -u HOME quiz -l -k other
	assert_error "quiz: $ROOT/share/hearth/other.bank: cannot open: No such file or directory"
	env -u HOME quiz -l -k self > /dev/null
}

@test "a file missing from every directory of the path names them all" {
	run -1 quiz -l -k nope
	assert_error "quiz: nope.bank: not found in $USER_DATA or $ROOT/share/hearth"
	printf 'hearth-session\t1\tnope\t2026-01-01T00:00:00Z\t1\n' > "$TMP/nope.s"
	run -1 score "$TMP/nope.s"
	assert_error "score: $TMP/nope.s:1: no question bank 'nope' in $USER_DATA or $ROOT/share/hearth"
}

@test "HEARTH_DATA still replaces the whole path, the user's directory too" {
	mkdir -p "$USER_DATA"
	cp "$SHARE/self.bank" "$USER_DATA/mine.bank"
	printf 'Mine.\n' > "$USER_DATA/reminders"
	HEARTH_DATA=$SHARE run -1 quiz -l -k mine
	assert_error "quiz: $SHARE/mine.bank: cannot open: No such file or directory"
	HEARTH_DATA=$SHARE run summary -d 2026-01-01
	grep -qxF -- "$output" "$SHARE/reminders"
	run summary -d 2026-01-01
	[ "$output" = Mine. ]
	# An empty HEARTH_DATA is unset.
	HEARTH_DATA= run summary -d 2026-01-01
	[ "$output" = Mine. ]
}

@test "a file in the user's directory that is a FIFO or a directory is named, not passed over" {
	mkdir -p "$USER_DATA"
	mkfifo "$USER_DATA/guide"
	run -1 timeout 20 section 1
	assert_error "section: $USER_DATA/guide: not a regular file"
	run -1 timeout 20 quiz -l
	assert_error "quiz: $USER_DATA/guide: not a regular file"
	rm "$USER_DATA/guide"
	mkdir "$USER_DATA/reminders" "$USER_DATA/mine.bank"
	run -1 summary -m
	assert_error "summary: $USER_DATA/reminders: not a regular file"
	run -1 quiz -l -k mine
	assert_error "quiz: $USER_DATA/mine.bank: not a regular file"
	run summary 1
}
