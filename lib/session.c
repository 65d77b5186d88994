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

/* A number of 1 to 9 digits, nothing else. */
static int parse_digits(const char *s, size_t len, long *value)
{
	size_t i;

	if (len == 0 || len > 9)
		return 0;
	for (*value = 0, i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*value = *value * 10 + (s[i] - '0');
	}
	return 1;
}

const char *session_parse_header(const char *line, size_t len,
                                 struct session_header *h)
{
	const char *field[HEADER_FIELDS + 1], *end = line + len, *tab;
	size_t n = 0, flen[HEADER_FIELDS];
	long version;

	for (field[0] = line; n < HEADER_FIELDS; n++) {
		tab = memchr(field[n], '\t', (size_t)(end - field[n]));
		flen[n] = (size_t)((tab ? tab : end) - field[n]);
		if (!tab) {
			n++;
			break;
		}
		field[n + 1] = tab + 1;
	}
	if (n < HEADER_FIELDS)
		return "session header has fewer than 5 fields";
	if (field[4] + flen[4] != end)
		return "session header has more than 5 fields";
	if (!parse_digits(field[1], flen[1], &version))
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
	if (flen[3] != SESSION_TIME_LEN)
		return "session time is not like 2026-11-25T14:03:12Z";
	memcpy(h->time, field[3], SESSION_TIME_LEN);
	h->time[SESSION_TIME_LEN] = '\0';
	if (!session_time_is_valid(h->time))
		return "session time is not like 2026-11-25T14:03:12Z";
	if (!parse_digits(field[4], flen[4], &h->count) || h->count < 1 ||
	    h->count > COUNT_MAX)
		return "session answer count is not a number from 1 to 100000";
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
