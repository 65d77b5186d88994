.POSIX:
.SUFFIXES:
# .o comes before .c: a tool links from its object (the .o rule below),
# never straight from its source by a make's built-in .c rule.
.SUFFIXES: .o .c .scd .in

VERSION = 0.2.0

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/hearth
DOCDIR = $(PREFIX)/share/doc/hearth
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

CC = cc
CFLAGS = -O2 -Wall -Wextra -pedantic
AR = ar
SCDOC = scdoc
STRFILE = strfile
SHELL = /bin/sh

# What hearth needs to build at all, kept apart from the user's CFLAGS.
HEARTH_CFLAGS = -std=c99
HEARTH_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Ilib

# make check SANITIZE=1: AddressSanitizer and UndefinedBehaviorSanitizer,
# every finding fatal and ending the tool with status 86, which no tool
# uses, so that a finding cannot pass for an ordinary exit 1. Where
# LeakSanitizer cannot run (it needs ptrace), tests/run turns it off and
# says so; make valgrind still looks for leaks.
SANITIZE =
SANITIZE_FLAGS_1 = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -g
SANITIZE_FLAGS = $(SANITIZE_FLAGS_$(SANITIZE))
SANITIZE_ENV = ASAN_OPTIONS=exitcode=86:abort_on_error=0 \
	UBSAN_OPTIONS=halt_on_error=1:exitcode=86:print_stacktrace=1

TOOLS = cmd/quiz cmd/score cmd/section cmd/summary
# score's views, each a file of its own (cmd/score.h says what they share)
SCORE_VIEWS = cmd/score-json.o cmd/score-records.o cmd/score-report.o
LIB_OBJ = lib/alloc.o lib/bank.o lib/buf.o lib/data.o lib/date.o lib/file.o \
	lib/guide.o lib/lines.o lib/message.o lib/number.o lib/options.o \
	lib/out.o lib/rand.o lib/refs.o lib/reminders.o lib/research.o \
	lib/session.o lib/text.o lib/xdg.o
MAN1 = man/quiz.1 man/score.1 man/section.1 man/summary.1
MAN5 = man/hearth-files.5
MAN7 = man/hearth.7
MAN = $(MAN1) $(MAN5) $(MAN7)
MAN_IN = $(MAN:=.in)
DATA = share/guide share/know.bank share/points share/reminders \
	share/research share/self.bank
EXAMPLES = share/examples/hearth-reminder.service \
	share/examples/hearth-reminder.timer
COMPLETED = quiz score summary
# Installed into DOCDIR, and shipped in the dist tarball.
DOCS = LICENSE NEWS README.md
DIST = hearth-$(VERSION)

# Fills in the paths of this build, in man pages and installed examples.
SUBST = sed -e 's|@DATADIR@|$(DATADIR)|g' -e 's|@BINDIR@|$(BINDIR)|g' \
	-e 's|@MANDIR@|$(MANDIR)|g' -e 's|@VERSION@|$(VERSION)|g'

all: $(TOOLS) $(MAN_IN) $(MAN)

.c.o:
	$(CC) $(HEARTH_CFLAGS) $(CFLAGS) $(SANITIZE_FLAGS) $(HEARTH_CPPFLAGS) \
		$(CPPFLAGS) -c -o $@ $<

# Rewritten only when VERSION or DATADIR changes, so that a new PREFIX at
# install time rebuilds what depends on it and nothing else.
lib/config.h: FORCE
	@{ printf '#define HEARTH_VERSION "%s"\n' '$(VERSION)'; \
	   printf '%s\n' '$(DATADIR)' | sed 's/[\\"]/\\&/g; s/.*/#define HEARTH_DATADIR "&"/'; \
	} > lib/config.h.tmp
	@if cmp -s lib/config.h.tmp lib/config.h; then rm -f lib/config.h.tmp; \
	else mv lib/config.h.tmp lib/config.h; fi

