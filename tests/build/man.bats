# The manual: every page lint-clean, every OPTIONS section true to its
# binary. That man(1) finds the installed pages is in tests/installed.
load ../helper

PAGES=(quiz.1 score.1 section.1 summary.1 hearth-files.5 hearth.7)

setup() {
	command -v scdoc > /dev/null || skip "scdoc is not installed"
}

@test "every binary has a page with every section the standard asks for" {
	local tool heading
	for tool in quiz score section summary; do
		[ -f "$HEARTH_TOP/man/$tool.1.scd" ]
		for heading in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" \
			ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
			grep -qx "# $heading" "$HEARTH_TOP/man/$tool.1.scd" ||
				{ echo "$tool.1 lacks $heading"; return 1; }
		done
	done
}

@test "mandoc -Tlint: no error, no warning but scdoc's paragraph macros" {
	command -v mandoc > /dev/null || skip "mandoc is not installed"
	local page report
	for page in "${PAGES[@]}"; do
		report=$(mandoc -Tlint -W warning "$HEARTH_TOP/man/$page" 2>&1 |
			grep -v 'WARNING: skipping paragraph macro' || true)
		[ -z "$report" ] || { echo "$page: $report"; return 1; }
	done
}

@test "groff -man -ww -z prints nothing" {
	command -v groff > /dev/null || skip "groff is not installed"
	local page report
	# The pages are UTF-8 (hearth(7) names Vrtička): -k and -Tutf8 read
	# and set them as man(1) does.
	for page in "${PAGES[@]}"; do
		report=$(groff -k -Tutf8 -man -ww -z "$HEARTH_TOP/man/$page" 2>&1)
		[ -z "$report" ] || { echo "$page: $report"; return 1; }
	done
}

@test "every bold and italic run is closed" {
	local page opened closed
	for page in "${PAGES[@]}"; do
		opened=$(grep -o '\\f[BI]' "$HEARTH_TOP/man/$page" | wc -l)
		closed=$(grep -o '\\fR' "$HEARTH_TOP/man/$page" | wc -l)
		[ "$opened" -eq "$closed" ] ||
			{ echo "$page: $opened opened, $closed closed"; return 1; }
	done
}

# The option letters a page's OPTIONS section documents.
page_options() {
	sed -n '/^# OPTIONS/,/^# /p' "$HEARTH_TOP/man/$1.1.scd" |
		sed -n 's/^\*-\([A-Za-z0-9]\)\*.*/\1/p' | sort | tr -d '\n'
}

# The option letters a binary's usage lists.
usage_options() {
	"$1" -h | sed -n 's/^  -\([A-Za-z0-9]\) .*/\1/p' | sort | tr -d '\n'
}

# The option letters a binary's getopt string accepts.
source_options() {
	sed -n 's/^static const char optstring\[\] = "\(.*\)";/\1/p' \
		"$HEARTH_TOP/cmd/$1.c" | tr -d ':' | fold -w1 | sort | tr -d '\n'
}

@test "each page's OPTIONS are exactly the options its binary accepts" {
	local tool
	for tool in quiz score section summary; do
		[ -n "$(usage_options "$tool")" ]
		[ "$(page_options "$tool")" = "$(usage_options "$tool")" ] ||
			{ echo "$tool: page $(page_options "$tool"), usage $(usage_options "$tool")"; return 1; }
		[ "$(source_options "$tool")" = "$(usage_options "$tool")" ] ||
			{ echo "$tool: getopt $(source_options "$tool"), usage $(usage_options "$tool")"; return 1; }
		grep -q -- '--help' "$HEARTH_TOP/man/$tool.1.scd"
		grep -q -- '--version' "$HEARTH_TOP/man/$tool.1.scd"
	done
}

# hearth(7)'s table of options: a line "LETTER<TAB>TOOLS" a row.
option_table() {
	awk '/^# OPTIONS ACROSS THE TOOLS/ { on = 1; next }
		on && /^# / { on = 0 }
		on && /^\|  \*-/ { letter = $2; gsub(/[*]/, "", letter); getline; sub(/^:  /, ""); print letter "\t" $0 }' \
		"$HEARTH_TOP/man/hearth.7.scd"
}

@test "hearth(7) has one table of option letters: each letter once, each tool's letters all" {
	local tool table
	table=$(option_table)
	[ "$(wc -l <<< "$table")" -ge 15 ]
	# A letter has one row, so one meaning.
	[ -z "$(cut -f 1 <<< "$table" | sort | uniq -d)" ] ||
		{ echo "twice: $(cut -f 1 <<< "$table" | sort | uniq -d)"; return 1; }
	for tool in quiz score section summary; do
		[ "$(awk -F'\t' -v t="$tool" '$2 ~ ("(^|, )" t "(,|$)") || $2 == "all four" { print substr($1, 2, 1) }' <<< "$table" |
			sort | tr -d '\n')" = "$(usage_options "$tool")" ] ||
			{ echo "$tool: the table and -h differ"; return 1; }
	done
}

@test "each page's SYNOPSIS names every option of its binary" {
	local tool letter synopsis
	for tool in quiz score section summary; do
		synopsis=$(sed -n '/^# SYNOPSIS/,/^# /p' "$HEARTH_TOP/man/$tool.1.scd")
		for letter in $(usage_options "$tool" | fold -w1); do
			grep -q -- "-[A-Za-z]*$letter" <<< "$synopsis" ||
				{ echo "$tool: -$letter not in SYNOPSIS"; return 1; }
		done
	done
}

@test "the pages carry the data directory and the version from the Makefile" {
	local version datadir
	version=$(make_version)
	grep -q "hearth $version" "$HEARTH_TOP/man/section.1"
	# The DATADIR the binaries were built with.
	datadir=$(sed -n 's/^#define HEARTH_DATADIR "\(.*\)"$/\1/p' "$HEARTH_TOP/lib/config.h")
	[ -n "$datadir" ]
	grep -qF "$datadir/guide" "$HEARTH_TOP/man/section.1"
	run -1 grep -l '@DATADIR@\|@VERSION@\|@BINDIR@' "$HEARTH_TOP"/man/*.[157]
	[ -z "$output" ]
}
