# One version: the Makefile's VERSION is the newest heading of NEWS, what
# every tool's -V prints, and the name of the dist tarball.
load ../helper

@test "the newest 'hearth X.Y.Z' heading of NEWS is the Makefile's VERSION" {
	version=$(make_version)
	[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]
	newest=$(sed -n 's/^hearth \([0-9][0-9.]*[0-9]\)\( .*\)\{0,1\}$/\1/p' "$HEARTH_TOP/NEWS" |
		head -n 1)
	[ "$newest" = "$version" ] || { echo "NEWS: $newest, Makefile: $version"; return 1; }
}

@test "every tool's -V prints the Makefile's VERSION" {
	local tool
	for tool in quiz score section summary; do
		run "$tool" -V || return 1
		[ "$output" = "hearth $(make_version)" ] || { echo "$tool -V: $output"; return 1; }
	done
}

@test "make dist names the tarball after VERSION" {
	local src=$BATS_TEST_TMPDIR/src
	mkdir "$src"
	copy_sources "$src" tests
	make -s -C "$src" clean > /dev/null
	make -s -C "$src" dist > /dev/null
	run ls "$src"
	[[ $output == *"hearth-$(make_version).tar.gz"* ]]
	run tar -tzf "$src/hearth-$(make_version).tar.gz"
	[ "${lines[0]%%/*}" = "hearth-$(make_version)" ]
}