FORCE:

$(LIB_OBJ): lib/hearth.h
lib/options.o lib/data.o: lib/config.h

lib/libhearth.a: $(LIB_OBJ)
	rm -f $@
	$(AR) -rc $@ $(LIB_OBJ)

# score's views are an archive every tool links with and only score draws
# from, so that one rule links them all.
cmd/views.a: $(SCORE_VIEWS)
	rm -f $@
	$(AR) -rc $@ $(SCORE_VIEWS)

# Each tool, cmd/NAME, links from cmd/NAME.o and the library.
LINKED = cmd/views.a lib/libhearth.a
.o:
	$(CC) $(CFLAGS) $(SANITIZE_FLAGS) $(LDFLAGS) -o $@ $< $(LINKED)

$(TOOLS): $(LINKED)
$(TOOLS:=.o) $(SCORE_VIEWS): lib/hearth.h
cmd/score.o $(SCORE_VIEWS): cmd/score.h

# Man pages: scdoc makes NAME.in (shipped in the dist tarball, so a
# builder needs no scdoc), then the install paths are filled in.
.scd.in:
	$(SCDOC) < $< > $@.tmp
	mv $@.tmp $@

.in:
	$(SUBST) $< > $@

$(MAN): lib/config.h

run: $(TOOLS)
	HEARTH_DATA=share ./cmd/quiz | HEARTH_DATA=share ./cmd/score

# Timing against the tools a user would run otherwise; see tests/bench/run.
bench: $(TOOLS)
	bash tests/bench/run

check: all
	MAKE='$(MAKE)' CC='$(CC)' HEARTH_SANITIZE='$(SANITIZE)' $(SANITIZE_ENV) \
		sh tests/run < /dev/null

# Every tool's main paths under valgrind's memcheck; see tests/valgrind.
valgrind: $(TOOLS)
	sh tests/valgrind

# Static analysis: cppcheck, and clang-tidy with the checks in .clang-tidy;
# see tests/lint.
lint: lib/config.h
	HEARTH_CFLAGS='$(HEARTH_CFLAGS)' HEARTH_CPPFLAGS='$(HEARTH_CPPFLAGS)' \
		sh tests/lint

