load helper

# Behaviour every hearth tool shares. Add new tools here, and to the case
# statements below.
TOOLS=(quiz score section summary)

VERSION=$(make_version)

# A journal of $1 complete self sessions, all answered 3.
make_journal() {
	JOURNAL=$BATS_TEST_TMPDIR/journal
	# A loop in awk: bats traces every shell command, so loops there are slow.
	yes 3 | quiz | awk -v n="$1" '{ s = s $0 "\n" } END { for (k = 0; k < n; k++) printf "%s", s }' > "$JOURNAL"
}

# Arguments that make tool $1 print several lines.
several_lines_args() {
	case $1 in
	quiz) ARGS=(-l) ;;
	score) make_journal 2; ARGS=("$JOURNAL") ;;
	section | summary) ARGS=() ;;
	*) echo "several_lines_args: add a case for $1"; return 1 ;;
	esac
}

# Arguments that make tool $1 print far more than a pipe holds (64 KiB), so
# that a reader exiting early is sure to leave it writing to a broken pipe.
long_output_args() {
	ARGS=()
	case $1 in
	quiz)
		[ -n "${DATA:-}" ] || data_copy
		awk -F'\t' -v OFS='\t' '
			$1 == "item" { item[n++] = $0; next }
			{ print }
			END {
				for (k = 0; k < 3000; k++) {
					split(item[k % n], f, "\t")
					print "item", "x" k, f[3], f[4], f[5]
				}
			}' "$SHARE/self.bank" > "$DATA/big.bank"
		ARGS=(-l -k big) ;;
	score) make_journal 2000; ARGS=("$JOURNAL") ;;
	section | summary) mapfile -t ARGS < <(yes 1 | head -n 2000) ;;
	*) echo "long_output_args: add a case for $1"; return 1 ;;
	esac
}

# An option of tool $1 that takes a value, a good value for it, and the
# message a bad value "$2" gives; VALUE_OPT is empty for a tool without one.
value_option() {
	case $1 in
	quiz)
		VALUE_OPT=-k VALUE_GOOD=self
		VALUE_MESSAGE="bank '$2' is not a bank name" ;;
	score) VALUE_OPT= ;;
	section | summary)
		VALUE_OPT=-w VALUE_GOOD=1
		VALUE_MESSAGE="-w '$2' is not a number from 0 to 100000" ;;
	*) echo "value_option: add a case for $1"; return 1 ;;
	esac
}

