/* bank.c: question banks, of rating statements or knowledge questions */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearth.h"

enum { ANSWER_MAX = 99, CHOICES_MAX = 26, MEAN_MAX = 999 };
enum { EITHER_KIND = -1 };

/* Names mapped to their index in an array, so that loading a bank and
 * scoring an answer take one look-up, not a search. */
struct name_slot {
	const char *name; /* NULL: a free slot */
	uint64_t head;
	uint32_t len, index; /* a data file of 16 MiB holds fewer names */
};
struct name_index {
	struct name_slot *slots;
	size_t nslots, count; /* nslots: a power of two, or 0 */
};
struct bank_index {
	struct name_index items, scales;
};

struct loader {
	struct bank *b;
	const struct guide *guide;
	const struct record *rec;
	int kind_known;
	size_t items_cap, scales_cap, bands_cap, labels_cap;
};

#define FAIL(l, ...) record_die(&(l)->b->file, (l)->rec, __VA_ARGS__)

/* The first eight bytes of a name as one number. Most ids are no longer,
 * and for them the number and the length tell two names apart. */
static uint64_t head_of(const char *name, size_t len)
{
	size_t n = len < 8 ? len : 8, i;
	uint64_t head = 0;

	for (i = 0; i < n; i++)
		head = head << 8 | (unsigned char)name[i];
	return head;
}

static uint64_t hash_of(const char *name, size_t len, uint64_t head)
{
	uint64_t hash = (head ^ len) * 0x9e3779b97f4a7c15u;
	size_t i;

	for (i = 8; i < len; i++)
		hash = (hash ^ (unsigned char)name[i]) * 0x100000001b3u;
	return hash ^ hash >> 32;
}

/* Out of line, so that the usual short name is compared without a call. */
static RARE int same_tail(const struct name_slot *slot, const char *name)
{
	return memcmp(slot->name + 8, name + 8, slot->len - 8) == 0;
}

static inline int same_name(const struct name_slot *slot, const char *name,
                            size_t len, uint64_t head)
{
	return slot->head == head && slot->len == len &&
	       (len <= 8 || same_tail(slot, name));
}

/* The slot that holds name, or the free slot where it would go. Inline,
 * as score looks up an item for every answer. */
static inline struct name_slot *slot_of(const struct name_index *ix,
                                        const char *name, size_t len,
                                        uint64_t head, uint64_t hash)
{
	size_t mask = ix->nslots - 1, at;
	struct name_slot *slot;

	for (at = hash & mask;; at = (at + 1) & mask) {
		slot = &ix->slots[at];
		if (!slot->name || same_name(slot, name, len, head))
			return slot;
	}
}

static int index_find(const struct name_index *ix, const char *name,
                      size_t len, size_t *index)
{
	uint64_t head = head_of(name, len);
	const struct name_slot *slot;

	if (ix->nslots == 0)
		return 0;
	slot = slot_of(ix, name, len, head, hash_of(name, len, head));
	if (!slot->name)
		return 0;
	*index = slot->index;
	return 1;
}

/* Kept at most three quarters full, so that a look-up ends soon at a
 * free slot. */
static void index_grow(struct name_index *ix)
{
	const struct name_slot *slot;
	struct name_index bigger;
	size_t i;

	bigger.nslots = ix->nslots ? ix->nslots * 2 : 16;
	bigger.count = ix->count;
	bigger.slots = xcalloc(bigger.nslots, sizeof *bigger.slots);
	for (i = 0; i < ix->nslots; i++) {
		slot = &ix->slots[i];
		if (slot->name)
			*slot_of(&bigger, slot->name, slot->len, slot->head,
			         hash_of(slot->name, slot->len, slot->head)) =
			    *slot;
	}
	free(ix->slots);
	*ix = bigger;
}

/* Adds name as index; returns 0, and sets *index to the index it has,
 * when the name is there already. */
static int index_add(struct name_index *ix, const char *name, size_t index,
                     size_t *existing)
{
	size_t len = strlen(name);
	uint64_t head = head_of(name, len), hash = hash_of(name, len, head);
	struct name_slot *slot;

	if (4 * (ix->count + 1) > 3 * ix->nslots)
		index_grow(ix);
	slot = slot_of(ix, name, len, head, hash);
	if (slot->name) {
		*existing = slot->index;
		return 0;
	}
	slot->name = name;
	slot->head = head;
	slot->len = (uint32_t)len;
	slot->index = (uint32_t)index;
	ix->count++;
	return 1;
}

int bank_find_item(const struct bank *b, const char *id, size_t len,
                   size_t *index)
{
	return index_find(&b->index->items, id, len, index);
}

