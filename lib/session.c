/* session.c: the session format quiz writes and score reads */
#include <stdio.h>
#include <string.h>

#include "hearth.h"

enum { HEADER_FIELDS = 5, COUNT_MAX = 100000 };

int session_is_header(const char *line, size_t len)
{
	size_t magic = sizeof SESSION_MAGIC - 1;

	return len > magic && memcmp(line, SESSION_MAGIC, magic) == 0 &&
	       line[magic] == '\t';
}

const char *session_parse_header(char *line, struct session_header *h)
{
	char *field[HEADER_FIELDS], *tab;
	size_t n = 0;
	long version;

	for (field[n++] = line; (tab = strchr(field[n - 1], '\t'));) {
		*tab = '\0';
		if (n == HEADER_FIELDS)
			return "session header has more than 5 fields";
		field[n++] = tab + 1;
	}
	if (n != HEADER_FIELDS)
		return "session header has fewer than 5 fields";
	if (!parse_number(field[1], 1, 999, &version))
		return "session format version is not a number";
	if (version != SESSION_VERSION)
		return "session format version is not 1, the one this "
		       "hearth reads";
	if (!is_name(field[2]))
		return "session header names no valid question bank";
	if (!session_time_is_valid(field[3]))
		return "session time is not like 2026-11-25T14:03:12Z";
	if (!parse_number(field[4], 1, COUNT_MAX, &h->count))
		return "session answer count is not a number from 1 to 100000";
	h->bank = field[2];
	h->time = field[3];
	return NULL;
}

void session_format_time(time_t t, char *buf)
{
	struct tm tm;

	if (!gmtime_r(&t, &tm) ||
	    strftime(buf, SESSION_TIME_LEN + 1, "%Y-%m-%dT%H:%M:%SZ", &tm) !=
	        SESSION_TIME_LEN)
		die("cannot tell the time");
}

static int digits(const char *s, size_t n, long min, long max)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v >= min && v <= max;
}

int session_time_is_valid(const char *s)
{
	return strlen(s) == SESSION_TIME_LEN && digits(s, 4, 1, 9999) &&
	       s[4] == '-' && digits(s + 5, 2, 1, 12) && s[7] == '-' &&
	       digits(s + 8, 2, 1, 31) && s[10] == 'T' &&
	       digits(s + 11, 2, 0, 23) && s[13] == ':' &&
	       digits(s + 14, 2, 0, 59) && s[16] == ':' &&
	       digits(s + 17, 2, 0, 60) && s[19] == 'Z';
}
