/* number.c: decimal numbers in text */
#include <limits.h>

#include "hearth.h"

int parse_number(const char *s, size_t len, long min, long max, long *value)
{
	long n = 0;
	size_t i;
	int digit;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		digit = s[i] - '0';
		if (n > LONG_MAX / 10 ||
		    (n == LONG_MAX / 10 && digit > LONG_MAX % 10))
			return 0;
		n = n * 10 + digit;
	}
	if (n < min || n > max)
		return 0;
	*value = n;
	return 1;
}
