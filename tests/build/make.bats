# The Makefile: install layout, PREFIX and DESTDIR, flags, warnings.
# These build copies of the source tree, never the tree itself.
load ../helper

# One clean copy built for PREFIX=/usr; each test starts from a copy of it
# (times kept, so that make rebuilds only what a test changes). README.md
# and tests are there for make dist.
setup_file() {
	export BUILT=$BATS_FILE_TMPDIR/built
	mkdir -p "$BUILT"
	copy_sources "$BUILT" tests
	make -s -C "$BUILT" clean > /dev/null
	make -s -C "$BUILT" PREFIX=/usr > /dev/null
}

setup() {
	SRC=$BATS_TEST_TMPDIR/src
	cp -Rp "$BUILT" "$SRC"
}

installed_files() {
	(cd "$1" && find . ! -type d | sort)
}

@test "make install honours DESTDIR and PREFIX and installs every file" {
	run make -s -C "$SRC" install DESTDIR="$BATS_TEST_TMPDIR/dest" PREFIX=/usr
	run installed_files "$BATS_TEST_TMPDIR/dest"
	expected="./usr/bin/quiz
./usr/bin/score
./usr/bin/section
./usr/bin/summary
./usr/share/bash-completion/completions/quiz
./usr/share/bash-completion/completions/score
./usr/share/bash-completion/completions/section
./usr/share/bash-completion/completions/summary
./usr/share/doc/hearth/LICENSE
./usr/share/doc/hearth/NEWS
./usr/share/doc/hearth/README.md
./usr/share/fish/vendor_completions.d/quiz.fish
./usr/share/fish/vendor_completions.d/score.fish
./usr/share/fish/vendor_completions.d/section.fish
./usr/share/fish/vendor_completions.d/summary.fish
./usr/share/hearth/examples/hearth-reminder.service
./usr/share/hearth/examples/hearth-reminder.timer
./usr/share/hearth/guide
./usr/share/hearth/know.bank
./usr/share/hearth/points
./usr/share/hearth/reminders
$(command -v strfile > /dev/null && echo ./usr/share/hearth/reminders.dat)
./usr/share/hearth/research
./usr/share/hearth/self.bank
./usr/share/man/man1/quiz.1
./usr/share/man/man1/score.1
./usr/share/man/man1/section.1
./usr/share/man/man1/summary.1
./usr/share/man/man5/hearth-files.5
./usr/share/man/man7/hearth.7
./usr/share/zsh/site-functions/_hearth"
	[ "$output" = "$(grep . <<< "$expected")" ]
	[ "$(stat -c %a "$BATS_TEST_TMPDIR/dest/usr/bin/section")" = 755 ]
	[ "$(stat -c %a "$BATS_TEST_TMPDIR/dest/usr/share/hearth/guide")" = 644 ]
	[ "$(stat -c %a "$BATS_TEST_TMPDIR/dest/usr/share/doc/hearth/LICENSE")" = 644 ]
	cmp "$HEARTH_TOP/NEWS" "$BATS_TEST_TMPDIR/dest/usr/share/doc/hearth/NEWS"
}

@test "binaries look for data under PREFIX, never under DESTDIR" {
	make -s -C "$SRC" install DESTDIR="$BATS_TEST_TMPDIR/dest" PREFIX=/usr
	grep -q /usr/share/hearth "$BATS_TEST_TMPDIR/dest/usr/bin/section"
	run -1 grep -c "$BATS_TEST_TMPDIR" "$BATS_TEST_TMPDIR/dest/usr/bin/section"
	[ "$output" = 0 ]
	grep -q /usr/share/hearth "$BATS_TEST_TMPDIR/dest/usr/share/man/man5/hearth-files.5"
}

