# The installed tree in the shell: the completions where bash, zsh and fish
# look for them, the README's cron lines, the systemd examples with the
# install paths filled in, and fortune reading the installed reminders.
load ../helper

setup_file() {
	installed_tree
}

setup() {
	use_installed_tree
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

@test "bash: completion is registered for all four tools, each under its own name" {
	local tool
	# bash-completion loads completions/NAME for the command NAME.
	run bash -c 'for t in quiz score section summary; do
		source "$1/$t"; complete -p "$t"; done' _ "$ROOT/share/bash-completion/completions"
	for tool in quiz section summary; do
		grep -qx "complete -F _hearth $tool" <<< "$output"
	done
	grep -qx "complete -o filenames -F _hearth score" <<< "$output"
	[ "${#lines[@]}" -eq 4 ]
}

@test "bash: section <TAB> offers every number and slug that section -l lists" {
	run complete_bash section ""
	[ "$(sort <<< "$output")" = "$(section -l | cut -f 1,2 | tr '\t' '\n' | sort)" ]
	run complete_bash section l
	[ "$output" = letting-go ]
	run complete_bash summary h
	[ "$output" = home ]
}

@test "bash: section -f <TAB> offers the part names section -p lists" {
	run complete_bash section -f ""
	[ "$output" = "$(section -p | cut -f 2 | sort -u)" ]
	run complete_bash section -f neu
	[ "$output" = neuroscience ]
}

@test "bash: quiz -k <TAB> offers the installed banks, and options complete" {
	run complete_bash quiz -k ""
	[ "$output" = $'know\nself' ]
	run complete_bash quiz -
	[ "$output" = $'-a\n-d\n-e\n-h\n-k\n-l\n-n\n-s\n-V\n--help\n--version' ]
	run complete_bash score -
	[ "$output" = $'-e\n-H\n-h\n-j\n-M\n-r\n-t\n-V\n-w\n--help\n--version' ]
	run complete_bash summary -
	[ "$output" = $'-d\n-h\n-m\n-o\n-R\n-s\n-V\n-W\n-w\n--help\n--version' ]
	run complete_bash section -
	[ "$output" = $'-c\n-f\n-h\n-l\n-p\n-V\n-w\n--help\n--version' ]
}

@test "bash: quiz -a <TAB> offers files; summary -d and quiz -d <TAB>, a date, offer nothing" {
	touch "$TMP/journal"
	run complete_bash quiz -a "$TMP/jo"
	[ "$output" = "$TMP/journal" ]
	run complete_bash quiz -d ""
	[ -z "$output" ]
	run complete_bash quiz -d 2026-01-01T
	[ -z "$output" ]
	run complete_bash summary -d ""
	[ -z "$output" ]
	run complete_bash summary -d 2
	[ -z "$output" ]
	# A reminder takes no references, so none is offered after one.
	local opt
	for opt in -m -o -R -W -Wo "-d 2026-01-01" "-Rs 7"; do
		# shellcheck disable=SC2086 # an option and its value: two words
		run complete_bash summary $opt ""
		[ -z "$output" ] || { echo "after $opt: $output"; return 1; }
	done
	run complete_bash summary -w 40 h
	[ "$output" = home ]
}

@test "bash: completions follow HEARTH_DATA, not a copied list" {
	data_copy
	sed -i 's/^section\t3\tletting-go\t/section\t3\tletting-be\t/; s/\tneuroscience\t/\tneuro-science\t/' "$DATA/guide"
	cp "$DATA/self.bank" "$DATA/mine.bank"
	run complete_bash section let
	[ "$output" = letting-be ]
	run complete_bash section -f neu
	[ "$output" = neuro-science ]
	run complete_bash quiz -k m
	[ "$output" = mine ]
}

# A bank of one's own in the user's data directory, and one of the same
# name as an installed bank: offered once.
user_banks() {
	mkdir -p "$USER_DATA"
	cp "$SHARE/self.bank" "$USER_DATA/mine.bank"
	cp "$SHARE/self.bank" "$USER_DATA/self.bank"
}

@test "bash: quiz -k <TAB> offers the banks of every directory of the path, once each" {
	user_banks
	run complete_bash quiz -k ""
	[ "$output" = $'know\nmine\nself' ]
	run complete_bash quiz -k m
	[ "$output" = mine ]
	# Without XDG_DATA_HOME, or with a relative one: ~/.local/share/hearth.
	mkdir -p "$TMP/home/.local/share/hearth"
	cp "$SHARE/know.bank" "$TMP/home/.local/share/hearth/ours.bank"
	XDG_DATA_HOME=rel HOME=$TMP/home run complete_bash quiz -k ""
	[ "$output" = $'know\nours\nself' ]
	unset XDG_DATA_HOME
	HOME=$TMP/home run complete_bash quiz -k ""
	[ "$output" = $'know\nours\nself' ]
	export XDG_DATA_HOME=$TMP/data-home
	# HEARTH_DATA alone.
	HEARTH_DATA=$USER_DATA run complete_bash quiz -k ""
	[ "$output" = $'mine\nself' ]
}

# zsh with the arguments given. In a sanitizer build (make check
# SANITIZE=1) a tool that zsh's completion runs was seen to hang now and
# then at exit, in LeakSanitizer's check, under bats alone; so here the
# check is off, and those tools' leaks are looked for by every other test.
zsh_run() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 zsh "$@"
}

