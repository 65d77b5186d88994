/* score-report.c: results and trends for a person at a terminal: labels,
 * gauges, sparklines, wrapped text, and the framing next to the results */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "score.h"

enum { GAUGE_CELLS = 10, SPARK_MAX = 24 };

static const char *const spark_utf8[] = {"▁", "▂", "▃", "▄",
                                         "▅", "▆", "▇", "█"};
static const char spark_ascii[] = "_.:-=+*#";

/* Where a paragraph goes, and how far its lines are indented. */
struct para {
	struct buf *out;
	size_t indent;
};

static void add_spaces(struct buf *out, size_t n)
{
	while (n-- > 0)
		buf_add_char(out, ' ');
}

static void para_line(const char *indent, size_t indent_len, const char *text,
                      size_t len, void *ctx)
{
	const struct para *p = ctx;

	add_spaces(p->out, p->indent);
	buf_add(p->out, indent, indent_len);
	buf_add(p->out, text, len);
	buf_add_char(p->out, '\n');
}

/* text, NUL-terminated, as a paragraph: its first line indented by
 * indent columns, the lines after it by hang, all within the width. */
static void add_para(struct buf *out, const struct view_options *o,
                     size_t indent, size_t hang, const char *text)
{
	struct para p;
	size_t width = o->width;

	p.out = out;
	p.indent = indent;
	if (width > 0 && indent + 20 > width)
		p.indent = indent = 0;
	if (width > 0)
		width -= indent;
	wrap_hanging(text, width, hang > indent ? hang - indent : 0, para_line,
	             &p);
}

/* Makes text NUL-terminated, adds it as a paragraph, and empties it. */
static void put_para(struct buf *out, const struct view_options *o,
                     size_t indent, size_t hang, struct buf *text)
{
	buf_add_char(text, '\0');
	add_para(out, o, indent, hang, text->data);
	text->len = 0;
}

/* "Tue 1 Dec 2026 at 22:47", in local time */
static void add_when(struct buf *out, const char *session_time)
{
	time_t t = session_time_value(session_time);
	char day[16], rest[32];
	struct tm tm;

	if (!localtime_r(&t, &tm) || !strftime(day, sizeof day, "%a", &tm) ||
	    !strftime(rest, sizeof rest, "%b %Y at %H:%M", &tm)) {
		buf_add(out, session_time, SESSION_TIME_LEN);
		return;
	}
	buf_add_str(out, day);
	buf_add_char(out, ' ');
	buf_add_long(out, tm.tm_mday);
	buf_add_char(out, ' ');
	buf_add_str(out, rest);
}

static size_t count_skipped(const struct result *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->count; i++)
		n += r->answers[i].value == ANSWER_SKIPPED;
	return n;
}

/* "self: 28 statements answered on ...", or "self: 26 statements
 * answered and 2 skipped on ..." */
static void add_heading(struct buf *out, struct buf *text,
                        const struct view_options *o, const struct result *r)
{
	size_t skipped = count_skipped(r), answered = r->count - skipped;

	buf_add_str(text, r->bank->name);
	buf_add_str(text, ": ");
	buf_add_long(text, (long)answered);
	if (r->bank->kind == BANK_RATING)
		buf_add_str(text, answered == 1 ? " statement" : " statements");
	else
		buf_add_str(text, answered == 1 ? " question" : " questions");
	buf_add_str(text, " answered");
	if (skipped > 0) {
		buf_add_str(text, " and ");
		buf_add_long(text, (long)skipped);
		buf_add_str(text, " skipped");
	}
	buf_add_str(text, " on ");
	add_when(text, r->time);
	put_para(out, o, 0, 0, text);
}

/* A mean of the range from lowest to highest as cells of a gauge. */
static void add_gauge(struct buf *out, const struct bank *b, long mean,
                      int utf8)
{
	long range = (b->answer_max - b->answer_min) * 10;
	long filled = (2 * (mean - b->answer_min * 10) * GAUGE_CELLS + range) /
	              (2 * range);
	long i;

	for (i = 0; i < GAUGE_CELLS; i++)
		buf_add_str(out, i < filled ? (utf8 ? "█" : "#")
		                            : (utf8 ? "░" : "."));
}

static size_t name_column(const struct bank *b)
{
	size_t s, width = 0;

	for (s = 0; s < b->nscales; s++)
		if (b->scales[s].name_len > width)
			width = b->scales[s].name_len;
	return width + 2;
}

static void add_padded(struct buf *out, const char *s, size_t len,
                       size_t width)
{
	buf_add(out, s, len);
	add_spaces(out, width > len ? width - len : 1);
}

