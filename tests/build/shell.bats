# hearth in the shell: completions, cron, systemd timer, fortune, and the
# dist tarball. Each test installs a copy of the source tree.
load ../helper

# One installed tree for the whole file; no test changes it.
setup_file() {
	export SRC=$BATS_FILE_TMPDIR/src ROOT=$BATS_FILE_TMPDIR/root
	mkdir -p "$SRC"
	(cd "$HEARTH_TOP" && cp -Rp Makefile README.md cmd lib man share tests "$SRC"/)
	make -s -C "$SRC" clean > /dev/null
	make -s -C "$SRC" install PREFIX="$ROOT" > /dev/null
}

setup() {
	# What the installed tree finds by itself, with the build tree's
	# data out of the way.
	unset HEARTH_DATA
	PATH=$ROOT/bin:$PATH
}

# Runs bash completion for the command line "$@" (the last word being
# completed) and prints the candidates, one a line.
complete_bash() {
	bash -c '
		source "$1"; shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_hearth
		printf "%s\n" "${COMPREPLY[@]}"
	' _ "$ROOT/share/bash-completion/completions/section" "$@"
}

@test "bash: completion is registered for all four tools" {
	run --separate-stderr bash -c 'for t in quiz score section summary; do
		source "$1/$t"; complete -p "$t"; done' _ "$ROOT/share/bash-completion/completions"
	[ "$status" -eq 0 ]
	for tool in quiz section summary; do
		grep -qx "complete -F _hearth $tool" <<< "$output"
	done
	grep -qx "complete -o filenames -F _hearth score" <<< "$output"
}

@test "bash: section <TAB> offers every number and slug that section -l lists" {
	run --separate-stderr complete_bash section ""
	[ "$status" -eq 0 ]
	[ "$(sort <<< "$output")" = "$(section -l | cut -f 1,2 | tr '\t' '\n' | sort)" ]
	run --separate-stderr complete_bash section l
	[ "$output" = letting-go ]
	run --separate-stderr complete_bash summary h
	[ "$output" = home ]
}

@test "bash: section -f <TAB> offers the part names section -p lists" {
	run --separate-stderr complete_bash section -f ""
	[ "$output" = "$(section -p | cut -f 2 | sort -u)" ]
	run --separate-stderr complete_bash section -f neu
	[ "$output" = neuroscience ]
}

@test "bash: quiz -k <TAB> offers the installed banks, and options complete" {
	run --separate-stderr complete_bash quiz -k ""
	[ "$output" = $'know\nself' ]
	run --separate-stderr complete_bash score -
	[ "$output" = $'-h\n-r\n-t\n-V\n--help\n--version' ]
	run --separate-stderr complete_bash summary -
	[[ $output == *"-o"* && $output == *"-d"* ]]
}

@test "bash: completions follow HEARTH_DATA, not a copied list" {
	data_copy
	sed -i 's/^section\t3\tletting-go\t/section\t3\tletting-be\t/; s/\tneuroscience\t/\tneuro-science\t/' "$DATA/guide"
	cp "$DATA/self.bank" "$DATA/mine.bank"
	run --separate-stderr complete_bash section let
	[ "$output" = letting-be ]
	run --separate-stderr complete_bash section -f neu
	[ "$output" = neuro-science ]
	run --separate-stderr complete_bash quiz -k m
	[ "$output" = mine ]
}

@test "zsh: the completion function loads without error" {
	command -v zsh > /dev/null || skip "zsh is not installed"
	run --separate-stderr zsh -n "$ROOT/share/zsh/site-functions/_hearth"
	[ "$status" -eq 0 ]
	run --separate-stderr zsh -fc '
		fpath=("$1" $fpath)
		autoload -Uz compinit && compinit -u -d "$2"
		autoload -Uz _hearth && whence -w _hearth
		print -r -- $_comps[section] $_comps[summary] $_comps[quiz] $_comps[score]
	' _ "$ROOT/share/zsh/site-functions" "$BATS_TEST_TMPDIR/zcompdump"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = "_hearth: function" ]
	[ "${lines[1]}" = "_hearth _hearth _hearth _hearth" ]
}

@test "fish: completions load and complete slugs, parts and banks" {
	command -v fish > /dev/null || skip "fish is not installed"
	fish_complete() {
		fish -c 'source $argv[1]; complete -C$argv[2]' "$ROOT/share/fish/vendor_completions.d/section.fish" "$1" | cut -f 1
	}
	run --separate-stderr fish_complete "section l"
	[ "$status" -eq 0 ]
	[ "$output" = letting-go ]
	run --separate-stderr fish_complete "section -f neu"
	[ "$output" = neuroscience ]
	run --separate-stderr fish_complete "quiz -k "
	[ "$output" = $'know\nself' ]
	[ -L "$ROOT/share/fish/vendor_completions.d/summary.fish" ]
}