# DESTDIR is for the install recipes only. (bmake on Linux adds -nostdinc
# and DESTDIR/usr/include to CPPFLAGS when DESTDIR is set: with bmake,
# build first, then install with DESTDIR and the same PREFIX.)
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/examples \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) $(DESTDIR)$(DOCDIR)
	for f in $(TOOLS); do cp -f $$f $(DESTDIR)$(BINDIR)/ || exit 1; \
		chmod 755 $(DESTDIR)$(BINDIR)/$${f##*/}; done
	for f in $(DATA); do cp -f $$f $(DESTDIR)$(DATADIR)/ || exit 1; \
		chmod 644 $(DESTDIR)$(DATADIR)/$${f##*/}; done
	for f in $(EXAMPLES); do \
		$(SUBST) $$f > $(DESTDIR)$(DATADIR)/examples/$${f##*/} || exit 1; \
		chmod 644 $(DESTDIR)$(DATADIR)/examples/$${f##*/}; done
	for f in $(MAN1); do cp -f $$f $(DESTDIR)$(MANDIR)/man1/ || exit 1; done
	for f in $(DOCS); do cp -f $$f $(DESTDIR)$(DOCDIR)/ || exit 1; \
		chmod 644 $(DESTDIR)$(DOCDIR)/$$f; done
	cp -f $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	# 0.1.0's name for hearth-files(5), which man hearth opened before hearth(7).
	rm -f $(DESTDIR)$(MANDIR)/man5/hearth.5
	cp -f $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	$(SUBST) share/completions/hearth.bash > $(DESTDIR)$(BASHCOMPDIR)/section
	$(SUBST) share/completions/_hearth > $(DESTDIR)$(ZSHCOMPDIR)/_hearth
	$(SUBST) share/completions/hearth.fish > $(DESTDIR)$(FISHCOMPDIR)/section.fish
	for t in $(COMPLETED); do \
		ln -sf section $(DESTDIR)$(BASHCOMPDIR)/$$t || exit 1; \
		ln -sf section.fish $(DESTDIR)$(FISHCOMPDIR)/$$t.fish || exit 1; done
	if command -v $(STRFILE) > /dev/null 2>&1; then \
		$(STRFILE) -s $(DESTDIR)$(DATADIR)/reminders; fi

uninstall:
	for f in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$${f##*/}; done
	for f in $(DATA) $(EXAMPLES); do \
		rm -f $(DESTDIR)$(DATADIR)/$${f#share/}; done
	rm -f $(DESTDIR)$(DATADIR)/reminders.dat
	for f in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${f##*/}; done
	rm -f $(DESTDIR)$(MANDIR)/man5/hearth-files.5 $(DESTDIR)$(MANDIR)/man7/hearth.7
	for t in section $(COMPLETED); do rm -f $(DESTDIR)$(BASHCOMPDIR)/$$t \
		$(DESTDIR)$(FISHCOMPDIR)/$$t.fish; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_hearth
	for f in $(DOCS); do rm -f $(DESTDIR)$(DOCDIR)/$$f; done
	-rmdir $(DESTDIR)$(DATADIR)/examples $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

# The tarball carries the man pages scdoc made, so a builder needs no scdoc.
dist: $(MAN_IN)
	rm -rf $(DIST) $(DIST).tar.gz
	mkdir -p $(DIST)/cmd $(DIST)/lib $(DIST)/man
	cp -Rp Makefile $(DOCS) share tests $(DIST)/
	rm -rf $(DIST)/tests/fuzz/build $(DIST)/tests/bench/build
	cp -p cmd/*.c cmd/*.h $(DIST)/cmd/
	cp -p lib/*.c lib/hearth.h $(DIST)/lib/
	cp -p man/*.scd $(MAN_IN) $(DIST)/man/
	tar -cf - $(DIST) | gzip -9 > $(DIST).tar.gz
	rm -rf $(DIST)

# Unpacks the tarball and runs every test there, with scdoc out of reach.
distcheck: dist
	sh tests/distcheck $(DIST)

# A Debian package built from the dist tarball with tests/debian, checked
# with lintian, installed, its tools run, and removed again; see tests/deb.
# It installs a package on this machine (with sudo when not root), so make
# check leaves it out. Needs debhelper, dpkg-dev, fakeroot and lintian.
deb:
	sh tests/deb

clean:
	rm -f $(TOOLS) cmd/*.o cmd/views.a lib/*.o lib/libhearth.a lib/config.h \
		lib/config.h.tmp $(MAN)
	rm -rf $(DIST) $(DIST).tar.gz

# Fuzzing (tests/fuzz): make fuzz runs every harness for FUZZ_SECONDS each.
# The harnesses need clang with libFuzzer (FUZZ_CC); all they build, the
# corpora and the logs go to tests/fuzz/build, which make fuzz-clean
# removes. tests/fuzz/run says what it does; make fuzz fails on any crash,
# leak or timeout, and on any file in tests/fuzz/crashes that still fails.
FUZZ_SECONDS = 60
FUZZ_CC = clang

fuzz-build: lib/config.h
	FUZZ_CC='$(FUZZ_CC)' sh tests/fuzz/build.sh

fuzz: fuzz-build
	FUZZ_CC='$(FUZZ_CC)' FUZZ_SECONDS='$(FUZZ_SECONDS)' sh tests/fuzz/run

fuzz-clean:
	rm -rf tests/fuzz/build
# End of fuzzing.

.PHONY: all run bench check valgrind lint install uninstall dist distcheck \
	deb clean FORCE fuzz fuzz-build fuzz-clean
