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

void buf_free(struct buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}
