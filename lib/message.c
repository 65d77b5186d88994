/* message.c: the program's name, and messages on stderr */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

const char *prog_name = "hearth";
void (*exit_hook)(int status);

void exit_now(int status)
{
	if (exit_hook)
		exit_hook(status);
	exit(status);
}

/* Messages repeat text from data files, input and file names, which must
 * not drive a terminal. */
static void message_part(const char *s)
{
	if (isatty(STDERR_FILENO)) {
		(void)fflush(stderr);
		term_write_text(STDERR_FILENO, s, strlen(s));
	} else {
		(void)fputs(s, stderr);
	}
}

/* No xmalloc here: it reports through this very function. */
void vwarn_at(const char *path, long line, const char *fmt, va_list ap)
{
	int saved_errno = errno, len;
	size_t fmt_len = strlen(fmt);
	char *text;
	va_list again;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	text = len < 0 ? NULL : malloc((size_t)len + 1);
	if (text && vsnprintf(text, (size_t)len + 1, fmt, ap) != len) {
		free(text);
		text = NULL;
	}
	/* A message that cannot be written has nowhere else to go. */
	(void)fflush(stderr);
	message_part(prog_name);
	message_part(": ");
	if (path) {
		message_part(path);
		if (line > 0)
			(void)fprintf(stderr, ":%ld", line);
		message_part(": ");
	}
	message_part(text ? text : fmt);
	if (fmt_len > 0 && fmt[fmt_len - 1] == ':') {
		message_part(" ");
		message_part(strerror(saved_errno));
	}
	message_part("\n");
	free(text);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
}

void warn_at(const char *path, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(path, line, fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
	exit_now(EXIT_FAILURE);
}

void die_at(const char *path, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(path, line, fmt, ap);
	va_end(ap);
	exit_now(EXIT_FAILURE);
}

void die_out_of_memory(void)
{
	/* No formatting: stdio itself may need memory. */
	static const char tail[] = ": out of memory\n";

	(void)write_all(STDERR_FILENO, prog_name, strlen(prog_name));
	(void)write_all(STDERR_FILENO, tail, sizeof tail - 1);
	exit_now(EXIT_FAILURE);
}
