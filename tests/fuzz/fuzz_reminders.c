/* fuzz_reminders: the fortune(6)-format reminders file, reminders_parse.
 *
 * The input is copied into a buffer with a NUL after it, as the real
 * loader guarantees. reminders_parse never exits; what it gives must be
 * entries inside the buffer and, when the input has no NUL byte (the
 * loader refuses those), none empty, none ending in a newline, none
 * holding a "%" line. Reproduce with: tests/fuzz/build/fuzz_reminders FILE */
#include <stdlib.h>
#include <string.h>

#include "hearth.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_start();
	return 0;
}

static void check_entry(const char *text, size_t size, int has_nul,
                        const char *e)
{
	const char *line, *nl;
	size_t len;

	if (e < text || e >= text + size)
		fuzz_fail("an entry is outside the text");
	if (has_nul)
		return;
	len = strlen(e);
	if (len == 0 || e + len > text + size)
		fuzz_fail("an entry is empty or runs past the text");
	if (e[len - 1] == '\n')
		fuzz_fail("an entry ends with a newline");
	for (line = e; line < e + len; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			nl = e + len;
		if (nl - line == 1 && *line == '%')
			fuzz_fail("an entry holds a % line");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reminders r;
	int has_nul = size > 0 && memchr(data, '\0', size) != NULL;
	size_t i;

	memset(&r, 0, sizeof r);
	r.text = fuzz_copy(data, size);
	reminders_parse(&r, r.text, size);
	if (r.count > 0 && !r.entries)
		fuzz_fail("entries are counted but missing");
	for (i = 0; i < r.count; i++)
		check_entry(r.text, size, has_nul, r.entries[i]);
	reminders_free(&r);
	return 0;
}
