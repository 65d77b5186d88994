/* alloc.c: memory, or a message and exit 1 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearth.h"

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die_out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		die_out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t count, size_t size)
{
	size_t bytes;
	void *p;

	if (size && count > SIZE_MAX / size)
		die_out_of_memory();
	bytes = count * size;
	p = realloc(ptr, bytes ? bytes : 1);
	if (!p)
		die_out_of_memory();
	return p;
}

void *xgrow(void *ptr, size_t *cap, size_t need, size_t size)
{
	size_t want = *cap ? *cap : 8;

	if (need <= *cap)
		return ptr;
	while (want < need) {
		if (want > SIZE_MAX / 2)
			die_out_of_memory();
		want *= 2;
	}
	ptr = xrealloc(ptr, want, size);
	*cap = want;
	return ptr;
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int len;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	if (len < 0)
		die("cannot format a message:");
	s = xmalloc((size_t)len + 1);
	if (vsnprintf(s, (size_t)len + 1, fmt, again) != len)
		die("cannot format a message:");
	va_end(again);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}
