/* summary: the guide's summary, key points, and a reminder for the day */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hearth.h"

static const char optstring[] = ":dhors:Vw:";
static const char synopsis[] =
	"usage: summary [-hV] [-w width] [reference ...]\n"
	"       summary -d | -o [-w width] [YYYY-MM-DD]\n"
	"       summary -r [-s seed] [-w width]\n";
static const char details[] =
	"Print the guide's summary, or the key points of the sections named.\n"
	"A reference '-' reads references from stdin, one a line.\n"
	"  -d        print the reminder of the day: today's, or the date's\n"
	"  -o        as -d, but only the first time it runs that day\n"
	"  -r        print a reminder chosen at random\n"
	"  -s seed   with -r, choose with this seed (a number)\n"
	"  -w width  wrap paragraphs to width columns; 0 never wraps\n"
	"  -h        print this help\n"
	"  -V        print the version\n";

enum { WIDTH_MAX = 100000 };

struct options {
	int daily, once, random, seeded;
	uint64_t seed;
	long width;
};

static void print_lines(const char *text, size_t width)
{
	const char *nl;
	char *line;

	for (;; text = nl + 1) {
		nl = strchr(text, '\n');
		if (!nl) {
			wrap_paragraph(text, width);
			return;
		}
		line = xmalloc((size_t)(nl - text) + 1);
		memcpy(line, text, (size_t)(nl - text));
		line[nl - text] = '\0';
		wrap_paragraph(line, width);
		free(line);
	}
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in_month(long y, long m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

static int parse_date(const char *s, long *day)
{
	long y, m, d;
	char buf[5];

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	memcpy(buf, s, 4), buf[4] = '\0';
	if (!parse_number(buf, 1, 9999, &y))
		return 0;
	memcpy(buf, s + 5, 2), buf[2] = '\0';
	if (!parse_number(buf, 1, 12, &m))
		return 0;
	memcpy(buf, s + 8, 2), buf[2] = '\0';
	if (!parse_number(buf, 1, days_in_month(y, m), &d))
		return 0;
	*day = days_from_civil(y, m, d);
	return 1;
}

/* Today's local date, as YYYY-MM-DD. */
static void today(char *date, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm) ||
	    strftime(date, size, "%Y-%m-%d", &tm) != 10)
		die("cannot tell today's date");
}

/* The directory of the once-a-day stamp, as the XDG base directory
 * specification places state: $XDG_STATE_HOME if absolute, else
 * ~/.local/state. */
static char *state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/hearth", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/hearth", home);
	die("-o keeps a stamp under XDG_STATE_HOME or HOME; neither is set");
	return NULL;
}

/* mkdir -p, each directory it makes private to its owner. */
static void make_private_dirs(char *path)
{
	char *slash = path;

	while ((slash = strchr(slash + 1, '/'))) {
		*slash = '\0';
		if (mkdir(path, 0700) < 0 && errno != EEXIST)
			die("%s:", path);
		*slash = '/';
	}
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		die("%s:", path);
}

static int stamp_says(const char *stamp, const char *date)
{
	char seen[16];
	ssize_t n;
	int fd = open(stamp, O_RDONLY);

	if (fd < 0)
		return 0;
	n = read(fd, seen, sizeof seen);
	close(fd);
	return n == 11 && memcmp(seen, date, 10) == 0 && seen[10] == '\n';
}

/* Written whole and renamed into place, so a stamp is never half there. */
static void write_stamp(char *dir, const char *stamp, const char *date)
{
	char *tmp = xasprintf("%s/.reminded.XXXXXX", dir);
	char line[12];
	int fd;

	make_private_dirs(dir);
	fd = mkstemp(tmp);
	if (fd < 0)
		die("%s:", tmp);
	memcpy(line, date, 10);
	line[10] = '\n';
	if (write(fd, line, 11) != 11 || close(fd) < 0 ||
	    rename(tmp, stamp) < 0) {
		unlink(tmp);
		die("%s:", stamp);
	}
	free(tmp);
}

