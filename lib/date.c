/* date.c: calendar dates, written YYYY-MM-DD, and times of day, HH:MM */
#include <string.h>
#include <time.h>

#include "hearth.h"

const char date_shape[] = "not a date of the form YYYY-MM-DD";
const char time_of_day_shape[] = "not a time of the form HH:MM";

static int is_leap_year(long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static long days_in_month(long year, long month)
{
	static const long days[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};

	return days[month - 1] + (month == 2 && is_leap_year(year));
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
static long days_from_civil(long year, long month, long day)
{
	long era, year_of_era, day_of_year, day_of_era;

	year -= month <= 2;
	era = (year >= 0 ? year : year - 399) / 400;
	year_of_era = year - era * 400;
	day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 +
	             day_of_year;
	return era * 146097 + day_of_era - 719468;
}

/* 1970-01-01 was a Thursday, so its ISO week began on day -3. */
enum { EPOCH_WEEKDAY = 3 };

long week_of_day(long day)
{
	long from_monday = day + EPOCH_WEEKDAY;

	return from_monday >= 0 ? from_monday / 7 : (from_monday - 6) / 7;
}

/* An ISO week belongs to the year of its Thursday, and counts from the
 * week holding that year's first Thursday. */
void week_in_year(long week, long *year, long *number)
{
	long thursday = week * 7;

	/* 146097 days in 400 years: a guess at most a year out. */
	*year = 1970 + thursday * 400 / 146097;
	while (days_from_civil(*year + 1, 1, 1) <= thursday)
		++*year;
	while (days_from_civil(*year, 1, 1) > thursday)
		--*year;
	*number = (thursday - days_from_civil(*year, 1, 1)) / 7 + 1;
}

const char *date_parse(const char *s, size_t len, long *day)
{
	long year, month, mday;

	if (len != DATE_LEN || s[4] != '-' || s[7] != '-' ||
	    !parse_number(s, 4, 1, 9999, &year) ||
	    !parse_number(s + 5, 2, 0, 99, &month) ||
	    !parse_number(s + 8, 2, 0, 99, &mday))
		return date_shape;
	if (month < 1 || month > 12)
		return "no such month";
	if (mday < 1 || mday > days_in_month(year, month))
		return "no such day";
	*day = days_from_civil(year, month, mday);
	return NULL;
}

const char *time_of_day_parse(const char *s, size_t len, long *minute)
{
	long hour, minutes;

	if (len != TIME_OF_DAY_LEN || s[2] != ':' ||
	    !parse_number(s, 2, 0, 99, &hour) ||
	    !parse_number(s + 3, 2, 0, 99, &minutes))
		return time_of_day_shape;
	if (hour > 23 || minutes > 59)
		return "no such time of day";
	*minute = hour * 60 + minutes;
	return NULL;
}

int local_time(long day, long minute, time_t *when)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	/* mktime(3) carries a day of the month past its end into the months
	 * after, so day N of January 1970 is the date N - 1 days later. */
	tm.tm_year = 70;
	tm.tm_mday = (int)(day + 1);
	tm.tm_hour = (int)(minute / 60);
	tm.tm_min = (int)(minute % 60);
	tm.tm_isdst = -1;
	*when = mktime(&tm);
	/* Whole minutes: -1 is an error, never 23:59:59 on 1969-12-31. A
	 * time the clocks skip, at the change to summer time, comes back as
	 * another time of day. */
	return *when != (time_t)-1 && tm.tm_hour == minute / 60 &&
	       tm.tm_min == minute % 60;
}

void date_today(char *date)
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm) ||
	    strftime(date, DATE_LEN + 1, "%Y-%m-%d", &tm) != DATE_LEN)
		die("cannot tell today's date");
}
