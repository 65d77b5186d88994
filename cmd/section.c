/* section: print the guide, or the sections and parts asked for */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "hearth.h"

static const char optstring[] = ":cf:hlpVw:";
static const char synopsis[] =
	"usage: section [-chlpV] [-f part] [-w width] [reference ...]\n";
static const char details[] =
	"Print the guide, or the sections named by number, slug or a slug's\n"
	"first letters. A reference '-' reads references from stdin, one a line.\n"
	"  -c        after each paragraph research qualifies, a note on it\n"
	"  -f part   print only this part of each section (e.g. neuroscience)\n"
	"  -l        list the sections: number, slug and title\n"
	"  -p        list the parts of each section: number and part name\n"
	"  -w width  wrap paragraphs to width columns; 0 never wraps\n"
	"  -h        print this help\n"
	"  -V        print the version\n";

/* Number, slug and title: the line of -l, and the marker of -f. No
 * paragraph holds a tab, as the guide's fields cannot, so a reader of
 * -f tells a marker from a paragraph by its tabs. */
static void print_section_line(const struct guide_section *s)
{
	out_printf("%ld\t%s\t", s->number, s->slug);
	out_text(s->title, strlen(s->title));
	out_char('\n');
}

static void list_sections(const struct ref_list *refs)
{
	size_t i;

	for (i = 0; i < refs->count; i++)
		print_section_line(refs->items[i]);
}

static void list_parts(const struct ref_list *refs)
{
	const struct guide_section *s;
	size_t i, j, k;

	for (i = 0; i < refs->count; i++) {
		s = refs->items[i];
		for (j = 0; j < s->nlines; j++) {
			for (k = 0; k < j; k++)
				if (strcmp(s->lines[k].part, s->lines[j].part) == 0)
					break;
			if (k == j)
				out_printf("%ld\t%s\n", s->number,
				           s->lines[j].part);
		}
	}
}

static int has_part(const struct guide_section *s, const char *part)
{
	size_t i;

	for (i = 0; i < s->nlines; i++)
		if (strcmp(s->lines[i].part, part) == 0)
			return 1;
	return 0;
}

static int is_prefix(const char *prefix, const char *s)
{
	return strncasecmp(prefix, s, strlen(prefix)) == 0;
}

/* Resolves what -f names to one part name of the sections asked for:
 * the part itself, or the only part that starts with it. */
static const char *resolve_part(const struct ref_list *refs, const char *want)
{
	const char *match = NULL, *part;
	size_t i, j;

	for (i = 0; i < refs->count; i++)
		for (j = 0; j < refs->items[i]->nlines; j++)
			if (strcasecmp(refs->items[i]->lines[j].part, want) == 0)
				return refs->items[i]->lines[j].part;
	for (i = 0; i < refs->count; i++) {
		for (j = 0; j < refs->items[i]->nlines; j++) {
			part = refs->items[i]->lines[j].part;
			if (!is_prefix(want, part))
				continue;
			if (match && strcmp(match, part) != 0)
				die("part '%s' could mean %s or %s", want,
				    match, part);
			match = part;
		}
	}
	if (!match)
		die("no part '%s' in the sections asked for", want);
	return match;
}

/* A note is a paragraph of its own, marked at its start as the
 * research's and not the guide's, and naming its studies there. */
static void print_note(const struct research_note *note, size_t width)
{
	char *paragraph;

	paragraph = xasprintf("Research note (%s): %s", note->sources,
	                      note->text);
	wrap_paragraph(paragraph, width);
	free(paragraph);
}

/* The notes on a part follow its last line, so a list stays whole. */
static void print_notes_after(const struct research *research,
                              const struct guide_section *s,
                              const struct guide_line *line, size_t width)
{
	const struct research_note *note = NULL;

	if (!research || guide_next_line(s, line->part, line))
		return;
	while ((note = research_next_note(research, s, line->part, note)))
		print_note(note, width);
}

static void print_section(const struct guide_section *s, const char *part,
                          const struct research *research, size_t width)
{
	size_t i;

	if (!part)
		wrap_paragraph(s->heading, width);
	for (i = 0; i < s->nlines; i++) {
		if (part && strcmp(s->lines[i].part, part) != 0)
			continue;
		wrap_paragraph(s->lines[i].text, width);
		print_notes_after(research, s, &s->lines[i], width);
	}
}

/* With -f and more than one section asked for, as grep -H names the
 * file, a marker line says which section the paragraphs after it are
 * from: its number, slug and title, as -l lists it. */
static void print_sections(const struct ref_list *refs, const char *part,
                           const struct research *research, size_t width)
{
	size_t i, printed = 0;
	int marked = part && refs->count > 1;

	for (i = 0; i < refs->count; i++) {
		if (part && !has_part(refs->items[i], part))
			continue;
		if (width > 0 && printed++ > 0)
			out_char('\n');
		if (marked)
			print_section_line(refs->items[i]);
		print_section(refs->items[i], part, research, width);
	}
}

static void all_sections(struct ref_list *refs, const struct guide *g)
{
	size_t i;

	memset(refs, 0, sizeof *refs);
	refs->items = xcalloc(g->nsections, sizeof(const struct guide_section *));
	for (i = 0; i < g->nsections; i++)
		refs->items[refs->count++] = &g->sections[i];
}

int main(int argc, char **argv)
{
	struct guide guide;
	struct ref_list refs;
	struct research research;
	const char *part = NULL;
	long width = -1;
	int list = 0, parts = 0, cite = 0, opt;

	cli_start(argc, argv, optstring, synopsis, details);
	while ((opt = getopt(argc, argv, optstring)) != -1) {
		switch (opt) {
		case 'c':
			cite = 1;
			break;
		case 'f':
			part = option_text('f', optarg);
			break;
		case 'l':
			list = 1;
			break;
		case 'p':
			parts = 1;
			break;
		case 'w':
			width = option_width(optarg);
			break;
		default:
			cli_common_option(opt);
		}
	}
	if (list && parts)
		option_conflict('l', 'p');
	if ((list || parts) && part)
		option_conflict(list ? 'l' : 'p', 'f');
	if ((list || parts) && cite)
		option_conflict(list ? 'l' : 'p', 'c');
	guide_load(&guide);
	if (cite)
		research_load(&research, &guide);
	if (optind < argc)
		refs_collect(&refs, &guide, argv + optind, argc - optind);
	else
		all_sections(&refs, &guide);
	if (list)
		list_sections(&refs);
	else if (parts)
		list_parts(&refs);
	else
		print_sections(&refs, part ? resolve_part(&refs, part) : NULL,
		               cite ? &research : NULL, output_width(width));
	if (cite)
		research_free(&research);
	refs_free(&refs);
	guide_free(&guide);
	out_finish();
	return EXIT_SUCCESS;
}
