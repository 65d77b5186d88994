/* fuzz_records: the tab-separated record format of the data files.
 *
 * Each input is read three times: as a guide (record_file_parse,
 * guide_parse), as a question bank (record_file_parse, bank_parse) and
 * as a research file (record_file_parse, research_parse), whose sections
 * are checked against the real guide, share/guide, loaded once. A parse
 * that fails exits through exit_hook back here, and everything is
 * freed with guide_free and bank_free: the structures must be consistent
 * at every error, so LeakSanitizer reports any leak on an error path. A
 * parse that succeeds must give what hearth.h promises; a broken promise
 * aborts. Reproduce with: tests/fuzz/build/fuzz_records FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearth.h"
#include "fuzz.h"

static struct guide real_guide;
/* Static, so that their contents are defined after a longjmp. */
static struct guide guide;
static struct bank bank;
static struct research research;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_start();
	guide_load(&real_guide);
	return 0;
}

static void check_found(const struct guide *g, const char *ref,
                        const struct guide_section *want)
{
	const struct guide_section *s;

	if (guide_find(g, ref, &s) != REF_FOUND || s != want)
		fuzz_fail("a section is not found by its number or slug");
}

static void check_guide(const struct guide *g)
{
	const struct guide_section *s;
	char number[16];
	size_t i, j;

	if (g->nsections == 0)
		fuzz_fail("a guide without sections was accepted");
	for (i = 0; i < g->nsections; i++) {
		s = &g->sections[i];
		if (s->number < 1 || s->number > SECTION_NUMBER_MAX)
			fuzz_fail("a section number is out of range");
		if (!is_name(s->slug) || !s->heading || !s->title)
			fuzz_fail("a section has a bad slug or heading");
		if (s->nlines == 0)
			fuzz_fail("a section without lines was accepted");
		for (j = 0; j < s->nlines; j++)
			if (!is_name(s->lines[j].part) || !s->lines[j].text)
				fuzz_fail("a line has a bad part or text");
		check_found(g, s->slug, s);
		snprintf(number, sizeof number, "%ld", s->number);
		check_found(g, number, s);
	}
}

static void check_answers(const struct bank *b, const struct item *it)
{
	char buf[64], s[4];
	long v, lo, hi, got;

	bank_describe_answers(b, it, buf, sizeof buf);
	lo = b->kind == BANK_CHOICE ? 0 : b->answer_min;
	hi = b->kind == BANK_CHOICE ? (long)it->nchoices - 1 : b->answer_max;
	for (v = lo - 1; v <= hi + 1; v++) {
		if (b->kind == BANK_CHOICE)
			snprintf(s, sizeof s, "%c", (char)('a' + v));
		else if (v >= 0)
			snprintf(s, sizeof s, "%ld", v);
		else
			continue;
		got = -1;
		if (bank_parse_answer(b, it, s, strlen(s), &got) !=
		    (v >= lo && v <= hi))
			fuzz_fail("bank_parse_answer disagrees with the range");
		if (v >= lo && v <= hi && got != v)
			fuzz_fail("bank_parse_answer gives another value");
	}
}

/* A safety statement calls for the message on its answers FROM to TO,
 * never on all of them, and never when skipped. */
static void check_signal(const struct bank *b, const struct item *it)
{
	long v;

	if (!it->is_signal)
		return;
	if (it->fires_from < b->answer_min || it->fires_to > b->answer_max ||
	    it->fires_from > it->fires_to ||
	    (it->fires_from == b->answer_min && it->fires_to == b->answer_max))
		fuzz_fail("a signal has a bad range");
	for (v = b->answer_min; v <= b->answer_max; v++)
		if (signal_fires(it, v) != (v >= it->fires_from && v <= it->fires_to))
			fuzz_fail("signal_fires disagrees with the range");
	if (signal_fires(it, ANSWER_SKIPPED))
		fuzz_fail("a skipped signal fires");
}

