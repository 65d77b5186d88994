/* summary: the guide's summary, key points, and a reminder for the day
 * or the week */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hearth.h"

static const char optstring[] = ":d:hmoRs:VWw:";
static const char synopsis[] =
	"usage: summary [-hV] [-w width] [reference ...]\n"
	"       summary -m | -o [-d date] [-w width]\n"
	"       summary -W [-o] [-d date] [-w width]\n"
	"       summary -R [-s seed] [-w width]\n";
static const char details[] =
	"Print the guide's summary, or the key points of the sections named.\n"
	"A reference '-' reads references from stdin, one a line.\n"
	"  -m        print the reminder of the day\n"
	"  -d date   as -m, for that day (YYYY-MM-DD) instead of today\n"
	"  -o        as -m, but only the first time it runs that day\n"
	"  -W        print the reminder of the week (ISO 8601, from Monday):\n"
	"            with -d, of that date's week; with -o, once that week\n"
	"  -R        print a reminder chosen at random\n"
	"  -s seed   with -R, choose with this seed (a number)\n"
	"  -w width  wrap paragraphs to width columns; 0 never wraps\n"
	"  -h        print this help\n"
	"  -V        print the version\n";

struct options {
	int in_turn, by_day, weekly, once, random, seeded;
	int turn_option; /* the last letter that asked for a reminder in turn */
	int dated;
	long day;
	char date[DATE_LEN + 1];
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

/* The directory of the once-a-day stamp, as the XDG base directory
 * specification places state: $XDG_STATE_HOME if absolute, else
 * ~/.local/state. */
static char *state_dir(void)
{
	char *dir = xdg_user_dir("XDG_STATE_HOME", ".local/state");

	if (!dir)
		die("-o keeps a stamp under XDG_STATE_HOME or HOME; neither "
		    "is set");
	return dir;
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

/* The stamp holds the day or the week of the last reminder. It stays
 * locked while the reminder is printed and the stamp rewritten, so that
 * of two logins at once one prints it and the other, waiting, finds it
 * done. */
static int open_stamp(const char *stamp)
{
	struct flock lock;
	int fd = open_regular(stamp, O_RDWR | O_CREAT, 0600);

	if (fd == OPEN_NOT_REGULAR)
		die("%s: not a regular file", stamp);
	if (fd < 0)
		die("%s:", stamp);
	memset(&lock, 0, sizeof lock);
	lock.l_type = F_WRLCK;
	lock.l_whence = SEEK_SET;
	while (fcntl(fd, F_SETLKW, &lock) < 0)
		if (errno != EINTR)
			die("%s: cannot lock:", stamp);
	return fd;
}

static int stamp_says(int fd, const char *turn_name)
{
	size_t len = strlen(turn_name);
	char *seen = xmalloc(len + 2);
	ssize_t n;
	int same;

	do
		n = pread(fd, seen, len + 2, 0);
	while (n < 0 && errno == EINTR);
	same = n == (ssize_t)len + 1 && memcmp(seen, turn_name, len) == 0 &&
	       seen[len] == '\n';
	free(seen);
	return same;
}

static void write_stamp(int fd, const char *stamp, const char *turn_name)
{
	char *line = xasprintf("%s\n", turn_name);

	if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0 ||
	    write_all(fd, line, strlen(line)) < 0)
		die("%s:", stamp);
	free(line);
}

static void shuffle_cycle(size_t *order, size_t count, long cycle)
{
	struct rng rng;
	size_t i;

	for (i = 0; i < count; i++)
		order[i] = i;
	rng_seed(&rng, (uint64_t)cycle);
	rng_shuffle(&rng, order, count);
}

/* Turn t, a day or a week, falls in cycle t / n (rounded down) of n
 * turns, n the count of reminders, and shows the reminder at place
 * t mod n in the cycle's own order, a shuffle seeded by the cycle's
 * number. Each cycle shows every reminder once; as the order changes from
 * one cycle to the next, a job run every seventh day, or on weekdays only,
 * comes round to every reminder in time. A cycle never starts with the
 * reminder the one before ended with, so none shows two turns running. */
static size_t reminder_in_turn(long turn, size_t count)
{
	long n = (long)count, cycle = turn / n, place = turn % n;
	size_t *order = xcalloc(count, sizeof *order), last, pick;

	if (place < 0) {
		place += n;
		cycle--;
	}
	shuffle_cycle(order, count, cycle - 1);
	last = order[count - 1];
	shuffle_cycle(order, count, cycle);
	/* Past two reminders, the swap leaves the cycle's last one alone. */
	if (count > 2 && order[0] == last) {
		order[0] = order[1];
		order[1] = last;
	}
	pick = order[place];
	free(order);
	return pick;
}

static void print_reminder(const struct options *o, long turn)
{
	struct reminders reminders;
	struct rng rng;
	size_t pick;

	reminders_load(&reminders);
	if (o->random) {
		rng_seed(&rng, o->seeded ? o->seed : rng_seed_from_clock());
		pick = rng_below(&rng, reminders.count);
	} else {
		pick = reminder_in_turn(turn, reminders.count);
	}
	print_lines(reminders.entries[pick], output_width(o->width));
	reminders_free(&reminders);
}

/* -o: the reminder of the turn named turn_name, unless the stamp in the
 * file stamp_file says it was printed already. */
static void print_once(const struct options *o, long turn,
                       const char *turn_name, const char *stamp_file)
{
	char *dir = state_dir(), *stamp;
	int fd;

	make_private_dirs(dir);
	stamp = xasprintf("%s/%s", dir, stamp_file);
	fd = open_stamp(stamp);
	if (!stamp_says(fd, turn_name)) {
		print_reminder(o, turn);
		out_flush();
		write_stamp(fd, stamp, turn_name);
	}
	if (close(fd) < 0)
		die("%s:", stamp);
	free(stamp);
	free(dir);
}

/* The reminder of the day, or with -W of the ISO week, that -d names or
 * that holds today. Day and week keep stamps of their own, so that -o
 * and -W -o each print once in their turn. */
static void print_reminder_in_turn(const struct options *o)
{
	char date[DATE_LEN + 1], *turn_name;
	long day = o->day, turn, year, week_number;

	if (o->dated) {
		memcpy(date, o->date, sizeof date);
	} else {
		date_today(date);
		if (date_parse(date, DATE_LEN, &day))
			die("cannot tell today's date");
	}
	if (o->weekly) {
		turn = week_of_day(day);
		week_in_year(turn, &year, &week_number);
		turn_name = xasprintf("%04ld-W%02ld", year, week_number);
	} else {
		turn = day;
		turn_name = xstrdup(date);
	}
	if (o->once)
		print_once(o, turn, turn_name,
		           o->weekly ? "reminded-week" : "reminded");
	else
		print_reminder(o, turn);
	free(turn_name);
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
	struct options o;
	int opt;

	memset(&o, 0, sizeof o);
	o.width = -1;
	cli_start(argc, argv, optstring, synopsis, details);
	while ((opt = getopt(argc, argv, optstring)) != -1) {
		switch (opt) {
		case 'd':
			o.day = option_date(optarg);
			memcpy(o.date, optarg, sizeof o.date);
			o.dated = o.in_turn = 1;
			o.turn_option = opt;
			break;
		case 'm':
			o.by_day = o.in_turn = 1;
			o.turn_option = opt;
			break;
		case 'o':
			o.once = o.in_turn = 1;
			o.turn_option = opt;
			break;
		case 'W':
			o.weekly = o.in_turn = 1;
			o.turn_option = opt;
			break;
		case 'R':
			o.random = 1;
			break;
		case 's':
			o.seeded = 1;
			o.seed = option_seed(optarg);
			break;
		case 'w':
			o.width = option_width(optarg);
			break;
		default:
			cli_common_option(opt);
		}
	}
	if (o.in_turn && o.random)
		option_conflict('R', o.turn_option);
	if (o.weekly && o.by_day)
		option_conflict('W', 'm');
	if (o.seeded && !o.random)
		option_needs('s', 'R');
	if ((o.random || o.in_turn) && optind < argc)
		cli_usage_error("-%c takes no operands",
		                o.random ? 'R' : o.turn_option);
	if (o.in_turn)
		print_reminder_in_turn(&o);
	else if (o.random)
		print_reminder(&o, 0);
	else
		print_guide_parts(&o, argv + optind, argc - optind);
	out_finish();
	return EXIT_SUCCESS;
}