# True when this shell was started with SIGPIPE ignored, which no shell
# can undo for its children.
sigpipe_ignored() {
	local mask
	mask=$(sed -n 's/^SigIgn:[[:space:]]*//p' "/proc/$$/status" 2> /dev/null) ||
		return 1
	[ -n "$mask" ] && (((16#$mask >> 12) & 1))
}

@test "the Makefile has a version X.Y.Z" {
	[[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "-h and --help print the usage to stdout and exit 0" {
	local tool help
	for tool in "${TOOLS[@]}"; do
		run "$tool" -h
		[[ ${lines[0]} == "usage: $tool "* ]]
		[[ $output == *"-h "*"-V "* ]]
		help=$output

		run "$tool" --help
		[ "$output" = "$help" ]

		# --help wins wherever it is before "--", even after an error.
		run "$tool" -Q --help
		[ "$output" = "$help" ]
	done
}

@test "-V and --version print exactly 'hearth VERSION'" {
	local tool opt
	[ -n "$VERSION" ]
	for tool in "${TOOLS[@]}"; do
		for opt in -V --version; do
			run "$tool" "$opt"
			[ "$output" = "hearth $VERSION" ]
			[ "${#lines[@]}" -eq 1 ]
		done
	done
}

@test "--help and --version after -- are operands" {
	local tool opt
	for tool in "${TOOLS[@]}"; do
		for opt in --help --version; do
			run ! "$tool" -- "$opt"
			case $tool in
			quiz) assert_usage_message quiz "quiz takes no operands" ;;
			score) assert_error "score: $opt: No such file or directory" ;;
			*) assert_error "$tool: no section '$opt' (see section -l)" ;;
			esac
		done
	done
}

@test "an option's value is never taken for --help or --version" {
	local tool opt
	for tool in "${TOOLS[@]}"; do
		for opt in --help --version; do
			value_option "$tool" "$opt"
			[ -n "$VALUE_OPT" ] || continue
			run -2 "$tool" "$VALUE_OPT" "$opt"
			assert_usage_message "$tool" "$VALUE_MESSAGE"
		done
	done
}

@test "an unknown option is a usage error" {
	local tool
	for tool in "${TOOLS[@]}"; do
		run -2 "$tool" -Q
		assert_usage_message "$tool" "unknown option -Q"

		run -2 "$tool" -Q 1
		assert_usage_message "$tool" "unknown option -Q"

		value_option "$tool" 1
		[ -n "$VALUE_OPT" ] || continue
		run -2 "$tool" "$VALUE_OPT" "$VALUE_GOOD" -Q
		assert_usage_message "$tool" "unknown option -Q"
	done
}

@test "an unknown long option is named whole" {
	local tool
	for tool in "${TOOLS[@]}"; do
		run -2 "$tool" --colour=always
		assert_usage_message "$tool" "unknown option --colour=always"
	done
}

@test "an option without its value is a usage error" {
	local tool
	for tool in "${TOOLS[@]}"; do
		value_option "$tool" x
		[ -n "$VALUE_OPT" ] || continue
		run -2 "$tool" "$VALUE_OPT"
		assert_usage_message "$tool" "option $VALUE_OPT needs a value"
	done
}

@test "output to a full disk is a write error" {
	local tool opt cmd
	for tool in "${TOOLS[@]}"; do
		several_lines_args "$tool"
		for opt in "" -h -V; do
			if [ -n "$opt" ]; then cmd=("$tool" "$opt"); else cmd=("$tool" "${ARGS[@]}"); fi
			run -1 bash -c '"$@" > /dev/full' _ "${cmd[@]}"
			assert_error "$tool: write error: No space left on device"
		done
	done
}

@test "a reader that stops early (head -n 1) gets one line, no error" {
	local tool first
	for tool in "${TOOLS[@]}"; do
		several_lines_args "$tool"
		run "$tool" "${ARGS[@]}"
		[ "${#lines[@]}" -gt 1 ]
		first=${lines[0]}

		run bash -c 'set +o pipefail; "$@" | head -n 1' _ "$tool" "${ARGS[@]}"
		[ "$output" = "$first" ]
	done
}

@test "a reader that stops early on long output: the tool ends quietly" {
	sigpipe_ignored && skip "SIGPIPE is ignored by the test's parent"
	local tool first
	for tool in "${TOOLS[@]}"; do
		long_output_args "$tool"
		[ "$("$tool" "${ARGS[@]}" | wc -c)" -gt 200000 ]
		first=$("$tool" "${ARGS[@]}" | sed -n 1p)

		run bash -c 'set +o pipefail; "$@" | head -n 1' _ "$tool" "${ARGS[@]}"
		[ "$output" = "$first" ]
	done
}

@test "with SIGPIPE ignored, a broken pipe is a write error" {
	local tool first
	for tool in "${TOOLS[@]}"; do
		long_output_args "$tool"
		run -1 bash -c \
			'trap "" PIPE; "$@" | head -n 1; exit "${PIPESTATUS[0]}"' _ \
			"$tool" "${ARGS[@]}"
		[ "${#lines[@]}" -eq 1 ]
		[ "$stderr" = "$tool: write error: Broken pipe" ]
	done
}

@test "a closed stdout is a write error, not a crash" {
	local tool opt cmd
	for tool in "${TOOLS[@]}"; do
		several_lines_args "$tool"
		for opt in "" -h -V; do
			if [ -n "$opt" ]; then cmd=("$tool" "$opt"); else cmd=("$tool" "${ARGS[@]}"); fi
			run -1 bash -c '"$@" >&-' _ "${cmd[@]}"
			[ -z "$output" ]
			[[ $stderr == "$tool: write error: "?* ]]
			[ "${#stderr_lines[@]}" -eq 1 ]
		done
	done
}

@test "a closed stderr still gives the exit status" {
	local tool
	for tool in "${TOOLS[@]}"; do
		run -2 bash -c '"$@" 2>&-' _ "$tool" -Q
		[ -z "$output" ]
		[ -z "$stderr" ]

		run bash -c '"$@" 2>&-' _ "$tool" -V
		[ "$output" = "hearth $VERSION" ]
	done
}

@test "a closed stdin does not stop a tool that does not read it" {
	local tool
	for tool in "${TOOLS[@]}"; do
		run bash -c '"$@" <&-' _ "$tool" -V
		[ "$output" = "hearth $VERSION" ]
	done
}
