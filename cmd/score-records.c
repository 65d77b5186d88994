/* score-records.c: results, answers and trends as the tab-separated
 * records of hearth-files(5), for pipes, awk and spreadsheets */
#include "score.h"

static void add_field(struct buf *out, const char *s, size_t len)
{
	buf_add(out, s, len);
	buf_add_char(out, '\t');
}

/* TIME TAB BANK TAB: how every record of a session starts. */
static void add_start(struct buf *out, const struct result *r)
{
	add_field(out, r->time, SESSION_TIME_LEN);
	add_field(out, r->bank->name, strlen(r->bank->name));
}

/* SCALE MEAN BAND SECTION, or SCALE - unscored - */
static void add_scale(struct buf *out, const struct result *r, size_t s)
{
	const struct bank *b = r->bank;
	long mean = r->mean[s], section;
	size_t band;

	add_start(out, r);
	add_field(out, b->scales[s].name, b->scales[s].name_len);
	if (mean < 0) {
		buf_add_str(out, "-\tunscored\t-\n");
		return;
	}
	band = band_of(b, mean);
	add_mean(out, mean);
	buf_add_char(out, '\t');
	add_field(out, b->bands[band].name, b->bands[band].name_len);
	section = b->read[s * b->nbands + band];
	if (section)
		buf_add_long(out, section);
	else
		buf_add_char(out, '-');
	buf_add_char(out, '\n');
}

/* RIGHT ASKED SECTIONS */
static void add_choice(struct buf *out, const struct result *r)
{
	size_t i;

	add_start(out, r);
	buf_add_long(out, r->correct);
	buf_add_char(out, '\t');
	buf_add_long(out, (long)r->count);
	buf_add_char(out, '\t');
	for (i = 0; i < r->nsections; i++) {
		if (i > 0)
			buf_add_char(out, ',');
		buf_add_long(out, r->sections[i]);
	}
	if (r->nsections == 0)
		buf_add_char(out, '-');
	buf_add_char(out, '\n');
}

/* answer safety ID FROM-TO GIVEN FIRED: a safety statement, whose
 * answers FROM to TO call for the safety message; FIRED is yes or no. */
static void add_signal_answer(struct buf *out, const struct item *it,
                              long given)
{
	buf_add_str(out, "safety\t");
	add_field(out, it->id, it->id_len);
	buf_add_long(out, it->fires_from);
	buf_add_char(out, '-');
	buf_add_long(out, it->fires_to);
	buf_add_char(out, '\t');
	if (given == ANSWER_SKIPPED)
		buf_add_char(out, '-');
	else
		buf_add_long(out, given);
	buf_add_str(out, signal_fires(it, given) ? "\tyes" : "\tno");
}

/* answer SCALE ID KEY GIVEN COUNTED, with GIVEN and COUNTED - when
 * skipped */
static void add_rating_answer(struct buf *out, const struct bank *b,
                              const struct item *it, long given)
{
	add_field(out, b->scales[it->scale].name,
	          b->scales[it->scale].name_len);
	add_field(out, it->id, it->id_len);
	buf_add_str(out, it->reversed ? "-\t" : "+\t");
	if (given == ANSWER_SKIPPED) {
		buf_add_str(out, "-\t-");
		return;
	}
	buf_add_long(out, given);
	buf_add_char(out, '\t');
	buf_add_long(out, bank_counted(b, it, given));
}

/* answer ..., as the two above, or answer SECTION ID GIVEN RIGHT */
static void add_answer(struct buf *out, const struct result *r,
                       const struct given *g)
{
	const struct bank *b = r->bank;
	const struct item *it = &b->items[g->item];

	add_start(out, r);
	buf_add_str(out, "answer\t");
	if (it->is_signal) {
		add_signal_answer(out, it, g->value);
	} else if (b->kind == BANK_RATING) {
		add_rating_answer(out, b, it, g->value);
	} else {
		buf_add_long(out, it->section);
		buf_add_char(out, '\t');
		add_field(out, it->id, it->id_len);
		bank_add_answer(out, b, g->value);
		buf_add_char(out, '\t');
		bank_add_answer(out, b, (long)it->answer);
	}
	buf_add_char(out, '\n');
}

void records_result(struct buf *out, const struct result *r, int explain)
{
	size_t s, i;

	if (r->bank->kind == BANK_RATING) {
		for (s = 0; s < r->bank->nscales; s++)
			add_scale(out, r, s);
		if (r->alerted) {
			add_start(out, r);
			buf_add_str(out, "safety\t");
			buf_add_str(out, r->bank->safety_message);
			buf_add_char(out, '\n');
		}
	} else {
		add_choice(out, r);
	}
	for (i = 0; explain && i < r->count; i++)
		add_answer(out, r, &r->answers[i]);
}

/* TIME BANK SCALE MEAN for each scale of a rating session (MEAN - when
 * unscored), TIME BANK RIGHT ASKED for a knowledge session, and TIME BANK
 * safety MESSAGE where the safety line was due. */
void records_trend(struct buf *out, const struct trend *t)
{
	const struct point *p;
	size_t i, s;
	long mean;

	for (i = 0; i < t->npoints; i++) {
		p = &t->points[i];
		if (p->bank->kind != BANK_RATING) {
			add_field(out, p->time, SESSION_TIME_LEN);
			add_field(out, p->bank->name, strlen(p->bank->name));
			buf_add_long(out, p->correct);
			buf_add_char(out, '\t');
			buf_add_long(out, p->asked);
			buf_add_char(out, '\n');
			continue;
		}
		for (s = 0; s < p->bank->nscales; s++) {
			add_field(out, p->time, SESSION_TIME_LEN);
			add_field(out, p->bank->name, strlen(p->bank->name));
			add_field(out, p->bank->scales[s].name,
			          p->bank->scales[s].name_len);
			mean = t->means[p->first_mean + s];
			if (mean < 0)
				buf_add_char(out, '-');
			else
				add_mean(out, mean);
			buf_add_char(out, '\n');
		}
		if (p->alerted) {
			add_field(out, p->time, SESSION_TIME_LEN);
			add_field(out, p->bank->name, strlen(p->bank->name));
			buf_add_str(out, "safety\t");
			buf_add_str(out, p->bank->safety_message);
			buf_add_char(out, '\n');
		}
	}
}