static void check_section(const struct guide *g, long n)
{
	const struct guide_section *s;
	char number[16];

	snprintf(number, sizeof number, "%ld", n);
	if (guide_find(g, number, &s) != REF_FOUND)
		fuzz_fail("a bank points to a section the guide lacks");
}

static void check_bank(const struct bank *b, const struct guide *g)
{
	const struct item *it;
	size_t i, index;

	if (b->nitems == 0)
		fuzz_fail("a bank without items was accepted");
	for (i = 0; i < b->nitems; i++) {
		it = &b->items[i];
		if (!is_name(it->id) || strlen(it->id) != it->id_len ||
		    !it->text)
			fuzz_fail("an item has a bad id or text");
		if (!bank_find_item(b, it->id, it->id_len, &index) ||
		    index != i)
			fuzz_fail("bank_find_item misses an item");
		if (b->kind == BANK_CHOICE) {
			if (it->nchoices < 2 || it->answer >= it->nchoices)
				fuzz_fail("a question has a bad answer");
			check_section(g, it->section);
			if (it->quote &&
			    !guide_next_line(guide_section_of(g, it->section),
			                     it->quote, NULL))
				fuzz_fail("a quote of no part of its section");
		} else if (!it->is_signal && it->scale >= b->nscales) {
			fuzz_fail("an item has a bad scale");
		}
		check_answers(b, it);
	}
	if (b->kind == BANK_CHOICE)
		return;
	if (b->answer_max - b->answer_min < 1 || !b->labels || !b->read ||
	    b->nbands == 0 || b->bands[0].from != b->answer_min * 10)
		fuzz_fail("a rating bank has a bad answer range or bands");
	for (i = 0; i < b->nbands; i++)
		if ((i > 0 && b->bands[i].from <= b->bands[i - 1].from) ||
		    b->bands[i].from > b->answer_max * 10)
			fuzz_fail("bands are out of order or range");
	for (i = 0; i < b->nscales; i++)
		if (b->scales[i].nitems < 2 || b->scales[i].need < 2 ||
		    b->scales[i].need > b->scales[i].nitems)
			fuzz_fail("a scale has too few items");
	for (i = 0; i < b->nscales * b->nbands; i++)
		if (b->read[i])
			check_section(g, b->read[i]);
	if (!b->safety_message != (b->nsignals == 0))
		fuzz_fail("a safety message without signals, or signals without one");
	for (i = 0; i < b->nitems; i++)
		check_signal(b, &b->items[i]);
}

static void check_research(const struct research *r)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		if (!guide_next_line(r->notes[i].section, r->notes[i].part, NULL) ||
		    !*r->notes[i].sources || !*r->notes[i].text)
			fuzz_fail("a note on no part of the guide, or empty");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	memset(&guide, 0, sizeof guide);
	guide.file.path = xstrdup("fuzz/guide");
	guide.file.text = fuzz_copy(data, size);
	if (setjmp(fuzz_jump) == 0) {
		fuzz_armed = 1;
		record_file_parse(&guide.file, size);
		guide_parse(&guide);
		fuzz_armed = 0;
		check_guide(&guide);
	}
	fuzz_armed = 0;
	guide_free(&guide);

	memset(&bank, 0, sizeof bank);
	bank.name = xstrdup("fuzz");
	bank.file.path = xstrdup("fuzz/fuzz.bank");
	bank.file.text = fuzz_copy(data, size);
	if (setjmp(fuzz_jump) == 0) {
		fuzz_armed = 1;
		record_file_parse(&bank.file, size);
		bank_parse(&bank, &real_guide);
		fuzz_armed = 0;
		check_bank(&bank, &real_guide);
	}
	fuzz_armed = 0;
	bank_free(&bank);

	memset(&research, 0, sizeof research);
	research.file.path = xstrdup("fuzz/research");
	research.file.text = fuzz_copy(data, size);
	if (setjmp(fuzz_jump) == 0) {
		fuzz_armed = 1;
		record_file_parse(&research.file, size);
		research_parse(&research, &real_guide);
		fuzz_armed = 0;
		check_research(&research);
	}
	fuzz_armed = 0;
	research_free(&research);
	return 0;
}