@test "zsh: compinit finds _hearth in site-functions for all four tools" {
	command -v zsh > /dev/null || skip "zsh is not installed"
	run zsh -n "$ROOT/share/zsh/site-functions/_hearth"
	run zsh_run -fc '
		fpath=("$1" $fpath)
		autoload -Uz compinit && compinit -u -d "$2"
		autoload -Uz _hearth && whence -w _hearth
		print -r -- $_comps[section] $_comps[summary] $_comps[quiz] $_comps[score]
	' _ "$ROOT/share/zsh/site-functions" "$TMP/zcompdump"
	[ "${lines[0]}" = "_hearth: function" ]
	[ "${lines[1]}" = "_hearth _hearth _hearth _hearth" ]
}

@test "zsh: the candidates are the installed banks, the sections and the parts" {
	command -v zsh > /dev/null || skip "zsh is not installed"
	# _describe, which offers the candidates, replaced by one that prints them.
	run zsh_run -fc '
		fpath=("$1" $fpath)
		autoload -Uz compinit && compinit -u -d "$2"
		_describe() { print -rl -- "${(@P)${@[-1]}}" }
		service=none _hearth
		print -- banks:; _hearth_banks
		print -- refs:; _hearth_refs
		print -- parts:; _hearth_parts
	' _ "$ROOT/share/zsh/site-functions" "$TMP/zcompdump"
	diff -u <(echo banks:; echo know; echo self; echo refs:
		section -l | cut -f 1,2 | tr '\t' '\n'; echo parts:; section -p | cut -f 2 | sort -u) \
		<(printf '%s\n' "$output")
}

@test "zsh: the banks are those of every directory of the path, once each" {
	command -v zsh > /dev/null || skip "zsh is not installed"
	user_banks
	zsh_banks() {
		zsh_run -fc '
			fpath=("$1" $fpath)
			autoload -Uz compinit && compinit -u -d "$2"
			_describe() { print -rl -- "${(@P)${@[-1]}}" }
			service=none _hearth
			_hearth_banks
		' _ "$ROOT/share/zsh/site-functions" "$TMP/zcompdump"
	}
	run zsh_banks
	[ "$output" = $'know\nmine\nself' ]
	HEARTH_DATA=$USER_DATA run zsh_banks
	[ "$output" = $'mine\nself' ]
	mkdir -p "$TMP/home/.local/share/hearth"
	cp "$SHARE/know.bank" "$TMP/home/.local/share/hearth/ours.bank"
	XDG_DATA_HOME=rel HOME=$TMP/home run zsh_banks
	[ "$output" = $'know\nours\nself' ]
}

@test "fish: completions load from vendor_completions.d and complete slugs, parts and banks" {
	command -v fish > /dev/null || skip "fish is not installed"
	# fish looks in XDG_DATA_DIRS/fish/vendor_completions.d by itself.
	fish_complete() {
		HOME=$TMP XDG_DATA_DIRS=$ROOT/share fish -c 'complete -C$argv[1]' "$1" | cut -f 1
	}
	run fish_complete "section l"
	[ "$output" = letting-go ]
	run fish_complete "summary h"
	[ "$output" = home ]
	run fish_complete "section -f neu"
	[ "$output" = neuroscience ]
	run fish_complete "section -"
	grep -qx -- -c <<< "$output"
	run fish_complete "quiz -k "
	[ "$output" = $'know\nself' ]
	# The banks of every directory of the path, once each; HEARTH_DATA alone.
	user_banks
	run fish_complete "quiz -k "
	[ "$output" = $'know\nmine\nself' ]
	HEARTH_DATA=$USER_DATA run fish_complete "quiz -k "
	[ "$output" = $'mine\nself' ]
	touch "$TMP/journal"
	run fish_complete "quiz -a $TMP/jo"
	[ "$output" = "$TMP/journal" ]
	# -d takes a date, and a reminder no references: nothing is offered.
	run fish_complete "summary -d "
	[ -z "$output" ]
	run fish_complete "quiz -d "
	[ -z "$output" ]
	run fish_complete "summary -m "
	[ -z "$output" ]
	run fish_complete "summary -W "
	[ -z "$output" ]
	[ -L "$ROOT/share/fish/vendor_completions.d/summary.fish" ]
}