static void set_kind(struct loader *l, enum bank_kind kind)
{
	if (l->kind_known && l->b->kind != kind)
		FAIL(l, "a bank holds rating records (answer, band, need, "
		     "scale, rise, read, item, safety, signal) or knowledge "
		     "records (question, choice, note, quote), not both");
	l->b->kind = kind;
	l->kind_known = 1;
}

static long field_number(struct loader *l, size_t field, long min, long max,
                         const char *what)
{
	long n;

	if (!parse_number(l->rec->field[field], strlen(l->rec->field[field]),
	                  min, max, &n))
		FAIL(l, "%s '%s' is not a number from %ld to %ld", what,
		     l->rec->field[field], min, max);
	return n;
}

static const char *field_name(struct loader *l, size_t field,
                              const char *what)
{
	const char *name = l->rec->field[field];

	if (!is_name(name))
		FAIL(l, "%s '%s' must be lower-case letters, digits and "
		     "inner hyphens, starting with a letter", what, name);
	return name;
}

static long field_section(struct loader *l, size_t field)
{
	const struct guide_section *s;
	long n = field_number(l, field, 1, 999, "section");

	if (guide_find(l->guide, l->rec->field[field], &s) != REF_FOUND)
		FAIL(l, "the guide has no section %ld", n);
	return n;
}

static size_t find_scale(struct loader *l, size_t field)
{
	const char *name = l->rec->field[field];
	size_t i;

	if (!index_find(&l->b->index->scales, name, strlen(name), &i))
		FAIL(l, "no scale '%s' is defined above this line", name);
	return i;
}

static size_t find_item(struct loader *l, size_t field)
{
	const char *id = l->rec->field[field];
	size_t i;

	if (!index_find(&l->b->index->items, id, strlen(id), &i))
		FAIL(l, "no item '%s' is defined above this line", id);
	return i;
}

static void need_answers(struct loader *l)
{
	if (l->b->labels == NULL)
		FAIL(l, "'%s' needs the answer records above it",
		     l->rec->field[0]);
}

static void add_answer(struct loader *l)
{
	struct bank *b = l->b;
	long value;
	size_t count = (size_t)(b->labels ? b->answer_max - b->answer_min + 1
	                                  : 0);

	record_expect(&b->file, l->rec, 3);
	value = field_number(l, 1, 0, ANSWER_MAX, "answer value");
	if (b->labels && value != b->answer_max + 1)
		FAIL(l, "answer %ld does not follow answer %ld", value,
		     b->answer_max);
	if (!b->labels)
		b->answer_min = value;
	b->answer_max = value;
	b->labels = xgrow(b->labels, &l->labels_cap, count + 1,
	                  sizeof *b->labels);
	b->labels[count] = l->rec->field[2];
}

/* "2.4" or "3" as tenths. */
static long field_tenths(struct loader *l, size_t field)
{
	const char *s = l->rec->field[field], *dot = strchr(s, '.');
	size_t whole = dot ? (size_t)(dot - s) : strlen(s);
	long units, tenth = 0;

	if (!parse_number(s, whole, 0, MEAN_MAX, &units) ||
	    (dot && !parse_number(dot + 1, strlen(dot + 1), 0, 9, &tenth)) ||
	    (dot && dot[2] != '\0'))
		FAIL(l, "'%s' is not a mean like 2.4", s);
	return units * 10 + tenth;
}

static void add_band(struct loader *l)
{
	struct bank *b = l->b;
	long from;
	size_t i;

	record_expect(&b->file, l->rec, 3);
	need_answers(l);
	if (b->read)
		FAIL(l, "bands must be defined before the read records");
	from = field_tenths(l, 2);
	if (b->nbands == 0 && from != b->answer_min * 10)
		FAIL(l, "the first band must start at the lowest answer, %ld",
		     b->answer_min);
	if (b->nbands > 0 && from <= b->bands[b->nbands - 1].from)
		FAIL(l, "bands must be in rising order");
	if (from > b->answer_max * 10)
		FAIL(l, "band starts above the highest answer, %ld",
		     b->answer_max);
	for (i = 0; i < b->nbands; i++)
		if (strcmp(b->bands[i].name, l->rec->field[1]) == 0)
			FAIL(l, "band '%s' is defined twice", b->bands[i].name);
	b->bands = xgrow(b->bands, &l->bands_cap, b->nbands + 1,
	                 sizeof *b->bands);
	b->bands[b->nbands].name = field_name(l, 1, "band name");
	b->bands[b->nbands].name_len = strlen(b->bands[b->nbands].name);
	b->bands[b->nbands++].from = from;
}

