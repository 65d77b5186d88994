/* research.c: notes on what studies found, beside the guide's paragraphs */
#include <stdlib.h>
#include <string.h>

#include "hearth.h"

/* note NUMBER PART SOURCES TEXT */
static void add_note(struct research *r, const struct guide *g,
                     const struct record *rec)
{
	const struct record_file *f = &r->file;
	const struct guide_section *s;
	struct research_note *note;

	record_expect(f, rec, 5);
	s = guide_section_of_record(g, f, rec);
	if (!guide_next_line(s, rec->field[2], NULL))
		record_die(f, rec, "section %ld of the guide has no part '%s'",
		           s->number, rec->field[2]);
	r->notes = xgrow(r->notes, &r->cap, r->count + 1, sizeof *r->notes);
	note = &r->notes[r->count++];
	note->section = s;
	note->part = rec->field[2];
	note->sources = rec->field[3];
	note->text = rec->field[4];
}

void research_load(struct research *r, const struct guide *g)
{
	memset(r, 0, sizeof *r);
	record_file_load(&r->file, data_path("research"));
	research_parse(r, g);
}

void research_parse(struct research *r, const struct guide *g)
{
	const struct record *rec;

	while ((rec = record_next(&r->file))) {
		if (strcmp(rec->field[0], "note") != 0)
			record_die(&r->file, rec, "unknown record '%s' (expected "
			           "note)", rec->field[0]);
		add_note(r, g, rec);
	}
}

void research_free(struct research *r)
{
	free(r->notes);
	record_file_free(&r->file);
	memset(r, 0, sizeof *r);
}

const struct research_note *research_next_note(const struct research *r,
                                               const struct guide_section *s,
                                               const char *part,
                                               const struct research_note *after)
{
	size_t i = after ? (size_t)(after - r->notes) + 1 : 0;

	for (; i < r->count; i++)
		if (r->notes[i].section == s && strcmp(r->notes[i].part, part) == 0)
			return &r->notes[i];
	return NULL;
}
