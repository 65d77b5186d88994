/* reminders.c: the fortune(6)-format reminders file */
#include <stdlib.h>
#include <string.h>

#include "hearth.h"

/* Drops the CR of every CRLF, so a file saved on another system still
 * splits on its "%" lines. */
static size_t drop_crlf(char *text, size_t len)
{
	size_t from, to = 0;

	for (from = 0; from < len; from++)
		if (!(text[from] == '\r' && from + 1 < len &&
		      text[from + 1] == '\n'))
			text[to++] = text[from];
	text[to] = '\0';
	return to;
}

static void add_entry(struct reminders *r, char *start, char *end)
{
	while (end > start && end[-1] == '\n')
		end--;
	if (end == start)
		return;
	*end = '\0';
	r->entries = xrealloc(r->entries, r->count + 1, sizeof *r->entries);
	r->entries[r->count++] = start;
}

void reminders_parse(struct reminders *r, char *text, size_t len)
{
	char *line, *entry, *end, *nl;

	len = drop_crlf(text, len);
	end = text + len;
	r->entries = NULL;
	r->count = 0;
	entry = text;
	for (line = text; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		if (nl - line == 1 && *line == '%') {
			add_entry(r, entry, line);
			entry = nl + 1;
		}
	}
	if (entry < end)
		add_entry(r, entry, end);
}

void reminders_load(struct reminders *r)
{
	size_t len;

	r->path = data_path("reminders");
	r->text = data_file_read(r->path, &len);
	reminders_parse(r, r->text, len);
	if (r->count == 0)
		die_at(r->path, 0, "no reminders in the file");
}

void reminders_free(struct reminders *r)
{
	free(r->entries);
	free(r->text);
	free(r->path);
	memset(r, 0, sizeof *r);
}
