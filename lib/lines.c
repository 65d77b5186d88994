/* lines.c: reading lines from a descriptor in constant memory, and what
 * makes a line text, or a line to skip */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

/* Room for the longest line, and below the size at which malloc maps
 * pages of its own: cheap to get for a tool that reads one short file.
 * It is read into a chunk at a time, so that only a long line touches the
 * pages after the first chunk: a million sessions take the memory of one. */
enum { READER_BYTES = LINE_MAX_BYTES + 32768, READ_CHUNK = 32768 };

const char line_too_long[] = "line longer than " LINE_MAX_TEXT " bytes";

void line_reader_open(struct line_reader *r, int fd, const char *name)
{
	r->fd = fd;
	r->name = name;
	r->lineno = 0;
	r->cap = READER_BYTES;
	r->buf = xmalloc(r->cap);
	r->start = r->end = 0;
	r->eof = 0;
}

void line_reader_close(struct line_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

/* Reads more bytes after the unread ones; the last byte of the buffer is
 * kept free for the terminating NUL of a final line without newline. */
static void fill(struct line_reader *r)
{
	ssize_t n;

	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	do
		n = read(r->fd, r->buf + r->end,
		         r->cap - 1 - r->end < READ_CHUNK ? r->cap - 1 - r->end
		                                          : READ_CHUNK);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		die("%s:", r->name);
	if (n == 0)
		r->eof = 1;
	r->end += (size_t)n;
}

/* Whatever follows a line that is too long is not read: the line may
 * never end (/dev/zero). */
static enum line_status stop_at_long_line(struct line_reader *r)
{
	r->lineno++;
	r->start = r->end = 0;
	r->eof = 1;
	return LINE_TOO_LONG;
}

static enum line_status yield(struct line_reader *r, char *line, size_t len,
                              size_t next, char **out, size_t *out_len)
{
	r->lineno++;
	r->start = next;
	line[len] = '\0';
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	*out = line;
	*out_len = len;
	return LINE_OK;
}

enum line_status line_next_slow(struct line_reader *r, char **line,
                                size_t *len)
{
	char *start, *nl;

	for (;;) {
		start = r->buf + r->start;
		nl = memchr(start, '\n', r->end - r->start);
		if (nl && (size_t)(nl - start) <= LINE_MAX_BYTES)
			return yield(r, start, (size_t)(nl - start),
			             (size_t)(nl - r->buf) + 1, line, len);
		if (nl || r->end - r->start > LINE_MAX_BYTES)
			return stop_at_long_line(r);
		if (r->eof) {
			if (r->start == r->end)
				return LINE_EOF;
			return yield(r, start, r->end - r->start, r->end, line,
			             len);
		}
		fill(r);
	}
}

const char *line_problem(const char *line, size_t len)
{
	if (memchr(line, '\0', len))
		return "NUL byte in line";
	if (utf8_valid_prefix(line, len) != len)
		return "invalid UTF-8";
	return NULL;
}
