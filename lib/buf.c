/* buf.c: text built up in memory */
#include <stdlib.h>
#include <string.h>

#include "hearth.h"

void buf_reserve(struct buf *b, size_t more)
{
	b->data = xgrow(b->data, &b->cap, b->len + more, 1);
}

void buf_add_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_add_long(struct buf *b, long n)
{
	char digits[24];
	size_t i = sizeof digits;
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;

	do
		digits[--i] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		digits[--i] = '-';
	buf_add(b, digits + i, sizeof digits - i);
}

void buf_free(struct buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}
