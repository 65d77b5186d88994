/* out.c: checked output to stdout */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

static int stdout_tty = -1;

/* Big enough that a long run of results costs few write calls; a failed
 * write still shows at the first flush, long before the input ends. */
static char stdout_buffer[65536];

void out_start(void)
{
	/* If it fails, stdio's own buffering serves as well. */
	if (!out_is_terminal())
		(void)setvbuf(stdout, stdout_buffer, _IOFBF,
		              sizeof stdout_buffer);
}

static void write_failed(void)
{
	die("write error:");
}

void out_write(const char *s, size_t len)
{
	if (len && fwrite(s, 1, len, stdout) != len)
		write_failed();
}

void out_str(const char *s)
{
	out_write(s, strlen(s));
}

void out_char(char c)
{
	if (putchar((unsigned char)c) == EOF)
		write_failed();
}

void out_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	if (n < 0)
		write_failed();
}

int out_is_terminal(void)
{
	if (stdout_tty < 0)
		stdout_tty = isatty(STDOUT_FILENO);
	return stdout_tty;
}

/* Whether the character at s must not reach a terminal as it is; sets *n
 * to its length. Such are a C0 control but tab and newline, DEL, a C1
 * control (U+0080 to U+009F, which 8-bit terminals also take as raw
 * bytes), a bidirectional embedding, override or isolate (U+202A to
 * U+202E, U+2066 to U+2069), and a byte that is not valid UTF-8. */
static int is_control(const char *s, size_t len, size_t *n)
{
	unsigned char c = (unsigned char)s[0];
	uint32_t cp;

	*n = 1;
	if (c < 0x80)
		return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
	*n = utf8_decode(s, len, &cp);
	if (*n == 0) {
		*n = 1;
		return 1;
	}
	return cp <= 0x9f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Calls emit for each run of harmless bytes and "?" for each control. */
static void sanitize(const char *s, size_t len,
                     void (*emit)(const char *, size_t, void *), void *arg)
{
	size_t run = 0, n;

	while (run < len) {
		if (!is_control(s + run, len - run, &n)) {
			run += n;
			continue;
		}
		emit(s, run, arg);
		emit("?", 1, arg);
		s += run + n;
		len -= run + n;
		run = 0;
	}
	emit(s, run, arg);
}

static void emit_stdout(const char *s, size_t len, void *arg)
{
	(void)arg;
	out_write(s, len);
}

void out_text(const char *s, size_t len)
{
	if (out_is_terminal())
		sanitize(s, len, emit_stdout, NULL);
	else
		out_write(s, len);
}

static void emit_fd(const char *s, size_t len, void *arg)
{
	(void)write_all(*(int *)arg, s, len);
}

void term_write_text(int fd, const char *s, size_t len)
{
	sanitize(s, len, emit_fd, &fd);
}

void out_flush(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		write_failed();
}

void out_finish(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		write_failed();
	if (fclose(stdout) == EOF)
		write_failed();
}
