# bash completion for hearth's tools: section, summary, quiz and score.
# Section references and part names come from `section -l` and
# `section -p`, so they follow the data; question banks are the *.bank
# files of the directories of the data path.

_hearth_refs()
{
	section -l 2> /dev/null | cut -f 1,2 | tr '\t' '\n'
}

_hearth_parts()
{
	section -p 2> /dev/null | cut -f 2 | sort -u
}

# The directories of the data path, one a line: HEARTH_DATA alone when it
# is set, else the user's data directory and then DATADIR, as in hearth-files(5).
_hearth_data_dirs()
{
	if [ -n "${HEARTH_DATA:-}" ]; then
		printf '%s\n' "$HEARTH_DATA"
		return
	fi
	if [[ ${XDG_DATA_HOME:-} == /* ]]; then
		printf '%s\n' "$XDG_DATA_HOME/hearth"
	elif [[ ${HOME:-} == /* ]]; then
		printf '%s\n' "$HOME/.local/share/hearth"
	fi
	printf '%s\n' "@DATADIR@"
}

_hearth_banks()
{
	local dir bank
	_hearth_data_dirs | while IFS= read -r dir; do
		for bank in "$dir"/*.bank; do
			[ -f "$bank" ] || continue
			bank=${bank##*/}
			printf '%s\n' "${bank%.bank}"
		done
	done | sort -u
}

# Prints the option letter of the word $1 that takes the next word as
# its value: its last letter, when that is one of the letters $2 and no
# letter before it is (-cf waits for a part; -w40f has its value).
_hearth_pending()
{
	local letters=${1#-} letter
	[[ $1 == -[!-]* ]] || return 0
	while [ -n "$letters" ]; do
		letter=${letters:0:1}
		letters=${letters:1}
		if [[ $2 == *"$letter"* ]]; then
			[ -n "$letters" ] || printf '%s\n' "$letter"
			return 0
		fi
	done
}

# Sets COMPREPLY to the words of $1 (one a line) that start with $2.
_hearth_offer()
{
	local IFS=$'\n'
	COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_hearth()
{
	local cur=${COMP_WORDS[COMP_CWORD]}
	local prev=${COMP_WORDS[COMP_CWORD - 1]}
	local tool=${COMP_WORDS[0]##*/} options word valued

	COMPREPLY=()
	# The letters of each tool's getopt string that take a value.
	case $tool in
	section) valued=fw ;;
	summary) valued=dsw ;;
	quiz) valued=adkns ;;
	score) valued=w ;;
	esac
	case $tool:$(_hearth_pending "$prev" "$valued") in
	section:f) _hearth_offer "$(_hearth_parts)" "$cur"; return ;;
	quiz:k) _hearth_offer "$(_hearth_banks)" "$cur"; return ;;
	quiz:a) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	# A date (summary: YYYY-MM-DD; quiz: YYYY-MM-DD[THH:MM]), a width, a
	# count or a seed: nothing to offer.
	*:?) return ;;
	esac
	case $tool in
	section) options='-c -f -h -l -p -V -w --help --version' ;;
	summary) options='-d -h -m -o -R -s -V -W -w --help --version' ;;
	quiz) options='-a -d -e -h -k -l -n -s -V --help --version' ;;
	score) options='-e -H -h -j -M -r -t -V -w --help --version' ;;
	esac
	if [[ $cur == -* ]]; then
		_hearth_offer "${options// /$'\n'}" "$cur"
		return
	fi
	# summary's reminders (-m, -d, -o, -W, -R) take no references.
	if [ "$tool" = summary ]; then
		for word in "${COMP_WORDS[@]:1:COMP_CWORD - 1}"; do
			[ "$word" != -- ] || break
			[[ $word != -[!-]* || ${word#-} != *[mdoWR]* ]] || return
		done
	fi
	case $tool in
	section | summary) _hearth_offer "$(_hearth_refs)" "$cur" ;;
	score) COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}

complete -F _hearth section summary quiz
complete -F _hearth -o filenames score
