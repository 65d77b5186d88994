/* fuzz_refs: section references, against the real guide (share/guide),
 * loaded once.
 *
 * The whole input (up to a NUL) and each of its lines are looked up with
 * guide_find, whose answer is checked. Then the lines are the operands of
 * refs_collect; an operand "-" reads references from stdin, which is then
 * the input itself, from a temporary file. An unknown or ambiguous reference
 * exits through exit_hook, back here, and the list is freed with
 * refs_free. Reproduce with: tests/fuzz/build/fuzz_refs FILE */
#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"
#include "fuzz.h"

static struct guide guide;
static char *stdin_path;
/* Static, so that their contents are defined after a longjmp. */
static struct ref_list list;
static char **operands;
static int noperands;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_start();
	guide_load(&guide);
	stdin_path = fuzz_temp_path("stdin");
	return 0;
}

/* What guide_find must answer: a number finds that section; otherwise a
 * slug, or a prefix of exactly one slug, ignoring case. */
static void check_find(const char *ref)
{
	const struct guide_section *s, *want = NULL;
	enum ref_status status, expect = REF_UNKNOWN;
	size_t i, len = strlen(ref), matches = 0, j;
	long number;

	status = guide_find(&guide, ref, &s);
	if ((status == REF_FOUND) != (s != NULL))
		fuzz_fail("guide_find's status and section disagree");
	if (*ref && parse_number(ref, len, 1, SECTION_NUMBER_MAX, &number)) {
		for (i = 0; i < guide.nsections; i++)
			if (guide.sections[i].number == number)
				want = &guide.sections[i];
		expect = want ? REF_FOUND : REF_UNKNOWN;
	} else if (*ref) {
		for (i = 0; i < guide.nsections; i++) {
			const char *slug = guide.sections[i].slug;

			if (strlen(slug) < len)
				continue;
			for (j = 0; j < len; j++)
				if (tolower((unsigned char)ref[j]) != slug[j])
					break;
			if (j < len)
				continue;
			if (strlen(slug) == len) {
				want = &guide.sections[i];
				matches = 1;
				break;
			}
			want = &guide.sections[i];
			matches++;
		}
		if (matches > 1)
			want = NULL;
		expect = matches > 1 ? REF_AMBIGUOUS
		                     : matches ? REF_FOUND : REF_UNKNOWN;
	}
	if (status != expect || s != want)
		fuzz_fail("guide_find gives another section");
}

/* Lines of the input as operands, the newlines made NULs. */
static char **split(char *text, size_t size, int *count)
{
	char **v;
	size_t i, n = 1;
	int k = 0;

	for (i = 0; i < size; i++)
		n += text[i] == '\n';
	v = xcalloc(n + 1, sizeof *v);
	v[k++] = text;
	for (i = 0; i < size; i++) {
		if (text[i] == '\n') {
			text[i] = '\0';
			v[k++] = text + i + 1;
		}
	}
	*count = k;
	return v;
}

/* stdin: the input, from its start. */
static void input_as_stdin(const uint8_t *data, size_t size)
{
	int fd;

	fuzz_write_file(stdin_path, data, size);
	fd = open(stdin_path, O_RDONLY);
	if (fd < 0 || dup2(fd, STDIN_FILENO) < 0)
		fuzz_fail("cannot make the input stdin");
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_copy(data, size);
	size_t i;
	int k;

	check_find(text);
	operands = split(text, size, &noperands);
	for (k = 0; k < noperands; k++)
		check_find(operands[k]);
	for (k = 0; k < noperands; k++) {
		if (strcmp(operands[k], "-") == 0) {
			input_as_stdin(data, size);
			break;
		}
	}

	memset(&list, 0, sizeof list);
	if (setjmp(fuzz_jump) == 0) {
		fuzz_armed = 1;
		refs_collect(&list, &guide, operands, noperands);
		fuzz_armed = 0;
		for (i = 0; i < list.count; i++)
			if (list.items[i] < guide.sections ||
			    list.items[i] >= guide.sections + guide.nsections)
				fuzz_fail("refs_collect gives a stray section");
	}
	fuzz_armed = 0;
	refs_free(&list);
	free(operands);
	free(text);
	return 0;
}
