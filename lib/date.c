/* date.c: calendar dates, written YYYY-MM-DD */
#include <time.h>

#include "hearth.h"

const char date_shape[] = "not a date of the form YYYY-MM-DD";

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

void date_today(char *date)
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm) ||
	    strftime(date, DATE_LEN + 1, "%Y-%m-%d", &tm) != DATE_LEN)
		die("cannot tell today's date");
}
