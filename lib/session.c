/* session.c: the session format quiz writes and score reads */
#include <stdio.h>
#include <string.h>

#include "hearth.h"

enum { HEADER_FIELDS = 5, COUNT_MAX = 100000 };

static const char time_shape[] =
	"session time is not like 2026-11-25T14:03:12Z";

static int is_header(const char *line, size_t len)
{
	size_t magic = sizeof SESSION_MAGIC - 1;

	return len > magic && memcmp(line, SESSION_MAGIC, magic) == 0 &&
	       line[magic] == '\t';
}

/* YYYY-MM-DDTHH:MM:SSZ, a day of the calendar and a time of that day,
 * by the rules of date.c, with seconds up to a leap second's 60. */
static const char *parse_time(struct session_header *h, const char *s,
                              size_t len)
{
	const char *date_problem, *time_problem;
	long day, minute, second;

	if (len != SESSION_TIME_LEN || s[10] != 'T' || s[16] != ':' ||
	    s[19] != 'Z' || !parse_number(s + 17, 2, 0, 99, &second))
		return time_shape;
	date_problem = date_parse(s, DATE_LEN, &day);
	time_problem = time_of_day_parse(s + 11, TIME_OF_DAY_LEN, &minute);
	if (date_problem == date_shape || time_problem == time_of_day_shape)
		return time_shape;
	if (date_problem) {
		(void)snprintf(h->problem, sizeof h->problem, "%.*s: %s",
		               DATE_LEN, s, date_problem);
		return h->problem;
	}
	if (time_problem || second > 60) {
		(void)snprintf(h->problem, sizeof h->problem,
		               "%.8s: no such time of day", s + 11);
		return h->problem;
	}
	memcpy(h->time, s, SESSION_TIME_LEN);
	h->time[SESSION_TIME_LEN] = '\0';
	return NULL;
}

/* hearth-session TAB 1 TAB BANK TAB TIME TAB COUNT */
static RARE const char *parse_header(struct session_header *h,
                                     const char *line, size_t len)
{
	const char *field[HEADER_FIELDS], *end = line + len, *tab;
	size_t n, flen[HEADER_FIELDS];
	const char *problem;
	long version;

	field[0] = line;
	for (n = 0;; n++) {
		tab = memchr(field[n], '\t', (size_t)(end - field[n]));
		flen[n] = (size_t)((tab ? tab : end) - field[n]);
		if (!tab || n + 1 == HEADER_FIELDS)
			break;
		field[n + 1] = tab + 1;
	}
	if (n + 1 < HEADER_FIELDS)
		return "session header has fewer than 5 fields";
	if (tab)
		return "session header has more than 5 fields";
	if (!parse_number(field[1], flen[1], 0, 999999999, &version))
		return "session format version is not a number";
	if (version != SESSION_VERSION)
		return "session format version is not 1, the one this "
		       "hearth reads";
	if (flen[2] > SESSION_BANK_MAX)
		return "session header names a bank longer than 64 bytes";
	memcpy(h->bank, field[2], flen[2]);
	h->bank[flen[2]] = '\0';
	if (!is_name(h->bank))
		return "session header names no valid question bank";
	if ((problem = parse_time(h, field[3], flen[3])))
		return problem;
	if (!parse_number(field[4], flen[4], 0, COUNT_MAX, &h->count))
		return "session answer count is not a number from 0 to 100000";
	return NULL;
}

const char *session_read_line(const char *line, size_t len,
                              struct session_line *sl)
{
	size_t tab;

	if (is_header(line, len)) {
		sl->kind = SESSION_HEADER;
		return parse_header(&sl->header, line, len);
	}
	if (line_is_skipped(line, len)) {
		sl->kind = SESSION_SKIPPED;
		return line_problem(line, len);
	}
	sl->kind = SESSION_ANSWER;
	/* Ids are short: a loop finds the tab sooner than memchr. */
	for (tab = 0; tab < len && line[tab] != '\t'; tab++)
		;
	if (tab == len)
		return "expected an id, a tab and an answer";
	sl->id = line;
	sl->id_len = tab;
	sl->answer = line + tab + 1;
	sl->answer_len = len - tab - 1;
	return NULL;
}

void session_add_header(struct buf *b, const char *bank, time_t finished,
                        size_t count)
{
	char when[SESSION_TIME_LEN + 1];
	struct tm tm;

	if (!gmtime_r(&finished, &tm) ||
	    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) !=
	        SESSION_TIME_LEN)
		die("cannot tell the time");
	buf_add_str(b, SESSION_MAGIC "\t");
	buf_add_long(b, SESSION_VERSION);
	buf_add_char(b, '\t');
	buf_add_str(b, bank);
	buf_add_char(b, '\t');
	buf_add_str(b, when);
	buf_add_char(b, '\t');
	buf_add_long(b, (long)count);
	buf_add_char(b, '\n');
}

void session_add_answer(struct buf *b, const struct bank *bank,
                        const struct item *it, long value)
{
	buf_add(b, it->id, it->id_len);
	buf_add_char(b, '\t');
	bank_add_answer(b, bank, value);
	buf_add_char(b, '\n');
}

time_t session_time_value(const char *time)
{
	long day = 0, minute = 0, second = 0;

	(void)date_parse(time, DATE_LEN, &day);
	(void)time_of_day_parse(time + 11, TIME_OF_DAY_LEN, &minute);
	(void)parse_number(time + 17, 2, 0, 60, &second);
	return (time_t)day * 86400 + minute * 60 + second;
}
