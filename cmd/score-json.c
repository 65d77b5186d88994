/* score-json.c: results, answers and trends as JSON Lines, an object a
 * line, with the keys hearth-files(5) lists */
#include <stdio.h>

#include "score.h"

/* A string, its quotes, backslashes and controls escaped; the rest is
 * UTF-8 already, as every hearth file is. */
static void add_string(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c;

	buf_add_char(out, '"');
	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if (c == '"' || c == '\\') {
			buf_add_char(out, '\\');
			buf_add_char(out, (char)c);
		} else if (c < 0x20 || c == 0x7f) {
			buf_add_str(out, "\\u00");
			buf_add_char(out, hex[c >> 4]);
			buf_add_char(out, hex[c & 15]);
		} else {
			buf_add_char(out, (char)c);
		}
	}
	buf_add_char(out, '"');
}

/* ,"key": with the comma unless it is the first key */
static void add_key(struct buf *out, const char *key)
{
	if (out->len > 0 && out->data[out->len - 1] != '{')
		buf_add_char(out, ',');
	add_string(out, key);
	buf_add_char(out, ':');
}

static void add_text_member(struct buf *out, const char *key, const char *s)
{
	add_key(out, key);
	add_string(out, s);
}

static void add_number_member(struct buf *out, const char *key, long n)
{
	add_key(out, key);
	buf_add_long(out, n);
}

/* {"type":TYPE,"time":TIME,"bank":BANK */
static void open_object(struct buf *out, const char *type, const char *time,
                        const struct bank *b)
{
	buf_add_char(out, '{');
	add_text_member(out, "type", type);
	add_text_member(out, "time", time);
	add_text_member(out, "bank", b->name);
}

static void close_object(struct buf *out)
{
	buf_add_str(out, "}\n");
}

static void add_mean_member(struct buf *out, long mean)
{
	add_key(out, "mean");
	if (mean < 0)
		buf_add_str(out, "null");
	else
		add_mean(out, mean);
}

static void add_scale(struct buf *out, const struct result *r, size_t s)
{
	const struct bank *b = r->bank;
	long mean = r->mean[s], section;

	open_object(out, "scale", r->time, b);
	add_text_member(out, "scale", b->scales[s].name);
	add_mean_member(out, mean);
	add_key(out, "band");
	if (mean < 0)
		buf_add_str(out, "null");
	else
		add_string(out, b->bands[band_of(b, mean)].name);
	add_key(out, "section");
	section = mean < 0 ? 0 : section_of_mean(b, s, mean);
	if (section)
		buf_add_long(out, section);
	else
		buf_add_str(out, "null");
	add_number_member(out, "answered", r->answered[s]);
	add_number_member(out, "skipped", r->skipped[s]);
	add_number_member(out, "needed", (long)b->scales[s].need);
	close_object(out);
}

static void add_safety(struct buf *out, const char *time, const struct bank *b)
{
	open_object(out, "safety", time, b);
	add_text_member(out, "message", b->safety_message);
	close_object(out);
}

static void add_choice(struct buf *out, const struct result *r)
{
	size_t i;

	open_object(out, "knowledge", r->time, r->bank);
	add_number_member(out, "right", r->correct);
	add_number_member(out, "asked", (long)r->count);
	add_key(out, "sections");
	buf_add_char(out, '[');
	for (i = 0; i < r->nsections; i++) {
		if (i > 0)
			buf_add_char(out, ',');
		buf_add_long(out, r->sections[i]);
	}
	buf_add_char(out, ']');
	close_object(out);
}

static void add_letter_member(struct buf *out, const char *key,
                              const struct bank *b, long value)
{
	add_key(out, key);
	buf_add_char(out, '"');
	bank_add_answer(out, b, value);
	buf_add_char(out, '"');
}

/* "given": the answer, or null for a statement skipped */
static void add_given_member(struct buf *out, long given)
{
	add_key(out, "given");
	if (given == ANSWER_SKIPPED)
		buf_add_str(out, "null");
	else
		buf_add_long(out, given);
}

static void add_answer(struct buf *out, const struct result *r,
                       const struct given *g)
{
	const struct bank *b = r->bank;
	const struct item *it = &b->items[g->item];

	open_object(out, "answer", r->time, b);
	add_text_member(out, "id", it->id);
	if (it->is_signal) {
		add_text_member(out, "scale", "safety");
		add_number_member(out, "from", it->fires_from);
		add_number_member(out, "to", it->fires_to);
		add_given_member(out, g->value);
		add_key(out, "fired");
		buf_add_str(out, signal_fires(it, g->value) ? "true" : "false");
	} else if (b->kind == BANK_RATING) {
		add_text_member(out, "scale", b->scales[it->scale].name);
		add_key(out, "reversed");
		buf_add_str(out, it->reversed ? "true" : "false");
		add_given_member(out, g->value);
		add_key(out, "counted");
		if (g->value == ANSWER_SKIPPED)
			buf_add_str(out, "null");
		else
			buf_add_long(out, bank_counted(b, it, g->value));
	} else {
		add_number_member(out, "section", it->section);
		add_letter_member(out, "given", b, g->value);
		add_letter_member(out, "right", b, (long)it->answer);
		add_key(out, "correct");
		buf_add_str(out, g->value == (long)it->answer ? "true" : "false");
	}
	close_object(out);
}

void json_result(struct buf *out, const struct result *r, int explain)
{
	size_t s, i;

	if (r->bank->kind == BANK_RATING) {
		for (s = 0; s < r->bank->nscales; s++)
			add_scale(out, r, s);
		if (r->alerted)
			add_safety(out, r->time, r->bank);
	} else {
		add_choice(out, r);
	}
	for (i = 0; explain && i < r->count; i++)
		add_answer(out, r, &r->answers[i]);
}

void json_trend(struct buf *out, const struct trend *t)
{
	const struct point *p;
	size_t i, s;

	for (i = 0; i < t->npoints; i++) {
		p = &t->points[i];
		if (p->bank->kind != BANK_RATING) {
			open_object(out, "trend", p->time, p->bank);
			add_number_member(out, "right", p->correct);
			add_number_member(out, "asked", p->asked);
			close_object(out);
			continue;
		}
		for (s = 0; s < p->bank->nscales; s++) {
			open_object(out, "trend", p->time, p->bank);
			add_text_member(out, "scale", p->bank->scales[s].name);
			add_mean_member(out, t->means[p->first_mean + s]);
			close_object(out);
		}
		if (p->alerted)
			add_safety(out, p->time, p->bank);
	}
}
