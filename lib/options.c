/* options.c: the start of every tool, its usage errors, and the option
 * values that tools share */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "hearth.h"

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

static void print_synopsis(void)
{
	(void)fputs(synopsis_text, stderr);
	(void)fprintf(stderr, "Try '%s -h' for more.\n", prog_name);
}

static NORETURN void print_version(void)
{
	out_str("hearth " HEARTH_VERSION "\n");
	out_finish();
	exit(EXIT_SUCCESS);
}

static NORETURN void print_help(void)
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

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
	print_synopsis();
	exit_now(EXIT_USAGE);
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

void option_conflict(int opt, int other)
{
	cli_usage_error("-%c and -%c cannot be used together", opt, other);
}

void option_needs(int opt, int other)
{
	cli_usage_error("-%c goes only with -%c", opt, other);
}

const char *option_text(int opt, const char *value)
{
	if (*value == '\0')
		cli_usage_error("option -%c needs a value", opt);
	return value;
}

long option_number(int opt, const char *value, long min, long max)
{
	long n;

	if (!parse_number(value, strlen(value), min, max, &n))
		cli_usage_error("-%c '%s' is not a number from %ld to %ld", opt,
		                value, min, max);
	return n;
}

long option_width(const char *value)
{
	return option_number('w', value, 0, WIDTH_MAX);
}

uint64_t option_seed(const char *value)
{
	return (uint64_t)option_number('s', value, 0, SEED_MAX);
}

long option_date(const char *value)
{
	const char *problem;
	long day;

	problem = date_parse(value, strlen(value), &day);
	if (problem)
		cli_usage_error("%s: %s", value, problem);
	return day;
}

static const char date_time_shape[] =
	"not a date of the form YYYY-MM-DD[THH:MM]";

/* Noon, when no time is given: far from the night hours whose clocks
 * change, and the same date in UTC in most of the world. */
enum { NOON = 12 * 60 };

time_t option_date_time(const char *value)
{
	const char *t = strchr(value, 'T'), *problem;
	size_t date_len = t ? (size_t)(t - value) : strlen(value);
	long day, minute = NOON;
	time_t when;

	problem = date_parse(value, date_len, &day);
	/* A value longer than a date was meant to hold a time. */
	if (problem == date_shape)
		cli_usage_error("%s: %s", value,
		                t || date_len > DATE_LEN ? date_time_shape
		                                         : problem);
	if (problem)
		cli_usage_error("%.*s: %s", (int)date_len, value, problem);
	if (t) {
		problem = time_of_day_parse(t + 1, strlen(t + 1), &minute);
		if (problem == time_of_day_shape)
			cli_usage_error("%s: %s", value, date_time_shape);
		if (problem)
			cli_usage_error("%s: %s", t + 1, problem);
	}
	if (!local_time(day, minute, &when))
		cli_usage_error("%s: no such time in the local time zone",
		                value);
	return when;
}