# Every option that takes a value, from the getopt strings of cmd/*.c, as
# TOOL OPTION WHAT: what completion offers for its value.
VALUED=("quiz -a files" "quiz -d nothing" "quiz -k banks" "quiz -n nothing"
	"quiz -s nothing" "score -w nothing" "section -f parts" "section -w nothing"
	"summary -d nothing" "summary -s nothing" "summary -w nothing")

# The word to complete for WHAT ($1), and the candidates it must give,
# one a line; the file is $TMP/journal, which $2 shows as the shell does.
valued_word() {
	case $1 in
	files) echo "$TMP/jo" ;;
	*) echo "" ;;
	esac
}
valued_want() {
	case $1 in
	files) echo "$2" ;;
	banks) printf '%s\n' know self ;;
	parts) section -p | cut -f 2 | sort -u ;;
	nothing) ;;
	esac
}

# Checks each option of VALUED with the completer $1 ($2: how it shows
# the file $TMP/journal); a date, count, seed or width gets nothing, also
# once it has begun.
check_valued() {
	local entry tool opt what want
	touch "$TMP/journal"
	for entry in "${VALUED[@]}"; do
		read -r tool opt what <<< "$entry"
		want=$(valued_want "$what" "$2")
		run "$1" "$tool" "$opt" "$(valued_word "$what")" || return 1
		[ "$output" = "$want" ] ||
			{ echo "$tool $opt: offered [$output], want [$want]"; return 1; }
		[ "$what" = nothing ] || continue
		run "$1" "$tool" "$opt" 2 || return 1
		[ -z "$output" ] || { echo "$tool $opt 2: offered [$output]"; return 1; }
	done
}

bash_valued() {
	complete_bash "$@" | grep . || true
}

@test "bash: every option that takes a value completes it: files, banks, parts or nothing" {
	check_valued bash_valued "$TMP/journal"
	# The option of a value at the end of a cluster of flags.
	run complete_bash section -cf neu
	[ "$output" = neuroscience ]
	run complete_bash quiz -ek ""
	[ "$output" = $'know\nself' ]
	run bash_valued section -cw ""
	[ -z "$output" ]
	run complete_bash section -w40 l
	[ "$output" = letting-go ]
}

# Completes the command line "$@" in an interactive zsh on a pseudo-
# terminal, _hearth loaded by compinit as a user has it, and prints each
# candidate the completion functions added, one a line.
zsh_valued() {
	local out=$TMP/zsh-candidates
	zsh_run -f /dev/stdin "$ROOT/share/zsh/site-functions" "$out" "$*" <<'EOF' || return 1
zmodload zsh/zpty || exit 1
fdir=$1 out=$2 line=$3
: > $out
zpty z zsh -f -i
# Reads the terminal until its output so far matches the pattern $1, for
# 20 s at most, so that a completion that never ends fails the test
# rather than hanging it.
wait_for() {
	local chunk seen= i
	for ((i = 0; i < 400; i++)); do
		while zpty -r -t z chunk; do seen+=$chunk; done
		[[ $seen == $~1 ]] && return 0
		sleep 0.05
	done
	print -u2 -r -- "zsh_valued: no $1 in: $seen"
	return 1
}
zpty -w z "PS1='%%' PS2= LISTMAX=10000 fpath=(${(q)fdir} \$fpath)"
zpty -w z "autoload -Uz compinit; compinit -u -d ${(q)out}.dump"
# compadd, wrapped: what it adds is written to $out. A call with -O, -A
# or -D only fills an array, and adds nothing.
zpty -w z "compadd() { if [[ \${@[1,(i)--]} == *-[OAD]\\ * ]]; then builtin compadd \"\$@\"; return; fi; local -a m; builtin compadd -A m \"\$@\"; (( \$#m )) && print -rl -- \$m >> ${(q)out}; builtin compadd \"\$@\"; }"
zpty -w z 'print RE""ADY'
wait_for '*READY*%*' || exit 1
# The line, a tab, the line erased; the print runs after the completion.
zpty -w -n z "$line"$'\t\C-u'
zpty -w z 'print DO""NE'
wait_for '*DONE*' || exit 1
zpty -d z
EOF
	cat "$out"
}

