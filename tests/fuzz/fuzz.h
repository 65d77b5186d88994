/* fuzz.h: what the libFuzzer harnesses of tests/fuzz share.
 *
 * Every error in hearth's library ends in exit_hook, which the
 * harnesses point at fuzz_exit_hook: it longjmps back to the setjmp in
 * LLVMFuzzerTestOneInput, which then frees what the failed parser built.
 * Use it as
 *
 *	if (setjmp(fuzz_jump) == 0) {
 *		fuzz_armed = 1;
 *		... code that may fail ...
 *	}
 *	fuzz_armed = 0;
 *	... free everything ...
 *
 * and keep what the code under test changes in static storage, so that
 * its value is defined after the longjmp. */
#ifndef FUZZ_H
#define FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

extern jmp_buf fuzz_jump;
extern volatile int fuzz_armed;

/* Sets up a harness once: HEARTH_DATA (the source tree's share/ unless the
 * environment names another), exit_hook, and the library's messages
 * sent to /dev/null unless FUZZ_VERBOSE is set in the environment. */
void fuzz_start(void);
/* A malloc'd copy of the input with a NUL after its size bytes. */
char *fuzz_copy(const uint8_t *data, size_t size);
/* A new file name in a private temporary directory, removed at exit. */
char *fuzz_temp_path(const char *name);
/* Replaces the file's contents with the input; aborts on failure. */
void fuzz_write_file(const char *path, const uint8_t *data, size_t size);
/* Aborts with a message: a broken invariant is a finding. */
void fuzz_fail(const char *what);

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