static void add_need(struct loader *l)
{
	record_expect(&l->b->file, l->rec, 2);
	if (l->b->need_percent)
		FAIL(l, "need is given twice");
	l->b->need_percent = field_number(l, 1, 1, 100, "need");
}

static void add_scale(struct loader *l)
{
	struct bank *b = l->b;
	const char *name;
	size_t first;

	record_expect(&b->file, l->rec, 3);
	if (b->nitems > 0 || b->read)
		FAIL(l, "scales must be defined before the read and item "
		     "records");
	name = field_name(l, 1, "scale name");
	if (strcmp(name, "safety") == 0 || strcmp(name, "answer") == 0)
		FAIL(l, "'%s' is kept for score's own records; name the "
		     "scale otherwise", name);
	if (!index_add(&b->index->scales, name, b->nscales, &first))
		FAIL(l, "scale '%s' is defined twice", name);
	b->scales = xgrow(b->scales, &l->scales_cap, b->nscales + 1,
	                  sizeof *b->scales);
	memset(&b->scales[b->nscales], 0, sizeof *b->scales);
	b->scales[b->nscales].name = name;
	b->scales[b->nscales].name_len = strlen(name);
	b->scales[b->nscales].description = l->rec->field[2];
	b->scales[b->nscales++].line = l->rec->line;
}

static void add_read(struct loader *l)
{
	struct bank *b = l->b;
	size_t scale, band;

	record_expect(&b->file, l->rec, 4);
	if (b->nbands == 0)
		FAIL(l, "read needs the band records above it");
	scale = find_scale(l, 1);
	for (band = 0; band < b->nbands; band++)
		if (strcmp(b->bands[band].name, l->rec->field[2]) == 0)
			break;
	if (band == b->nbands)
		FAIL(l, "no band '%s' is defined above this line",
		     l->rec->field[2]);
	if (!b->read)
		b->read = xcalloc(b->nscales * b->nbands, sizeof *b->read);
	if (b->read[scale * b->nbands + band])
		FAIL(l, "scale '%s' already reads a section in band '%s'",
		     b->scales[scale].name, b->bands[band].name);
	b->read[scale * b->nbands + band] = field_section(l, 3);
}

static struct item *new_item(struct loader *l, size_t id_field)
{
	struct bank *b = l->b;
	const char *id = field_name(l, id_field, "id");
	struct item *it;
	size_t first;

	if (strcmp(id, SESSION_MAGIC) == 0)
		FAIL(l, "'%s' cannot be an id", id);
	if (!index_add(&b->index->items, id, b->nitems, &first))
		FAIL(l, "id '%s' is used twice (first on line %ld)", id,
		     b->items[first].line);
	b->items = xgrow(b->items, &l->items_cap, b->nitems + 1,
	                 sizeof *b->items);
	it = &b->items[b->nitems++];
	memset(it, 0, sizeof *it);
	it->id = id;
	it->id_len = strlen(id);
	it->line = l->rec->line;
	return it;
}

static void add_item(struct loader *l)
{
	struct item *it;
	const char *key;

	record_expect(&l->b->file, l->rec, 5);
	if (l->b->nscales == 0)
		FAIL(l, "items need the scale records above them");
	it = new_item(l, 1);
	it->scale = find_scale(l, 2);
	key = l->rec->field[3];
	if (strcmp(key, "+") != 0 && strcmp(key, "-") != 0)
		FAIL(l, "key '%s' must be + or -", key);
	it->reversed = *key == '-';
	it->text = l->rec->field[4];
	l->b->scales[it->scale].nitems++;
}

static void add_rise(struct loader *l)
{
	struct scale *s;

	record_expect(&l->b->file, l->rec, 3);
	s = &l->b->scales[find_scale(l, 1)];
	if (s->rise)
		FAIL(l, "scale '%s' has a rise already", s->name);
	s->rise = l->rec->field[2];
}

static void add_safety(struct loader *l)
{
	record_expect(&l->b->file, l->rec, 2);
	if (l->b->safety_message)
		FAIL(l, "safety is given twice");
	l->b->safety_message = l->rec->field[1];
}

/* signal ID FROM TO TEXT: a statement of no scale, whose answers FROM to
 * TO call for the safety message. */
