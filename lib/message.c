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
static void write_message(const char *s, size_t len)
{
	if (isatty(STDERR_FILENO))
		term_write_text(STDERR_FILENO, s, len);
	else
		(void)write_all(STDERR_FILENO, s, len);
}

/* "prog: path:line: text: strerror\n" (the parts there are), as much as
 * fits into buf of size bytes; returns the length of all of it. */
static size_t format_message(char *buf, size_t size, const char *path,
                             long line, const char *text, const char *error)
{
	int n = snprintf(buf, size, "%s: %s%s%.0ld%s%s%s%s\n", prog_name,
	                 path ? path : "", path && line > 0 ? ":" : "",
	                 path && line > 0 ? line : 0L, path ? ": " : "", text,
	                 error ? ": " : "", error ? error : "");

	return n < 0 ? 0 : (size_t)n;
}

/* No xmalloc here: it reports through this very function. The message
 * goes out in one write, so that messages of tools run at once do not
 * mix, and a million of them cost a million writes, not six million. */
void vwarn_at(const char *path, long line, const char *fmt, va_list ap)
{
	int saved_errno = errno, len;
	size_t fmt_len = strlen(fmt), size;
	const char *error = NULL;
	char *text, *message, probe[1];
	va_list again;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	text = len < 0 ? NULL : malloc((size_t)len + 1);
	if (text && vsnprintf(text, (size_t)len + 1, fmt, ap) != len) {
		free(text);
		text = NULL;
	}
	if (fmt_len > 0 && fmt[fmt_len - 1] == ':')
		error = strerror(saved_errno);
	/* A format's own ':' is followed by the error's text. */
	if (text && error)
		text[len - 1] = '\0';
	size = format_message(probe, sizeof probe, path, line,
	                      text ? text : fmt, error) + 1;
	message = malloc(size);
	(void)fflush(stderr);
	if (message) {
		size = format_message(message, size, path, line,
		                      text ? text : fmt, error);
		write_message(message, size);
	} else {
		write_message(prog_name, strlen(prog_name));
		write_message(": out of memory for a message\n", 30);
	}
	free(message);
	free(text);
}

void warn_at(const char *path, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(path, line, fmt, ap);
	va_end(ap);
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