@test "BINDIR, MANDIR, DATADIR and DOCDIR can each be set" {
	make -s -C "$SRC" install DESTDIR="$BATS_TEST_TMPDIR/d" BINDIR=/b MANDIR=/m DATADIR=/data \
		DOCDIR=/doc
	[ -f "$BATS_TEST_TMPDIR/d/doc/LICENSE" ]
	[ -x "$BATS_TEST_TMPDIR/d/b/section" ]
	[ -f "$BATS_TEST_TMPDIR/d/m/man7/hearth.7" ]
	[ -f "$BATS_TEST_TMPDIR/d/data/guide" ]
	grep -q /data "$BATS_TEST_TMPDIR/d/b/summary"
	# The tools look in DATADIR itself, which is not there outside DESTDIR,
	# after the user's data directory.
	run -1 env -u HEARTH_DATA XDG_DATA_HOME="$BATS_TEST_TMPDIR/xdg" "$BATS_TEST_TMPDIR/d/b/section"
	assert_error "section: guide: not found in $BATS_TEST_TMPDIR/xdg/hearth or /data"
	grep -q '/data/guide' "$BATS_TEST_TMPDIR/d/m/man1/section.1"
	# The crontab lines of the pages give the full path BINDIR makes.
	grep -qx '0 8 \* \* \* /b/summary -m' "$BATS_TEST_TMPDIR/d/m/man1/summary.1"
	grep -qx '0 8 \* \* 1 /b/summary -W' "$BATS_TEST_TMPDIR/d/m/man7/hearth.7"
	run -1 grep -l /usr/local "$BATS_TEST_TMPDIR"/d/m/man*/*
}

@test "make uninstall removes every installed file" {
	dest=$BATS_TEST_TMPDIR/dest
	mkdir -p "$dest/usr/bin"
	touch "$dest/usr/bin/other-tool"
	before=$(installed_files "$dest")
	make -s -C "$SRC" install DESTDIR="$dest" PREFIX=/usr
	run make -s -C "$SRC" uninstall DESTDIR="$dest" PREFIX=/usr
	[ "$(installed_files "$dest")" = "$before" ]
	[ ! -e "$dest/usr/share/hearth" ]
	[ ! -e "$dest/usr/share/doc/hearth" ]
}

@test "a PREFIX changed between make and make install rebuilds what depends on it" {
	make -s -C "$SRC" PREFIX=/somewhere/else > /dev/null
	root=$BATS_TEST_TMPDIR/root
	make -s -C "$SRC" install PREFIX="$root" > /dev/null
	run -1 grep -c /somewhere/else "$root/bin/section"
	[ "$output" = 0 ]
	cd /
	run env -u HEARTH_DATA "$root/bin/section" -l
	[ "${#lines[@]}" -eq 6 ]
	[ "$output" = "$(section -l)" ]
	run -1 grep -c /somewhere/else "$root/share/man/man1/section.1"
	[ "$output" = 0 ]
	grep -q "$root/share/hearth" "$root/share/man/man1/section.1"
}

@test "CC, CFLAGS, CPPFLAGS and LDFLAGS from the command line are used" {
	run env -u MAKEFLAGS -u MFLAGS make -C "$SRC" -n cmd/section \
		CC=my-cc CFLAGS=-Omine CPPFLAGS=-DMINE LDFLAGS=-Lmine
	output=$(tr -s ' \\\n\t' ' ' <<< "$output")
	[[ $output == *"my-cc -std=c99 -Omine -D_POSIX_C_SOURCE=200809L -Ilib -DMINE -c"* ]]
	[[ $output == *"my-cc -Omine -Lmine -o cmd/section"* ]]
}

@test "CFLAGS from the environment are used" {
	# Without the CFLAGS a calling make may pass down in MAKEFLAGS.
	CFLAGS=-Ofromenv run env -u MAKEFLAGS -u MFLAGS make -e -C "$SRC" -n cmd/section
	output=$(tr -s ' \\\n\t' ' ' <<< "$output")
	# In the compile line after the flags hearth needs, and in the link line.
	[[ $output == *" -std=c99 -Ofromenv "*" -c -o lib/"* ]]
	[[ $output == *" -Ofromenv "*"-o cmd/section cmd/section.o "* ]]
}

# Builds the tools with compiler $1 and every warning an error: the build
# must say nothing on stderr, and the tools must run.
strict_build() {
	local tool
	command -v "$1" > /dev/null || skip "$1 is not installed"
	make -s -C "$SRC" clean
	run make -C "$SRC" CC="$1" CFLAGS='-std=c99 -Wall -Wextra -pedantic -Werror' \
		cmd/quiz cmd/score cmd/section cmd/summary
	if grep -i 'warning' <<< "$output"; then return 1; fi
	for tool in quiz score section summary; do
		run "$SRC/cmd/$tool" -V || return 1
		[ "$output" = "hearth $(make_version)" ] || { echo "$tool -V: $output"; return 1; }
	done
}

@test "builds warning-free with gcc -std=c99 -Wall -Wextra -pedantic -Werror" {
	strict_build gcc
}

@test "builds warning-free with clang -std=c99 -Wall -Wextra -pedantic -Werror" {
	strict_build clang
}

@test "make run builds and runs quiz | score from the source tree" {
	run sh -c "yes 4 | make -s --no-print-directory -C '$SRC' run"
	[ "${#lines[@]}" -eq 6 ]
	[[ ${lines[0]} == *"	self	walls	"* ]]
	[[ ${lines[5]} == *"	self	safety	"* ]]
	# What the build tree's quiz | score gives, the session's time aside.
	diff -u <(yes 4 | quiz | score | cut -f 2-) <(printf '%s\n' "$output" | cut -f 2-)
}

@test "make install works without strfile, and leaves out the index" {
	run make -s -C "$SRC" install DESTDIR="$BATS_TEST_TMPDIR/d" PREFIX=/usr STRFILE=no-such-strfile
	cmp "$SHARE/reminders" "$BATS_TEST_TMPDIR/d/usr/share/hearth/reminders"
	[ ! -e "$BATS_TEST_TMPDIR/d/usr/share/hearth/reminders.dat" ]
}

@test "make dist ships built man pages: the tarball builds and installs without scdoc" {
	local tarball tree
	make -s -C "$SRC" dist > /dev/null
	tarball=$SRC/hearth-$(make_version "$SRC").tar.gz
	[ -f "$tarball" ]
	mkdir "$BATS_TEST_TMPDIR/unpacked" "$BATS_TEST_TMPDIR/bin"
	tar -xzf "$tarball" -C "$BATS_TEST_TMPDIR/unpacked"
	tree=$(echo "$BATS_TEST_TMPDIR"/unpacked/hearth-*)
	[ -f "$tree/man/section.1.in" ]
	[ -f "$tree/tests/run" ]
	cmp "$tree/LICENSE" "$HEARTH_TOP/LICENSE"
	[ -f "$tree/NEWS" ]
	[ ! -e "$tree/lib/config.h" ]
	[ -z "$(find "$tree" -name '*.o')" ]
	printf '#!/bin/sh\nexit 1\n' > "$BATS_TEST_TMPDIR/bin/scdoc"
	chmod +x "$BATS_TEST_TMPDIR/bin/scdoc"
	PATH=$BATS_TEST_TMPDIR/bin:$PATH run make -C "$tree" install DESTDIR="$BATS_TEST_TMPDIR/d"
	[[ $output != *scdoc* ]]
	[ -f "$BATS_TEST_TMPDIR/d/usr/local/share/man/man7/hearth.7" ]
	cmp "$tree/man/hearth.7.in" "$SRC/man/hearth.7.in"
	run "$BATS_TEST_TMPDIR/d/usr/local/bin/section" -V
	[ "$output" = "hearth $(make_version "$SRC")" ]
}

# bmake, with what a calling GNU make passes down kept from it. Debian's
# bmake adds -nostdinc and DESTDIR/usr/include to CPPFLAGS whenever DESTDIR
# is set, so it builds first and installs with DESTDIR after.
bmake_() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL bmake "$@"
}

@test "bmake builds and installs the same files as make, and the tools work" {
	command -v bmake > /dev/null || skip "bmake is not installed"
	make -s -C "$SRC" install DESTDIR="$BATS_TEST_TMPDIR/gnu" PREFIX=/usr
	bmake_ -s -C "$SRC" clean
	[ ! -e "$SRC/cmd/section" ]
	run --separate-stderr bmake_ -C "$SRC" PREFIX=/usr
	[ "$status" -eq 0 ]
	[[ $output == *"-o cmd/section cmd/section.o cmd/views.a lib/libhearth.a"* ]]
	run --separate-stderr bmake_ -C "$SRC" install DESTDIR="$BATS_TEST_TMPDIR/bsd" PREFIX=/usr
	[ "$status" -eq 0 ]
	[ "$(installed_files "$BATS_TEST_TMPDIR/bsd")" = "$(installed_files "$BATS_TEST_TMPDIR/gnu")" ]
	bin=$BATS_TEST_TMPDIR/bsd/usr/bin
	grep -q /usr/share/hearth "$bin/section"
	HEARTH_DATA=$BATS_TEST_TMPDIR/bsd/usr/share/hearth run --separate-stderr "$bin/section" 1
	[ "$status" -eq 0 ]
	[ "$output" = "$(head -n 4 "$GOLDEN/guide.txt")" ]
	run --separate-stderr bmake_ -C "$SRC" PREFIX=/usr
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "bmake uses CC, CFLAGS, CPPFLAGS and LDFLAGS from the command line" {
	command -v bmake > /dev/null || skip "bmake is not installed"
	run --separate-stderr bmake_ -C "$SRC" -n cmd/section \
		CC=my-cc CFLAGS=-Omine CPPFLAGS=-DMINE LDFLAGS=-Lmine
	[ "$status" -eq 0 ]
	output=$(tr -s ' \\\n\t' ' ' <<< "$output")
	[[ $output == *"my-cc -std=c99 -Omine -D_POSIX_C_SOURCE=200809L -Ilib -DMINE -c"* ]]
	[[ $output == *"my-cc -Omine -Lmine -o cmd/section"* ]]
}
