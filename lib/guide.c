/* guide.c: the guide's sections, parts and key points */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "hearth.h"

static struct guide_section *find_by_number(const struct guide *g, long n)
{
	size_t i;

	for (i = 0; i < g->nsections; i++)
		if (g->sections[i].number == n)
			return &g->sections[i];
	return NULL;
}

static struct guide_section *find_by_slug(const struct guide *g,
                                          const char *slug)
{
	size_t i;

	for (i = 0; i < g->nsections; i++)
		if (strcmp(g->sections[i].slug, slug) == 0)
			return &g->sections[i];
	return NULL;
}

/* The title is the heading without the "NUMBER. " the guide puts first. */
static const char *title_of(const char *heading, const char *number)
{
	size_t len = strlen(number);

	if (strncmp(heading, number, len) == 0 && heading[len] == '.' &&
	    heading[len + 1] == ' ' && heading[len + 2] != '\0')
		return heading + len + 2;
	return heading;
}

static void add_section(struct guide *g, const struct record *rec)
{
	const struct record_file *f = &g->file;
	struct guide_section *s;
	long number;

	record_expect(f, rec, 4);
	if (!parse_number(rec->field[1], strlen(rec->field[1]), 1,
	                  SECTION_NUMBER_MAX, &number))
		record_die(f, rec, "section number '%s' is not a number from 1 "
		           "to %d", rec->field[1], SECTION_NUMBER_MAX);
	if (find_by_number(g, number))
		record_die(f, rec, "section %ld is defined twice", number);
	if (!is_name(rec->field[2]))
		record_die(f, rec, "slug '%s' must be lower-case letters, "
		           "digits and inner hyphens, starting with a letter",
		           rec->field[2]);
	if (find_by_slug(g, rec->field[2]))
		record_die(f, rec, "slug '%s' is used twice", rec->field[2]);
	g->sections = xgrow(g->sections, &g->sections_cap, g->nsections + 1,
	                    sizeof *g->sections);
	s = &g->sections[g->nsections++];
	memset(s, 0, sizeof *s);
	s->number = number;
	s->slug = rec->field[2];
	s->heading = rec->field[3];
	s->title = title_of(s->heading, rec->field[1]);
}

/* The section a line or point record belongs to; a line must follow its
 * section record, a point names a section of the guide. */
static struct guide_section *section_of(const struct guide *g,
                                        const struct record_file *f,
                                        const struct record *rec)
{
	struct guide_section *s = NULL;
	long number;

	if (parse_number(rec->field[1], strlen(rec->field[1]), 1,
	                  SECTION_NUMBER_MAX, &number))
		s = find_by_number(g, number);
	if (!s && f == &g->file)
		record_die(f, rec, "no section '%s' is defined above this line",
		           rec->field[1]);
	if (!s)
		record_die(f, rec, "the guide has no section '%s'",
		           rec->field[1]);
	return s;
}

static void add_line(struct guide *g, const struct record *rec)
{
	const struct record_file *f = &g->file;
	struct guide_section *s;

	record_expect(f, rec, 4);
	s = section_of(g, f, rec);
	if (!is_name(rec->field[2]))
		record_die(f, rec, "part name '%s' must be lower-case letters, "
		           "digits and inner hyphens, starting with a letter",
		           rec->field[2]);
	s->lines = xgrow(s->lines, &s->lines_cap, s->nlines + 1,
	                 sizeof *s->lines);
	s->lines[s->nlines].part = rec->field[2];
	s->lines[s->nlines].text = rec->field[3];
	s->nlines++;
}

static void check_complete(const struct guide *g)
{
	size_t i;

	if (g->nsections == 0)
		die_at(g->file.path, 0, "no sections in the guide");
	for (i = 0; i < g->nsections; i++)
		if (g->sections[i].nlines == 0)
			die_at(g->file.path, 0, "section %ld has no lines",
			       g->sections[i].number);
}

