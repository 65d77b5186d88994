# Shared set-up for hearth's bats tests. HEARTH_BIN names the tree under
# test (tests/run sets it: the build tree, then an installed one); without
# it the build tree is used.
bats_require_minimum_version 1.5.0

HEARTH_TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
case $HEARTH_TOP in */tests) HEARTH_TOP=${HEARTH_TOP%/tests} ;; esac
: "${HEARTH_BIN:=$HEARTH_TOP/cmd}"
if [ "${HEARTH_TREE:-build}" = build ]; then
	: "${HEARTH_DATA:=$HEARTH_TOP/share}"
	export HEARTH_DATA
fi
PATH=$HEARTH_BIN:$PATH
GOLDEN=$HEARTH_TOP/tests/golden
SHARE=$HEARTH_TOP/share

# A private copy of the data files, for tests that break them.
data_copy() {
	DATA=$BATS_TEST_TMPDIR/data
	mkdir -p "$DATA"
	cp -R "$SHARE"/. "$DATA"/
	export HEARTH_DATA=$DATA
}

# status, stdout and stderr together: the common shape of a usage error.
assert_usage_error() {
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ $stderr == *"usage: "* ]]
}

# Fails with a readable diff when $output differs from the file given.
assert_output_file() {
	diff -u "$1" <(printf '%s\n' "$output")
}