/* "s06, answered 2 (disagree)", or "s06, skipped" */
static void add_given(struct buf *text, const struct bank *b,
                      const struct item *it, long given)
{
	buf_add(text, it->id, it->id_len);
	if (given == ANSWER_SKIPPED) {
		buf_add_str(text, ", skipped");
		return;
	}
	buf_add_str(text, ", answered ");
	buf_add_long(text, given);
	buf_add_str(text, " (");
	buf_add_str(text, b->labels[given - b->answer_min]);
	buf_add_char(text, ')');
}

/* s06, answered 2 (disagree), reversed: counts 4. TEXT */
static void add_rating_answer(struct buf *text, const struct bank *b,
                              const struct given *g)
{
	const struct item *it = &b->items[g->item];

	add_given(text, b, it, g->value);
	if (g->value != ANSWER_SKIPPED) {
		buf_add_str(text, it->reversed ? ", reversed: counts "
		                               : ": counts ");
		buf_add_long(text, bank_counted(b, it, g->value));
	}
	buf_add_str(text, ". ");
	buf_add_str(text, it->text);
}

/* s09, answered 4 (agree): calls for the safety note, as answers 4 to 5
 * do. TEXT; or s27, answered 2 (disagree): the safety note is for
 * answers 4 to 5. TEXT */
static void add_signal_answer(struct buf *text, const struct bank *b,
                              const struct given *g)
{
	const struct item *it = &b->items[g->item];

	add_given(text, b, it, g->value);
	buf_add_str(text, signal_fires(it, g->value)
	                  ? ": calls for the safety note, as answers "
	                  : ": the safety note is for answers ");
	buf_add_long(text, it->fires_from);
	if (it->fires_to > it->fires_from) {
		buf_add_str(text, " to ");
		buf_add_long(text, it->fires_to);
	}
	buf_add_str(text, signal_fires(it, g->value) ? " do. " : ". ");
	buf_add_str(text, it->text);
}

static void add_scale(struct buf *out, struct buf *text,
                      const struct view_options *o, const struct result *r,
                      size_t s)
{
	const struct bank *b = r->bank;
	const struct scale *sc = &b->scales[s];
	const struct guide_section *read = NULL;
	size_t column = name_column(b), band, i;
	long mean = r->mean[s];

	add_padded(text, sc->name, sc->name_len, column);
	if (mean < 0) {
		buf_add_str(text, "not scored: ");
		buf_add_long(text, r->answered[s]);
		buf_add_str(text, " of ");
		buf_add_long(text, (long)sc->nitems);
		buf_add_str(text, " statements answered");
		if (r->skipped[s] > 0) {
			buf_add_str(text, " (");
			buf_add_long(text, r->skipped[s]);
			buf_add_str(text, " skipped)");
		}
		buf_add_str(text, ", ");
		buf_add_long(text, (long)sc->need);
		buf_add_str(text, " needed");
	} else {
		band = band_of(b, mean);
		add_gauge(text, b, mean, o->utf8);
		buf_add_str(text, "  ");
		add_mean(text, mean);
		buf_add_str(text, "  ");
		buf_add_str(text, b->bands[band].name);
		read = guide_section_of(o->guide, section_of_mean(b, s, mean));
		if (read) {
			buf_add_str(text, ", see section ");
			buf_add_long(text, read->number);
			buf_add_str(text, ": ");
			buf_add_str(text, read->title);
		}
	}
	put_para(out, o, 0, column, text);
	add_para(out, o, column, column, sc->description);
	if (mean >= 0 && r->skipped[s] > 0) {
		buf_add_long(text, r->skipped[s]);
		buf_add_str(text, r->skipped[s] == 1 ? " statement skipped"
		                                     : " statements skipped");
		buf_add_str(text, "; the mean is of the other ");
		buf_add_long(text, r->answered[s]);
		buf_add_char(text, '.');
		put_para(out, o, column, column, text);
	}
	for (i = 0; o->explain && i < r->count; i++) {
		if (b->items[r->answers[i].item].scale != s)
			continue;
		add_rating_answer(text, b, &r->answers[i]);
		put_para(out, o, column + 2, column + 4, text);
	}
}

static void add_sections_hint(struct buf *out, struct buf *text,
                              const struct view_options *o,
                              const struct result *r, const char *lead)
{
	size_t i;

	if (r->nsections == 0)
		return;
	buf_add_str(text, lead);
	buf_add_str(text, " section");
	for (i = 0; i < r->nsections; i++) {
		buf_add_char(text, ' ');
		buf_add_long(text, r->sections[i]);
	}
	put_para(out, o, 0, 2, text);
}

