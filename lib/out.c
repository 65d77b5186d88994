/* out.c: checked output to stdout */
#include <stdarg.h>
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

/* Length of the control character at s (C0 but tab and newline, DEL, or a
 * UTF-8 encoded C1), or 0 when s starts with something printable. */
static size_t control_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];

	if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
		return 1;
	if (c == 0xc2 && len > 1 && (unsigned char)s[1] >= 0x80 &&
	    (unsigned char)s[1] <= 0x9f)
		return 2;
	return 0;
}

/* Calls emit for each run of harmless bytes and "?" for each control. */
static void sanitize(const char *s, size_t len,
                     void (*emit)(const char *, size_t, void *), void *arg)
{
	size_t run = 0, bad;

	while (run < len) {
		bad = control_len(s + run, len - run);
		if (!bad) {
			run++;
			continue;
		}
		emit(s, run, arg);
		emit("?", 1, arg);
		s += run + bad;
		len -= run + bad;
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
	int fd = *(int *)arg;
	ssize_t n;

	while (len > 0) {
		n = write(fd, s, len);
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
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