@test "zsh: every option that takes a value completes it: files, banks, parts or nothing" {
	command -v zsh > /dev/null || skip "zsh is not installed"
	zsh -fc 'zmodload zsh/zpty' || skip "zsh has no zpty module"
	# zsh offers a file by its name in the directory typed.
	check_valued zsh_valued journal
	run zsh_valued section -cf neu
	[ "$output" = neuroscience ]
	run zsh_valued summary h
	[ "$output" = home ]
}

fish_valued() {
	HOME=$TMP XDG_DATA_DIRS=$ROOT/share fish -c 'complete -C$argv[1]' "$*" | cut -f 1
}

@test "fish: every option that takes a value completes it: files, banks, parts or nothing" {
	command -v fish > /dev/null || skip "fish is not installed"
	check_valued fish_valued "$TMP/journal"
	run fish_valued section -cf neu
	[ "$output" = neuroscience ]
}

# Runs the README's crontab line that the regular expression $1 matches,
# its command after the five time fields, as cron runs it: the installed
# tree for /usr/local, an empty environment, no terminal and no stdin.
run_cron_line() {
	local line command setsid=()
	line=$(grep -m 1 "$1" "$HEARTH_TOP/README.md")
	[ -n "$line" ] || { echo "README.md has no line like $1"; return 1; }
	command=$(sed -E 's/^ +([^ ]+ +){5}//' <<< "$line")
	command=${command//\/usr\/local/$ROOT}
	command -v setsid > /dev/null && setsid=(setsid -w)
	run "${setsid[@]}" "${EMPTY_ENV[@]}" HOME="$TMP" SHELL=/bin/sh \
		/bin/sh -c "$command" < /dev/null
}

@test "the README's cron line, run as cron runs it, prints one reminder and exits 0" {
	run_cron_line '^    0 8 \* \* \* /usr/local/bin/summary -m$'
	[ "${#lines[@]}" -eq 1 ]
	grep -qxF -- "$output" "$SHARE/reminders"
	[ "$output" = "$(summary -m)" ]
}

@test "the README's weekly cron line, run as cron runs it, prints the week's reminder" {
	run_cron_line '^    0 8 \* \* 1 /usr/local/bin/summary -W$'
	[ "${#lines[@]}" -ge 1 ]
	grep -qxF -- "${lines[0]}" "$SHARE/reminders"
	[ "$output" = "$(summary -W)" ]
}

@test "the pages' crontab lines name the installed summary, and run as cron runs them" {
	command -v man > /dev/null || skip "man is not installed"
	local page lines_of command
	for page in "1 summary" "7 hearth"; do
		# shellcheck disable=SC2086 # a section and a name: two words
		lines_of=$(MANWIDTH=200 man -M "$ROOT/share/man" $page |
			sed -n 's|^ *0 8 \* \* [*1] \(/\)|\1|p')
		[ "$(wc -l <<< "$lines_of")" -ge 2 ] || { echo "$page: $lines_of"; return 1; }
		[[ $lines_of != */usr/local/* ]] || { echo "$page: $lines_of"; return 1; }
		while read -r command; do
			[[ $command == "$ROOT/bin/summary -"[mW] ]] ||
				{ echo "$page: $command"; return 1; }
			run "${EMPTY_ENV[@]}" HOME="$TMP" /bin/sh -c "$command" < /dev/null || return 1
			grep -qxF -- "${lines[0]}" "$SHARE/reminders" || return 1
		done <<< "$lines_of"
	done
	MANWIDTH=200 run man -M "$ROOT/share/man" 7 hearth
	[[ $output == *"notify-send hearth \"\$($ROOT/bin/summary -m)\""* ]]
}

@test "the README's notification line gives notify-send the display, the bus and one reminder" {
	local line command
	line=$(grep -m 1 '^    0 8 \* \* \* DISPLAY=.*notify-send' "$HEARTH_TOP/README.md")
	[ -n "$line" ]
	mkdir "$TMP/bin"
	printf '#!/bin/sh\nprintf "%%s\\n" "$DISPLAY" "$DBUS_SESSION_BUS_ADDRESS" "$@"\n' \
		> "$TMP/bin/notify-send"
	chmod +x "$TMP/bin/notify-send"
	command=${line#    0 8 \* \* \* }
	command=${command//\/usr\/local/$ROOT}
	command=${command/notify-send/$TMP/bin/notify-send}
	run "${EMPTY_ENV[@]}" /bin/sh -c "$command" < /dev/null
	[ "${lines[0]}" = :0 ]
	[[ ${lines[1]} == unix:path=/run/user/*/bus ]]
	[ "${lines[2]}" = hearth ]
	grep -qxF -- "${lines[3]}" "$SHARE/reminders"
	[ "${#lines[@]}" -eq 4 ]
}

@test "the systemd examples are installed with the install paths, and verify" {
	local service=$ROOT/share/hearth/examples/hearth-reminder.service
	local timer=$ROOT/share/hearth/examples/hearth-reminder.timer
	grep -qx "ExecStart=$ROOT/bin/summary -m" "$service"
	grep -qx "#   cp $ROOT/share/hearth/examples/hearth-reminder.\* ~/.config/systemd/user/" "$service"
	grep -qx 'OnCalendar=\*-\*-\* 08:00:00' "$timer"
	run -1 grep -c '@[A-Z]*@' "$service" "$timer"
	[ "$output" = "$service:0"$'\n'"$timer:0" ]
	# The ExecStart line runs as it stands.
	run sh -c "$(sed -n 's/^ExecStart=//p' "$service")"
	[ "$output" = "$(summary -m)" ]
	# The pages by their installed paths, which need no MANPATH.
	local unit
	for unit in "$service" "$timer"; do
		grep -qx "Documentation=man:$ROOT/share/man/man1/summary.1 man:$ROOT/share/man/man7/hearth.7" \
			"$unit" || return 1
	done
	command -v systemd-analyze > /dev/null || skip "systemd-analyze is not installed"
	# verify runs man for each man: page: with no MANPATH that names the
	# private prefix, and from the directory a user copies them to.
	mkdir -p "$TMP/units"
	cp "$service" "$timer" "$TMP/units/"
	cd "$TMP/units"
	run env -u MANPATH systemd-analyze verify \
		hearth-reminder.service hearth-reminder.timer
	[ -z "$output" ]
	# ... and verify does look the pages up: a missing one fails it.
	sed -i "s|man1/summary.1|man1/no-such-page.1|" hearth-reminder.service
	run -1 --separate-stderr env -u MANPATH systemd-analyze verify hearth-reminder.service
	[[ $stderr == *no-such-page.1* ]]
}

@test "fortune reads the installed reminders file" {
	local fortune
	fortune=$(command -v fortune || command -v /usr/games/fortune) ||
		skip "fortune is not installed"
	command -v strfile > /dev/null || skip "strfile is not installed"
	[ -f "$ROOT/share/hearth/reminders.dat" ]
	run "$fortune" "$ROOT/share/hearth/reminders"
	[ -n "$output" ]
	# fortune prints an entry as it is in the file: find it there.
	awk -v want="$output" 'BEGIN { RS = "%\n" } { sub(/\n$/, "") } $0 == want { found = 1 } END { exit !found }' \
		"$SHARE/reminders"
}

@test "fortune: hearth(7)'s line for a reminders file of one's own reads no stale index" {
	local fortune line i
	fortune=$(command -v fortune || command -v /usr/games/fortune) ||
		skip "fortune is not installed"
	command -v strfile > /dev/null || skip "strfile is not installed"
	line=$(grep -m 1 '^strfile -s ~/.local/share/hearth/reminders && fortune ' \
		"$HEARTH_TOP/man/hearth.7.scd")
	[ -n "$line" ]
	line=${line/fortune /$fortune }
	mkdir -p "$TMP/home/.local/share/hearth"
	local file=$TMP/home/.local/share/hearth/reminders
	printf 'A.\n%%\nB.\n' > "$file"
	strfile -s "$file"
	# Edited after it was indexed: the entries grow.
	printf 'The first reminder, longer now.\n%%\nThe second, longer too.\n' > "$file"
	for i in 1 2 3 4 5 6; do
		HOME=$TMP/home run sh -c "$line"
		[[ $output == "The first reminder, longer now." ||
			$output == "The second, longer too." ]] || { echo "fragment: $output"; return 1; }
	done
	# And the tools read the same file, without an index.
	unset XDG_DATA_HOME
	HOME=$TMP/home run summary -R -s 1
	[[ $output == "The first reminder, longer now." || $output == "The second, longer too." ]]
}