/* With -e: the safety statements answered, and whether each called for
 * the safety message. */
static void add_signals(struct buf *out, struct buf *text,
                        const struct view_options *o, const struct result *r)
{
	const struct bank *b = r->bank;
	size_t i;
	int headed = 0;

	for (i = 0; i < r->count; i++) {
		if (!b->items[r->answers[i].item].is_signal)
			continue;
		if (!headed++) {
			buf_add_char(out, '\n');
			buf_add_str(text, "Safety statements, in no scale:");
			put_para(out, o, 0, 0, text);
		}
		add_signal_answer(text, b, &r->answers[i]);
		put_para(out, o, 2, 4, text);
	}
}

static void report_rating(struct buf *out, struct buf *text,
                          const struct view_options *o,
                          const struct result *r)
{
	size_t s;

	if (r->alerted) {
		buf_add_char(out, '\n');
		add_para(out, o, 2, 2, r->bank->safety_message);
	}
	if (o->explain)
		add_signals(out, text, o, r);
	buf_add_char(out, '\n');
	for (s = 0; s < r->bank->nscales; s++)
		add_scale(out, text, o, r, s);
	buf_add_char(out, '\n');
	add_sections_hint(out, text, o, r, "To read what these results point "
	                                   "to:");
}

static void add_choice_text(struct buf *text, const struct item *it,
                            size_t choice)
{
	buf_add_char(text, (char)('a' + choice));
	buf_add_str(text, ") ");
	buf_add_str(text, it->choices[choice]);
}

/* The lines of the guide a question quotes, as the guide sets them. */
static void add_quote(struct buf *out, struct buf *text,
                      const struct view_options *o, const struct item *it)
{
	const struct guide_section *s = guide_section_of(o->guide,
	                                                 it->section);
	const struct guide_line *line = NULL;

	while (it->quote && s && (line = guide_next_line(s, it->quote, line))) {
		buf_add_str(text, line->text);
		put_para(out, o, 4, 6, text);
	}
}

/* A question: what was asked, answered and right, where the guide says
 * so, and the note on it. */
static void add_question(struct buf *out, struct buf *text,
                         const struct view_options *o, const struct item *it,
                         long given)
{
	const struct guide_section *where = guide_section_of(o->guide, it->section);

	buf_add_str(text, "- ");
	buf_add_str(text, it->text);
	put_para(out, o, 0, 2, text);
	buf_add_str(text, "You answered ");
	add_choice_text(text, it, (size_t)given);
	if (given != (long)it->answer) {
		buf_add_str(text, ". The guide says ");
		add_choice_text(text, it, it->answer);
	}
	buf_add_str(text, ", in section ");
	buf_add_long(text, it->section);
	if (where) {
		buf_add_str(text, ", ");
		buf_add_str(text, where->title);
	}
	buf_add_char(text, it->quote ? ':' : '.');
	put_para(out, o, 2, 2, text);
	add_quote(out, text, o, it);
	if (it->note) {
		buf_add_str(text, "Note: ");
		buf_add_str(text, it->note);
		put_para(out, o, 2, 2, text);
	}
}

/* The questions answered rightly (right) or not, under a heading. */
static void add_questions(struct buf *out, struct buf *text,
                          const struct view_options *o,
                          const struct result *r, int right,
                          const char *heading)
{
	const struct item *it;
	size_t i;
	int headed = 0;

	for (i = 0; i < r->count; i++) {
		it = &r->bank->items[r->answers[i].item];
		if ((r->answers[i].value == (long)it->answer) != right)
			continue;
		if (!headed++) {
			buf_add_char(out, '\n');
			buf_add_str(text, heading);
			put_para(out, o, 0, 0, text);
		}
		add_question(out, text, o, it, r->answers[i].value);
	}
}

static void report_choice(struct buf *out, struct buf *text,
                          const struct view_options *o,
                          const struct result *r)
{
	buf_add_char(out, '\n');
	buf_add_long(text, r->correct);
	buf_add_str(text, " of ");
	buf_add_long(text, (long)r->count);
	buf_add_str(text, " answered as the guide does.");
	put_para(out, o, 0, 0, text);
	add_questions(out, text, o, r, 0, "Missed:");
	if (o->explain)
		add_questions(out, text, o, r, 1, "Answered as the guide does:");
	buf_add_char(out, '\n');
	add_sections_hint(out, text, o, r, "To read them again:");
}