void guide_load(struct guide *g)
{
	memset(g, 0, sizeof *g);
	record_file_load(&g->file, data_path("guide"));
	guide_parse(g);
}

void guide_parse(struct guide *g)
{
	const struct record *rec;

	while ((rec = record_next(&g->file))) {
		if (strcmp(rec->field[0], "section") == 0)
			add_section(g, rec);
		else if (strcmp(rec->field[0], "line") == 0)
			add_line(g, rec);
		else
			record_die(&g->file, rec, "unknown record '%s' (expected "
			           "section or line)", rec->field[0]);
	}
	check_complete(g);
}

void guide_load_points(struct guide *g)
{
	struct record_file *f = &g->points_file;
	const struct record *rec;
	struct guide_section *s;

	record_file_load(f, data_path("points"));
	while ((rec = record_next(f))) {
		if (strcmp(rec->field[0], "point") != 0)
			record_die(f, rec, "unknown record '%s' (expected point)",
			           rec->field[0]);
		record_expect(f, rec, 3);
		s = section_of(g, f, rec);
		s->points = xgrow(s->points, &s->points_cap, s->npoints + 1,
		                  sizeof *s->points);
		s->points[s->npoints++] = rec->field[2];
	}
}

void guide_free(struct guide *g)
{
	size_t i;

	for (i = 0; i < g->nsections; i++) {
		free(g->sections[i].lines);
		free(g->sections[i].points);
	}
	free(g->sections);
	record_file_free(&g->file);
	if (g->points_file.text)
		record_file_free(&g->points_file);
	memset(g, 0, sizeof *g);
}

static int is_prefix_ci(const char *prefix, const char *s)
{
	for (; *prefix; prefix++, s++)
		if (tolower((unsigned char)*prefix) != *s)
			return 0;
	return 1;
}

enum ref_status guide_find(const struct guide *g, const char *ref,
                           const struct guide_section **found)
{
	size_t i, matches = 0;
	long number;

	*found = NULL;
	if (*ref == '\0')
		return REF_UNKNOWN;
	if (parse_number(ref, strlen(ref), 1, SECTION_NUMBER_MAX, &number)) {
		*found = find_by_number(g, number);
		return *found ? REF_FOUND : REF_UNKNOWN;
	}
	for (i = 0; i < g->nsections; i++) {
		const char *slug = g->sections[i].slug;

		if (!is_prefix_ci(ref, slug))
			continue;
		*found = &g->sections[i];
		if (strlen(ref) == strlen(slug))
			return REF_FOUND;
		matches++;
	}
	if (matches > 1) {
		*found = NULL;
		return REF_AMBIGUOUS;
	}
	return matches ? REF_FOUND : REF_UNKNOWN;
}

const struct guide_section *guide_section_of(const struct guide *g, long n)
{
	return find_by_number(g, n);
}

const struct guide_section *guide_section_of_record(const struct guide *g,
                                                    const struct record_file *f,
                                                    const struct record *rec)
{
	return section_of(g, f, rec);
}

const struct guide_line *guide_next_line(const struct guide_section *s,
                                         const char *part,
                                         const struct guide_line *after)
{
	size_t i = after ? (size_t)(after - s->lines) + 1 : 0;

	for (; i < s->nlines; i++)
		if (strcmp(s->lines[i].part, part) == 0)
			return &s->lines[i];
	return NULL;
}

const struct guide_section *guide_find_or_die(const struct guide *g,
                                              const char *ref,
                                              const char *path, long line)
{
	const struct guide_section *s;

	switch (guide_find(g, ref, &s)) {
	case REF_FOUND:
		return s;
	case REF_AMBIGUOUS:
		die_at(path, line, "'%s' could mean more than one section "
		       "(see section -l)", ref);
		break;
	case REF_UNKNOWN:
		break;
	}
	die_at(path, line, "no section '%s' (see section -l)", ref);
	return NULL;
}
