/* cli.c: program name, messages, exit statuses, options every tool shares */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "hearth.h"

const char *prog_name = "hearth";
void (*cli_exit_hook)(int status);

/* Every exit on an error goes through here, so that a test harness can
 * take it over. */
static NORETURN void leave(int status)
{
	if (cli_exit_hook)
		cli_exit_hook(status);
	exit(status);
}
static char **arguments;
static const char *synopsis_text = "";
static const char *details_text = "";

/* A descriptor closed by the caller is reopened on /dev/null in the
 * direction that makes every use of it fail, so a file the tool opens
 * later can never become its stdout, and `prog >&-` is a write error. */
static void keep_standard_fds_open(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
			exit(EXIT_FAILURE);
	}
}

static void message_part(const char *s)
{
	if (isatty(STDERR_FILENO)) {
		(void)fflush(stderr);
		term_write_text(STDERR_FILENO, s, strlen(s));
	} else {
		(void)fputs(s, stderr);
	}
}

static void print_synopsis(void)
{
	(void)fputs(synopsis_text, stderr);
	(void)fprintf(stderr, "Try '%s -h' for more.\n", prog_name);
}

static void print_version(void)
{
	out_str("hearth " HEARTH_VERSION "\n");
	out_finish();
	exit(EXIT_SUCCESS);
}

static void print_help(void)
{
	out_str(synopsis_text);
	out_str(details_text);
	out_finish();
	exit(EXIT_SUCCESS);
}

/* Whether argument arg, an option cluster such as "-lw", ends with an
 * option that takes the next argument as its value. */
static int takes_next(const char *arg, const char *optstring)
{
	const char *spec;

	for (arg++; *arg; arg++) {
		spec = strchr(optstring, *arg);
		if (*arg != ':' && spec && spec[1] == ':')
			return arg[1] == '\0';
	}
	return 0;
}

void cli_start(int argc, char **argv, const char *optstring,
               const char *synopsis, const char *details)
{
	const char *slash;
	int i;

	keep_standard_fds_open();
	out_start();
	if (argc > 0 && argv[0] && *argv[0]) {
		slash = strrchr(argv[0], '/');
		prog_name = slash ? slash + 1 : argv[0];
	}
	arguments = argv;
	synopsis_text = synopsis;
	details_text = details;
	opterr = 0;
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0)
			print_help();
		if (strcmp(argv[i], "--version") == 0)
			print_version();
		if (argv[i][0] == '-' && takes_next(argv[i], optstring))
			i++;
	}
}

void cli_common_option(int opt)
{
	if (opt == 'h')
		print_help();
	if (opt == 'V')
		print_version();
	if (opt == ':')
		cli_usage_error("option -%c needs a value", optopt);
	/* getopt reads "--name" as the options '-', 'n', ...: name it whole. */
	if (optopt == '-' && arguments[optind] &&
	    strncmp(arguments[optind], "--", 2) == 0)
		cli_usage_error("unknown option %s", arguments[optind]);
	if (isprint(optopt))
		cli_usage_error("unknown option -%c", optopt);
	cli_usage_error("unknown option");
}

/* Messages repeat text from data files and input, which must not drive
 * the terminal: on one, the message goes out as term_write_text leaves it.
 * No xmalloc here, which reports through this very function. */
static void vmessage(const char *path, long line, const char *fmt, va_list ap)
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

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	print_synopsis();
	leave(EXIT_USAGE);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	leave(EXIT_FAILURE);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
}

void vdie_at(const char *path, long line, const char *fmt, va_list ap)
{
	vmessage(path, line, fmt, ap);
	leave(EXIT_FAILURE);
}

void die_at(const char *path, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(path, line, fmt, ap);
	va_end(ap);
	leave(EXIT_FAILURE);
}

void warn_at(const char *path, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(path, line, fmt, ap);
	va_end(ap);
}

static void out_of_memory(void)
{
	/* No formatting: stdio itself may need memory. */
	static const char tail[] = ": out of memory\n";

	if (write(STDERR_FILENO, prog_name, strlen(prog_name)) >= 0 &&
	    write(STDERR_FILENO, tail, sizeof tail - 1) >= 0)
		leave(EXIT_FAILURE);
	leave(EXIT_FAILURE);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t count, size_t size)
{
	size_t bytes;
	void *p;

	if (size && count > SIZE_MAX / size)
		out_of_memory();
	bytes = count * size;
	p = realloc(ptr, bytes ? bytes : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int len;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	if (len < 0)
		die("cannot format a message:");
	s = xmalloc((size_t)len + 1);
	if (vsnprintf(s, (size_t)len + 1, fmt, again) != len)
		die("cannot format a message:");
	va_end(again);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

int parse_number(const char *s, long min, long max, long *value)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || *end || n < min || n > max)
		return 0;
	*value = n;
	return 1;
}
