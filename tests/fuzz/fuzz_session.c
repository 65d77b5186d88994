/* fuzz_session: sessions as score(1) reads them, through score's own code.
 *
 * cmd/score.c keeps its logic in static functions, so it is compiled into
 * this file, its main renamed score_main. Each input is written to a
 * temporary file and scored as `score FILE`, with HEARTH_DATA at the
 * source tree's share/; an input with a session header in it is scored
 * as `score -r FILE` and `score -t FILE FILE` too, and through the
 * report and JSON views (-H, -j, with -e and -t).
 * Errors in a session are reported and the session skipped; data errors
 * and running out of memory exit through exit_hook, back here.
 * score_main ends with out_finish(), which closes stdout, so stdout is
 * reopened on /dev/null before each run; descriptor 1 stays on /dev/null
 * throughout (libFuzzer writes to stderr). The library's messages go to
 * /dev/null too, unless FUZZ_VERBOSE is set.
 * Reproduce with: tests/fuzz/build/fuzz_session FILE */
#include "fuzz.h"

int score_main(int argc, char **argv);

#define main score_main
#include "../../cmd/score.c"
#undef main

static char *session_path;
static int null_fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_start();
	session_path = fuzz_temp_path("session");
	null_fd = open("/dev/null", O_WRONLY);
	if (null_fd < 0 || dup2(null_fd, STDOUT_FILENO) < 0)
		fuzz_fail("cannot send stdout to /dev/null");
	return 0;
}

static void score_once(const char *option, int twice)
{
	char *argv[5];
	int argc = 0;

	argv[argc++] = "score";
	if (option)
		argv[argc++] = (char *)option;
	argv[argc++] = session_path;
	if (twice)
		argv[argc++] = session_path;
	argv[argc] = NULL;

	/* A new stream on /dev/null, for score_main to use and close. */
	if (!freopen("/dev/null", "w", stdout))
		fuzz_fail("cannot reopen stdout");
	optind = 1;
	if (setjmp(fuzz_jump) == 0) {
		fuzz_armed = 1;
		score_main(argc, argv);
	}
	fuzz_armed = 0;
	/* out_finish closed descriptor 1 with the stream: keep it taken, so
	 * that no file libFuzzer opens can become stdout. */
	if (fcntl(STDOUT_FILENO, F_GETFD) == -1 &&
	    dup2(null_fd, STDOUT_FILENO) < 0)
		fuzz_fail("cannot send stdout to /dev/null");
}

static int has_header(const uint8_t *data, size_t size)
{
	static const char magic[] = SESSION_MAGIC "\t";
	const size_t len = sizeof magic - 1;
	const uint8_t *p = data, *end = data + size;

	while (p && (size_t)(end - p) >= len) {
		if (memcmp(p, magic, len) == 0)
			return 1;
		p = memchr(p + 1, 'h', (size_t)(end - p) - 1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_file(session_path, data, size);
	score_once(NULL, 0);
	if (size > 0 && has_header(data, size)) {
		score_once("-r", 0);
		score_once("-t", 1);
		/* the views: the report and JSON, of results and of trends */
		score_once("-He", 0);
		score_once("-je", 0);
		score_once("-Ht", 1);
		score_once("-jt", 0);
	}
	return 0;
}