static void add_signal(struct loader *l)
{
	struct bank *b = l->b;
	struct item *it;

	record_expect(&b->file, l->rec, 5);
	need_answers(l);
	if (!b->safety_message)
		FAIL(l, "signal needs the safety record above it");
	it = new_item(l, 1);
	it->scale = NO_SCALE;
	it->is_signal = 1;
	it->fires_from = field_number(l, 2, b->answer_min, b->answer_max,
	                              "answer");
	it->fires_to = field_number(l, 3, it->fires_from, b->answer_max,
	                            "answer");
	if (it->fires_from == b->answer_min && it->fires_to == b->answer_max)
		FAIL(l, "signal '%s' fires on every answer", it->id);
	it->text = l->rec->field[4];
	b->nsignals++;
}

static void add_intro(struct loader *l)
{
	record_expect(&l->b->file, l->rec, 2);
	if (l->b->intro)
		FAIL(l, "intro is given twice");
	l->b->intro = l->rec->field[1];
}

static void add_question(struct loader *l)
{
	const char *answer;
	struct item *it;

	record_expect(&l->b->file, l->rec, 5);
	it = new_item(l, 1);
	it->section = field_section(l, 2);
	answer = l->rec->field[3];
	if (answer[0] < 'a' || answer[0] >= 'a' + CHOICES_MAX || answer[1])
		FAIL(l, "answer '%s' must be one letter from a to z", answer);
	it->answer = (size_t)(answer[0] - 'a');
	it->text = l->rec->field[4];
}

static struct item *question_of(struct loader *l)
{
	return &l->b->items[find_item(l, 1)];
}

static void add_choice(struct loader *l)
{
	struct item *it;

	record_expect(&l->b->file, l->rec, 3);
	it = question_of(l);
	if (it->nchoices == CHOICES_MAX)
		FAIL(l, "question '%s' has more than %d choices", it->id,
		     CHOICES_MAX);
	/* Room for 4, then 8, 16 and 26: a few reallocations at most. */
	if (it->nchoices % 4 == 0 && (it->nchoices & (it->nchoices - 1)) == 0)
		it->choices = xrealloc(it->choices, it->nchoices ? 2 * it->nchoices
		                                                 : 4,
		                       sizeof *it->choices);
	it->choices[it->nchoices++] = l->rec->field[2];
}

static void add_note(struct loader *l)
{
	struct item *it;

	record_expect(&l->b->file, l->rec, 3);
	it = question_of(l);
	if (it->note)
		FAIL(l, "question '%s' has a note already", it->id);
	it->note = l->rec->field[2];
}

/* quote ID PART: after an answer, quiz and score quote the lines of this
 * part of the question's section. */
static void add_quote(struct loader *l)
{
	const struct guide_section *s;
	struct item *it;
	long n;

	record_expect(&l->b->file, l->rec, 3);
	it = question_of(l);
	if (it->quote)
		FAIL(l, "question '%s' has a quote already", it->id);
	n = it->section;
	s = guide_section_of(l->guide, n);
	if (!guide_next_line(s, l->rec->field[2], NULL))
		FAIL(l, "section %ld of the guide has no part '%s'", n,
		     l->rec->field[2]);
	it->quote = l->rec->field[2];
}

static const struct {
	const char *type;
	int kind; /* an enum bank_kind, or EITHER_KIND */
	void (*add)(struct loader *);
} record_types[] = {
	{"answer", BANK_RATING, add_answer},
	{"band", BANK_RATING, add_band},
	{"need", BANK_RATING, add_need},
	{"scale", BANK_RATING, add_scale},
	{"read", BANK_RATING, add_read},
	{"item", BANK_RATING, add_item},
	{"rise", BANK_RATING, add_rise},
	{"safety", BANK_RATING, add_safety},
	{"signal", BANK_RATING, add_signal},
	{"question", BANK_CHOICE, add_question},
	{"choice", BANK_CHOICE, add_choice},
	{"note", BANK_CHOICE, add_note},
	{"quote", BANK_CHOICE, add_quote},
	{"intro", EITHER_KIND, add_intro},
};

static void add_record(struct loader *l)
{
	size_t i;

	for (i = 0; i < sizeof record_types / sizeof *record_types; i++) {
		if (l->rec->field[0][0] == record_types[i].type[0] &&
		    strcmp(l->rec->field[0], record_types[i].type) == 0) {
			if (record_types[i].kind != EITHER_KIND)
				set_kind(l, (enum bank_kind)record_types[i].kind);
			record_types[i].add(l);
			return;
		}
	}
	FAIL(l, "unknown record '%s'", l->rec->field[0]);
}

