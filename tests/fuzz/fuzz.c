/* fuzz.c: what the libFuzzer harnesses of tests/fuzz share; see fuzz.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"
#include "fuzz.h"

#ifndef FUZZ_DATA_DIR
#define FUZZ_DATA_DIR "share"
#endif

jmp_buf fuzz_jump;
volatile int fuzz_armed;

static char *temp_dir;
static char **temp_files;
static size_t ntemp_files;

void fuzz_fail(const char *what)
{
	/* The original stderr: see quiet_library. */
	static const char head[] = "fuzz: broken invariant: ";

	if (write(STDERR_FILENO, head, sizeof head - 1) < 0 ||
	    write(STDERR_FILENO, what, strlen(what)) < 0 ||
	    write(STDERR_FILENO, "\n", 1) < 0)
		abort();
	abort();
}

static void take_exit(int status)
{
	(void)status;
	if (!fuzz_armed)
		fuzz_fail("exit_hook called outside a setjmp");
	fuzz_armed = 0;
	longjmp(fuzz_jump, 1);
}

/* The library's messages (warn, die) would drown libFuzzer's own. Both go
 * to the stream stderr, and libFuzzer took its copy of the pointer before
 * main, so pointing stderr at /dev/null silences the library alone; the
 * sanitizers write to descriptor 2, which stays as it was. (freopen would
 * silence libFuzzer too.) glibc's stderr is a variable; elsewhere the
 * messages stay. */
static void quiet_library(void)
{
#ifdef __GLIBC__
	FILE *null = fopen("/dev/null", "w");

	if (!null)
		fuzz_fail("cannot open /dev/null");
	stderr = null;
#endif
}

static void remove_temp(void)
{
	size_t i;

	for (i = 0; i < ntemp_files; i++) {
		unlink(temp_files[i]);
		free(temp_files[i]);
	}
	free(temp_files);
	if (temp_dir)
		rmdir(temp_dir);
	free(temp_dir);
}

void fuzz_start(void)
{
	const char *verbose = getenv("FUZZ_VERBOSE");
	const char *data = getenv("HEARTH_DATA");

	if (!data || !*data)
		setenv("HEARTH_DATA", FUZZ_DATA_DIR, 1);
	exit_hook = take_exit;
	if (!verbose || !*verbose)
		quiet_library();
}

char *fuzz_copy(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

char *fuzz_temp_path(const char *name)
{
	const char *tmp = getenv("TMPDIR");
	char *path;

	if (!temp_dir) {
		temp_dir = xasprintf("%s/hearth-fuzz.XXXXXX",
		                     tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(temp_dir))
			fuzz_fail("cannot make a temporary directory");
		atexit(remove_temp);
	}
	path = xasprintf("%s/%s", temp_dir, name);
	temp_files = xrealloc(temp_files, ntemp_files + 1, sizeof *temp_files);
	temp_files[ntemp_files++] = path;
	return path;
}

void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n;

	if (fd < 0)
		fuzz_fail("cannot write a temporary file");
	while (size > 0) {
		n = write(fd, data, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			fuzz_fail("cannot write a temporary file");
		data += n;
		size -= (size_t)n;
	}
	if (close(fd) != 0)
		fuzz_fail("cannot write a temporary file");
}