void report_result(struct buf *out, const struct result *r,
                   const struct view_options *o)
{
	static int shown; /* sessions reported before this one */
	struct buf text = {NULL, 0, 0};

	if (shown++)
		buf_add_str(out, "\n\n");
	add_heading(out, &text, o, r);
	if (r->bank->kind == BANK_RATING)
		report_rating(out, &text, o, r);
	else
		report_choice(out, &text, o, r);
	buf_free(&text);
}

void report_close(struct buf *out, const struct view_options *o,
                  const struct bank *b)
{
	struct buf text = {NULL, 0, 0};
	size_t i;

	if (!b)
		return;
	buf_add_char(out, '\n');
	buf_add_str(&text, "These results are for reflection, not a "
	                   "diagnosis. The bands ");
	for (i = 0; i < b->nbands; i++) {
		if (i > 0)
			buf_add_str(&text, i + 1 == b->nbands ? " and " : ", ");
		buf_add_str(&text, b->bands[i].name);
	}
	buf_add_str(&text, " are equal parts of the range of answers, ");
	buf_add_long(&text, b->answer_min);
	buf_add_str(&text, " to ");
	buf_add_long(&text, b->answer_max);
	buf_add_str(&text, ", not norms drawn from other people. To read the "
	                   "sections a saved session points to: score -r ");
	buf_add_str(&text, o->nfiles == 1 && strcmp(o->files[0], "-") != 0
	                       ? o->files[0]
	                       : "FILE");
	buf_add_str(&text, " | section -");
	put_para(out, o, 0, 0, &text);
	buf_free(&text);
}

/* --- the trend ------------------------------------------------------ */

/* The level, 0 to 7, of value in the range from low to high. */
static size_t level_of(long value, long low, long high)
{
	if (high <= low)
		return 7;
	return (size_t)((2 * (value - low) * 7 + (high - low)) /
	                (2 * (high - low)));
}

/* values, one per session in the order of time, as at most SPARK_MAX
 * cells: several sessions to a cell, averaged, when there are more. */
static void add_sparkline(struct buf *out, const long *values, size_t n,
                          long low, long high, int utf8)
{
	size_t cells = n < SPARK_MAX ? n : SPARK_MAX, c, i, from, to;
	long sum, level;

	for (c = 0; c < cells; c++) {
		from = c * n / cells;
		to = (c + 1) * n / cells;
		for (sum = 0, i = from; i < to; i++)
			sum += values[i];
		level = (long)level_of(sum / (long)(to - from), low, high);
		if (utf8)
			buf_add_str(out, spark_utf8[level]);
		else
			buf_add_char(out, spark_ascii[level]);
	}
}

static void add_day(struct buf *out, const char *session_time)
{
	time_t t = session_time_value(session_time);
	char rest[16];
	struct tm tm;

	if (!localtime_r(&t, &tm) || !strftime(rest, sizeof rest, "%b %Y", &tm)) {
		buf_add(out, session_time, DATE_LEN);
		return;
	}
	buf_add_long(out, tm.tm_mday);
	buf_add_char(out, ' ');
	buf_add_str(out, rest);
}

/* ", over 4 sessions, 1 Jan 2026 to 1 Apr 2026" */
static void add_span(struct buf *text, size_t n, const char *first,
                     const char *latest)
{
	buf_add_str(text, ", over ");
	buf_add_long(text, (long)n);
	buf_add_str(text, n == 1 ? " session, " : " sessions, ");
	add_day(text, first);
	if (strncmp(first, latest, DATE_LEN) != 0) {
		buf_add_str(text, " to ");
		add_day(text, latest);
	}
}

/* A scale's means over the rating sessions of bank b in which it was
 * scored, and when they were. */
struct series {
	long *values;
	const char **times;
	size_t n;
};

static void collect_scale(struct series *se, const struct trend *t,
                          const struct bank *b, size_t s)
{
	const struct point *p;
	size_t i;
	long mean;

	se->n = 0;
	for (i = 0; i < t->npoints; i++) {
		p = &t->points[i];
		if (p->bank != b || (mean = t->means[p->first_mean + s]) < 0)
			continue;
		se->values[se->n] = mean;
		se->times[se->n++] = p->time;
	}
}