@test "the README's cron line, run as cron runs it, prints one reminder and exits 0" {
	line=$(grep -m 1 '^    0 8 \* \* \* /usr/local/bin/summary -d$' "$SRC/README.md")
	[ -n "$line" ]
	command=${line#    0 8 \* \* \* }
	command=${command//\/usr\/local/$ROOT}
	setsid=()
	command -v setsid > /dev/null && setsid=(setsid -w)
	run --separate-stderr "${setsid[@]}" env -i PATH=/usr/bin:/bin HOME="$BATS_TEST_TMPDIR" SHELL=/bin/sh \
		/bin/sh -c "$command" < /dev/null
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 1 ]
	grep -qxF -- "$output" "$SHARE/reminders"
}

@test "the README's notification line gives notify-send the display, the bus and one reminder" {
	line=$(grep -m 1 '^    0 8 \* \* \* DISPLAY=.*notify-send' "$SRC/README.md")
	[ -n "$line" ]
	mkdir "$BATS_TEST_TMPDIR/bin"
	printf '#!/bin/sh\nprintf "%%s\\n" "$DISPLAY" "$DBUS_SESSION_BUS_ADDRESS" "$@"\n' \
		> "$BATS_TEST_TMPDIR/bin/notify-send"
	chmod +x "$BATS_TEST_TMPDIR/bin/notify-send"
	command=${line#    0 8 \* \* \* }
	command=${command//\/usr\/local/$ROOT}
	command=${command/notify-send/$BATS_TEST_TMPDIR/bin/notify-send}
	run --separate-stderr env -i PATH=/usr/bin:/bin /bin/sh -c "$command" < /dev/null
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = :0 ]
	[[ ${lines[1]} == unix:path=/run/user/*/bus ]]
	[ "${lines[2]}" = hearth ]
	grep -qxF -- "${lines[3]}" "$SHARE/reminders"
}

@test "the systemd examples are installed with the binary's path, and verify" {
	service=$ROOT/share/hearth/examples/hearth-reminder.service
	timer=$ROOT/share/hearth/examples/hearth-reminder.timer
	grep -qx "ExecStart=$ROOT/bin/summary -d" "$service"
	grep -qx 'OnCalendar=\*-\*-\* 08:00:00' "$timer"
	! grep -q '@[A-Z]*@' "$service" "$timer"
	command -v systemd-analyze > /dev/null || skip "systemd-analyze is not installed"
	cd "$ROOT/share/hearth/examples"
	run --separate-stderr env MANPATH="$ROOT/share/man" systemd-analyze verify \
		hearth-reminder.service hearth-reminder.timer
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
}

@test "fortune reads the installed reminders file" {
	fortune=$(command -v fortune || command -v /usr/games/fortune) ||
		skip "fortune is not installed"
	command -v strfile > /dev/null || skip "strfile is not installed"
	[ -f "$ROOT/share/hearth/reminders.dat" ]
	run --separate-stderr "$fortune" "$ROOT/share/hearth/reminders"
	[ "$status" -eq 0 ]
	[ -n "$output" ]
	# fortune prints an entry as it is in the file: find it there.
	awk -v want="$output" 'BEGIN { RS = "%\n" } { sub(/\n$/, "") } $0 == want { found = 1 } END { exit !found }' \
		"$SHARE/reminders"
}

@test "make install works without strfile, and leaves out the index" {
	run --separate-stderr make -s -C "$SRC" install DESTDIR="$BATS_TEST_TMPDIR/d" STRFILE=no-such-strfile
	[ "$status" -eq 0 ]
	[ -f "$BATS_TEST_TMPDIR/d/usr/local/share/hearth/reminders" ]
	[ ! -e "$BATS_TEST_TMPDIR/d/usr/local/share/hearth/reminders.dat" ]
}

@test "make dist ships built man pages: the tarball builds and installs without scdoc" {
	make -s -C "$SRC" dist > /dev/null
	tarball=$SRC/hearth-$(sed -n 's/^VERSION *= *//p' "$SRC/Makefile").tar.gz
	[ -f "$tarball" ]
	mkdir "$BATS_TEST_TMPDIR/unpacked" "$BATS_TEST_TMPDIR/bin"
	tar -xzf "$tarball" -C "$BATS_TEST_TMPDIR/unpacked"
	tree=$(echo "$BATS_TEST_TMPDIR"/unpacked/hearth-*)
	[ -f "$tree/man/section.1.in" ]
	[ -f "$tree/tests/run" ]
	[ ! -e "$tree/lib/config.h" ]
	[ -z "$(find "$tree" -name '*.o')" ]
	printf '#!/bin/sh\nexit 1\n' > "$BATS_TEST_TMPDIR/bin/scdoc"
	chmod +x "$BATS_TEST_TMPDIR/bin/scdoc"
	PATH=$BATS_TEST_TMPDIR/bin:$PATH run --separate-stderr make -C "$tree" install DESTDIR="$BATS_TEST_TMPDIR/d"
	[ "$status" -eq 0 ]
	[[ $output != *scdoc* ]]
	[ -f "$BATS_TEST_TMPDIR/d/usr/local/share/man/man7/hearth.7" ]
}
