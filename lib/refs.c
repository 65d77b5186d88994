/* refs.c: references from operands, and from stdin for an operand "-" */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

static void add(struct ref_list *list, const struct guide_section *s)
{
	if (list->count == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 8;
		list->items = xrealloc(list->items, list->cap,
		                       sizeof(const struct guide_section *));
	}
	list->items[list->count++] = s;
}

/* The reader lives in the list, so that refs_free can let go of it even
 * after an error cut the reading short. */
static void collect_stdin(struct ref_list *list, const struct guide *g)
{
	struct line_reader *in = &list->in;
	enum line_status status;
	const char *problem;
	char *line;
	size_t len;

	line_reader_open(in, STDIN_FILENO, "stdin");
	while ((status = line_next(in, &line, &len)) != LINE_EOF) {
		if (status == LINE_TOO_LONG)
			die_at(in->name, in->lineno, "%s", line_too_long);
		problem = line_problem(line, len);
		if (problem)
			die_at(in->name, in->lineno, "%s", problem);
		if (line_is_skipped(line, len))
			continue;
		line = trim_blanks(line, &len);
		add(list, guide_find_or_die(g, line, in->name, in->lineno));
	}
	line_reader_close(in);
}

void refs_collect(struct ref_list *list, const struct guide *g,
                  char **operands, int count)
{
	int i;

	memset(list, 0, sizeof *list);
	for (i = 0; i < count; i++) {
		if (strcmp(operands[i], "-") == 0)
			collect_stdin(list, g);
		else
			add(list, guide_find_or_die(g, operands[i], NULL, 0));
	}
}

void refs_free(struct ref_list *list)
{
	if (list->in.buf)
		line_reader_close(&list->in);
	free(list->items);
	memset(list, 0, sizeof *list);
}