static void add_scale_trend(struct buf *out, struct buf *text,
                            const struct view_options *o,
                            const struct bank *b, size_t s,
                            const struct series *se)
{
	const struct scale *sc = &b->scales[s];
	size_t column = name_column(b);
	long change;

	add_padded(text, sc->name, sc->name_len, column);
	if (se->n == 0) {
		buf_add_str(text, "never scored");
		put_para(out, o, 0, column, text);
		return;
	}
	add_sparkline(text, se->values, se->n, b->answer_min * 10,
	              b->answer_max * 10, o->utf8);
	buf_add_str(text, "  ");
	add_mean(text, se->values[0]);
	if (se->n > 1) {
		change = se->values[se->n - 1] - se->values[0];
		buf_add_str(text, " to ");
		add_mean(text, se->values[se->n - 1]);
		buf_add_str(text, change > 0 ? " (+" : change < 0 ? " (-" : " (");
		add_mean(text, change < 0 ? -change : change);
		buf_add_char(text, ')');
	}
	add_span(text, se->n, se->times[0], se->times[se->n - 1]);
	put_para(out, o, 0, column, text);
	if (sc->rise)
		add_para(out, o, column, column, sc->rise);
}

static void add_choice_trend(struct buf *out, struct buf *text,
                             const struct view_options *o,
                             const struct trend *t, const struct bank *b,
                             struct series *se)
{
	const struct point *p, *first = NULL, *latest = NULL;
	size_t i, column = strlen(b->name) + 2;

	se->n = 0;
	for (i = 0; i < t->npoints; i++) {
		p = &t->points[i];
		if (p->bank != b)
			continue;
		if (!first)
			first = p;
		latest = p;
		/* the share of right answers, in thousandths */
		se->values[se->n++] = p->asked ? p->correct * 1000 / p->asked : 0;
	}
	if (!first)
		return;
	add_padded(text, b->name, strlen(b->name), column);
	add_sparkline(text, se->values, se->n, 0, 1000, o->utf8);
	buf_add_str(text, "  ");
	buf_add_long(text, first->correct);
	buf_add_str(text, " of ");
	buf_add_long(text, first->asked);
	buf_add_str(text, " right");
	if (se->n > 1) {
		buf_add_str(text, ", then ");
		buf_add_long(text, latest->correct);
		buf_add_str(text, " of ");
		buf_add_long(text, latest->asked);
	}
	add_span(text, se->n, first->time, latest->time);
	put_para(out, o, 0, column, text);
}

/* The banks of the trend, in the order they first come. */
static size_t trend_banks(const struct trend *t, const struct bank ***banks)
{
	size_t i, k, n = 0, cap = 0;

	*banks = NULL;
	for (i = 0; i < t->npoints; i++) {
		for (k = 0; k < n && (*banks)[k] != t->points[i].bank; k++)
			;
		if (k < n)
			continue;
		*banks = xgrow(*banks, &cap, n + 1, sizeof(const struct bank *));
		(*banks)[n++] = t->points[i].bank;
	}
	return n;
}

/* Once, near the top: the sessions whose answers called for the safety
 * message, and the message. */
static void add_trend_safety(struct buf *out, struct buf *text,
                             const struct view_options *o,
                             const struct trend *t)
{
	const struct point *latest = NULL;
	size_t i, n = 0;

	for (i = 0; i < t->npoints; i++)
		if (t->points[i].alerted) {
			latest = &t->points[i];
			n++;
		}
	if (!latest)
		return;
	buf_add_str(text, "In ");
	buf_add_long(text, (long)n);
	buf_add_str(text, n == 1 ? " session" : " sessions");
	buf_add_str(text, ", the latest on ");
	add_day(text, latest->time);
	buf_add_str(text, ", the answers called for this note. ");
	buf_add_str(text, latest->bank->safety_message);
	buf_add_char(out, '\n');
	put_para(out, o, 2, 2, text);
}

void report_trend(struct buf *out, const struct trend *t,
                  const struct view_options *o)
{
	struct buf text = {NULL, 0, 0};
	const struct bank **banks, *b;
	struct series se;
	size_t nbanks, k, s;

	if (t->npoints == 0)
		return;
	se.values = xcalloc(t->npoints, sizeof *se.values);
	se.times = xcalloc(t->npoints, sizeof *se.times);
	buf_add_str(&text, "The trend");
	add_span(&text, t->npoints, t->points[0].time,
	         t->points[t->npoints - 1].time);
	put_para(out, o, 0, 0, &text);
	add_trend_safety(out, &text, o, t);
	nbanks = trend_banks(t, &banks);
	for (k = 0; k < nbanks; k++) {
		b = banks[k];
		buf_add_char(out, '\n');
		if (b->kind != BANK_RATING) {
			add_choice_trend(out, &text, o, t, b, &se);
			continue;
		}
		for (s = 0; s < b->nscales; s++) {
			collect_scale(&se, t, b, s);
			add_scale_trend(out, &text, o, b, s, &se);
		}
	}
	free(banks);
	free(se.values);
	free(se.times);
	buf_free(&text);
}