static void check_rating_bank(struct bank *b)
{
	size_t i;
	struct scale *s;

	if (b->answer_max - b->answer_min < 1)
		die_at(b->file.path, 0, "a rating bank needs two or more "
		       "answer records");
	if (b->nbands == 0 || b->need_percent == 0)
		die_at(b->file.path, 0, "a rating bank needs band and need "
		       "records");
	for (i = 0; i < b->nscales; i++) {
		s = &b->scales[i];
		if (s->nitems < 2)
			die_at(b->file.path, s->line, "scale '%s' has %zu "
			       "items; a scale needs two or more", s->name,
			       s->nitems);
		s->need = (s->nitems * (size_t)b->need_percent + 99) / 100;
		if (s->need < 2)
			s->need = 2;
	}
	if (b->safety_message && b->nsignals == 0)
		die_at(b->file.path, 0, "the safety message needs signal "
		       "records to call for it");
	if (!b->read)
		b->read = xcalloc(b->nscales * b->nbands, sizeof *b->read);
}

static void check_choice_bank(const struct bank *b)
{
	const struct item *it;
	size_t i;

	for (i = 0; i < b->nitems; i++) {
		it = &b->items[i];
		if (it->nchoices < 2)
			die_at(b->file.path, it->line, "question '%s' has "
			       "%zu choices; it needs two or more", it->id,
			       it->nchoices);
		if (it->answer >= it->nchoices)
			die_at(b->file.path, it->line, "the answer to '%s' "
			       "is not among its %zu choices", it->id,
			       it->nchoices);
	}
}

static char *bank_file_name(const char *name)
{
	return xasprintf("%s.bank", name);
}

int bank_exists(const char *name)
{
	char *file_name = bank_file_name(name), *path = data_find(file_name);
	int exists = path != NULL;

	free(path);
	free(file_name);
	return exists;
}

void bank_load(struct bank *b, const char *name, const struct guide *g)
{
	char *file_name, *path;

	memset(b, 0, sizeof *b);
	b->name = xstrdup(name);
	file_name = bank_file_name(name);
	path = data_path(file_name);
	free(file_name);
	record_file_load(&b->file, path);
	bank_parse(b, g);
}

void bank_parse(struct bank *b, const struct guide *g)
{
	struct loader l;

	memset(&l, 0, sizeof l);
	l.b = b;
	l.guide = g;
	b->index = xcalloc(1, sizeof *b->index);
	while ((l.rec = record_next(&b->file)))
		add_record(&l);
	if (b->nitems == 0)
		die_at(b->file.path, 0, "no items or questions in the bank");
	if (b->kind == BANK_RATING)
		check_rating_bank(b);
	else
		check_choice_bank(b);
}

void bank_free(struct bank *b)
{
	size_t i;

	for (i = 0; i < b->nitems; i++)
		free(b->items[i].choices);
	free(b->items);
	free(b->labels);
	free(b->bands);
	free(b->scales);
	free(b->read);
	if (b->index) {
		free(b->index->items.slots);
		free(b->index->scales.slots);
		free(b->index);
	}
	free(b->name);
	record_file_free(&b->file);
	memset(b, 0, sizeof *b);
}

int bank_parse_answer(const struct bank *b, const struct item *it,
                      const char *s, size_t len, long *value)
{
	if (b->kind == BANK_RATING && len == 1 && s[0] == '-') {
		*value = ANSWER_SKIPPED;
		return 1;
	}
	if (b->kind == BANK_RATING)
		return parse_number(s, len, b->answer_min, b->answer_max, value);
	if (len != 1 || s[0] < 'a' || s[0] >= 'a' + (int)it->nchoices)
		return 0;
	*value = s[0] - 'a';
	return 1;
}

void bank_add_answer(struct buf *out, const struct bank *b, long value)
{
	if (value == ANSWER_SKIPPED)
		buf_add_char(out, '-');
	else if (b->kind == BANK_RATING)
		buf_add_long(out, value);
	else
		buf_add_char(out, (char)('a' + value));
}

int signal_fires(const struct item *it, long value)
{
	return value != ANSWER_SKIPPED && value >= it->fires_from &&
	       value <= it->fires_to;
}

long bank_counted(const struct bank *b, const struct item *it, long value)
{
	return it->reversed ? b->answer_min + b->answer_max - value : value;
}

void bank_describe_answers(const struct bank *b, const struct item *it,
                           char *buf, size_t size)
{
	/* At most "99 to 99": the callers' buffers hold it whole. */
	if (b->kind == BANK_CHOICE)
		(void)snprintf(buf, size, "a to %c",
		               'a' + (int)it->nchoices - 1);
	else
		(void)snprintf(buf, size, "%ld to %ld", b->answer_min,
		               b->answer_max);
}
