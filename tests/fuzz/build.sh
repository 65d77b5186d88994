#!/bin/sh
# Builds the libFuzzer harnesses into tests/fuzz/build/, apart from the
# normal objects: the library's sources with fuzzer-no-link coverage and
# the sanitizers, each harness with -fsanitize=fuzzer. The objects are
# removed once linked (a full build takes seconds), so that no *.o is left
# under tests/ to be copied along with it. Needs lib/config.h, which make
# makes. FUZZ_CC names the compiler: clang with libFuzzer, 14 or later.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/tests/fuzz/build
obj=$out/obj
cc=${FUZZ_CC:-clang}
harnesses="records reminders session refs"

flags="-g -O1 -std=c99 -D_POSIX_C_SOURCE=200809L -Ilib -Wall -Wextra \
-fno-sanitize-recover=all"
lib_san=-fsanitize=fuzzer-no-link,address,undefined
san=-fsanitize=fuzzer,address,undefined
# The harnesses find the data of this tree unless HEARTH_DATA says other.
data_dir=$(printf '%s' "$top/share" | sed 's/[\\"]/\\&/g')

cd "$top" || exit 1
if [ ! -f lib/config.h ]; then
	echo "build.sh: lib/config.h is missing: make fuzz-build makes it" >&2
	exit 1
fi
rm -rf "$obj"
mkdir -p "$obj" || exit 1
echo "$cc $flags ..."
trap 'rm -rf "$obj"' EXIT

# Compiles in the background; the pids are waited for below.
pids=
compile() {
	o=$obj/$1
	shift
	echo "$cc ... -c -o ${o#$top/} $*"
	"$cc" $flags -c -o "$o" "$@" &
	pids="$pids $!"
}

lib_objs=
for src in lib/*.c; do
	o=lib-$(basename "$src" .c).o
	lib_objs="$lib_objs $obj/$o"
	compile "$o" $lib_san "$src"
done
# score's views, which the score.c inside fuzz_session calls.
view_objs=
for src in cmd/score-*.c; do
	o=view-$(basename "$src" .c).o
	view_objs="$view_objs $obj/$o"
	compile "$o" $lib_san "$src"
done
compile fuzz.o $san "-DFUZZ_DATA_DIR=\"$data_dir\"" tests/fuzz/fuzz.c
for h in $harnesses; do
	compile "fuzz_$h.o" $san "tests/fuzz/fuzz_$h.c"
done
failed=0
for pid in $pids; do
	wait "$pid" || failed=1
done
[ "$failed" -eq 0 ] || exit 1

for h in $harnesses; do
	views=
	[ "$h" != session ] || views=$view_objs
	echo "$cc ... $san -o tests/fuzz/build/fuzz_$h"
	"$cc" $flags $san -o "$out/fuzz_$h" "$obj/fuzz_$h.o" "$obj/fuzz.o" \
		$views $lib_objs || exit 1
done