static size_t gcd(size_t a, size_t b)
{
	while (b) {
		size_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* Day d shows entry (d * stride) mod n: with the stride coprime to n, any
 * n days in a row show every reminder once, and neighbouring entries of
 * the file (often on one theme) fall on days far apart. */
static size_t reminder_of_day(long day, size_t n)
{
	size_t stride = n * 618 / 1000, pos;

	if (stride == 0)
		stride = 1;
	while (gcd(stride, n) != 1)
		stride++;
	pos = (size_t)(((day % (long)n) + (long)n) % (long)n);
	return pos * stride % n;
}

static void print_reminder(const struct options *o, size_t pick)
{
	struct reminders reminders;
	struct rng rng;

	reminders_load(&reminders);
	if (o->random) {
		rng_seed(&rng, o->seeded ? o->seed : rng_seed_from_clock());
		pick = rng_below(&rng, reminders.count);
	} else {
		pick = reminder_of_day((long)pick, reminders.count);
	}
	print_lines(reminders.entries[pick], output_width(o->width));
	reminders_free(&reminders);
}

static void print_daily_reminder(const struct options *o, char **dates,
                                 int count)
{
	char date[16], *dir = NULL, *stamp = NULL;
	long day;

	if (count > 1)
		cli_usage_error("-d and -o take one date");
	if (count == 1 && !parse_date(dates[0], &day))
		cli_usage_error("'%s' is not a date of the form YYYY-MM-DD",
		                dates[0]);
	if (count == 1)
		memcpy(date, dates[0], 11);
	else
		today(date, sizeof date);
	if (!parse_date(date, &day))
		die("cannot tell today's date");
	if (o->once) {
		dir = state_dir();
		stamp = xasprintf("%s/reminded", dir);
		if (stamp_says(stamp, date)) {
			free(stamp);
			free(dir);
			return;
		}
	}
	print_reminder(o, (size_t)day);
	if (o->once) {
		out_flush();
		write_stamp(dir, stamp, date);
		free(stamp);
		free(dir);
	}
}

static const struct guide_section *summary_section(const struct guide *g)
{
	const struct guide_section *s;

	if (guide_find(g, "summary", &s) != REF_FOUND ||
	    strcmp(s->slug, "summary") != 0)
		die_at(g->file.path, 0, "the guide has no section 'summary'");
	return s;
}

static void print_points(const struct guide_section *s, size_t width)
{
	size_t i;
	char *bullet;

	wrap_paragraph(s->heading, width);
	for (i = 0; i < s->npoints; i++) {
		bullet = xasprintf("- %s", s->points[i]);
		wrap_paragraph(bullet, width);
		free(bullet);
	}
}

static void print_guide_parts(const struct options *o, char **refs, int count)
{
	const struct guide_section *s;
	struct guide guide;
	struct ref_list list;
	size_t width = output_width(o->width), i;

	guide_load(&guide);
	if (count == 0) {
		s = summary_section(&guide);
		for (i = 0; i < s->nlines; i++)
			wrap_paragraph(s->lines[i].text, width);
	} else {
		guide_load_points(&guide);
		refs_collect(&list, &guide, refs, count);
		for (i = 0; i < list.count; i++) {
			if (width > 0 && i > 0)
				out_char('\n');
			print_points(list.items[i], width);
		}
		refs_free(&list);
	}
	guide_free(&guide);
}

int main(int argc, char **argv)
{
	struct options o = {0, 0, 0, 0, 0, -1};
	long seed;
	int opt;

	cli_start(argc, argv, optstring, synopsis, details);
	while ((opt = getopt(argc, argv, optstring)) != -1) {
		switch (opt) {
		case 'd':
			o.daily = 1;
			break;
		case 'o':
			o.daily = o.once = 1;
			break;
		case 'r':
			o.random = 1;
			break;
		case 's':
			if (!parse_number(optarg, 0, 2147483647L, &seed))
				cli_usage_error("seed '%s' is not a number",
				                optarg);
			o.seeded = 1;
			o.seed = (uint64_t)seed;
			break;
		case 'w':
			if (!parse_number(optarg, 0, WIDTH_MAX, &o.width))
				cli_usage_error("width '%s' is not a number "
				                "from 0 to %d", optarg,
				                WIDTH_MAX);
			break;
		default:
			cli_common_option(opt);
		}
	}
	if (o.daily && o.random)
		cli_usage_error("-r cannot go with -d or -o");
	if (o.seeded && !o.random)
		cli_usage_error("-s goes with -r");
	if (o.random && optind < argc)
		cli_usage_error("-r takes no operands");
	if (o.daily)
		print_daily_reminder(&o, argv + optind, argc - optind);
	else if (o.random)
		print_reminder(&o, 0);
	else
		print_guide_parts(&o, argv + optind, argc - optind);
	out_finish();
	return EXIT_SUCCESS;
}
