/* score: turn sessions into results, one tab-separated line each */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

static const char optstring[] = ":hrtV";
static const char synopsis[] = "usage: score [-hrtV] [file ...]\n";
static const char details[] =
	"Score the sessions quiz(1) writes, read from the files or stdin, and\n"
	"print one tab-separated line per result (see hearth(5)).\n"
	"  -r  print only the sections to read or review, one a line\n"
	"  -t  print the trend: each scale's first and latest mean\n"
	"  -h  print this help\n"
	"  -V  print the version\n"
	"The results are for reflection, not a diagnosis.\n";

static const char reflection_note[] =
	"# For reflection, not a diagnosis. Bands are equal parts of the "
	"answer range, not norms.\n";

enum mode { MODE_RESULTS, MODE_REFS, MODE_TREND };

/* Results are gathered up to about this much before they go to stdout. */
enum { OUT_FLUSH_BYTES = 32768 };
enum state { OUTSIDE, INSIDE, SKIPPING };

struct trend {
	size_t sessions;
	char first_time[SESSION_TIME_LEN + 1], latest_time[SESSION_TIME_LEN + 1];
	long first_mean, latest_mean;
};

struct text {
	char *s;
	size_t len;
};

/* A bank as score uses it, with what one session accumulates. */
struct scored_bank {
	struct bank bank;
	/* What follows the prefix on a scale's result line, for every mean
	 * it can have, so that a line costs two copies. */
	struct text *result;   /* [scale * nmeans + mean - lowest mean] */
	struct text *unscored; /* [scale] */
	size_t nmeans;
	/* Per item, the first four bytes of its line ("s01\t"), and a mask
	 * of those that are its own when id and tab are shorter. */
	uint32_t *head, *head_mask;
	unsigned long *answered_in; /* per item: the session that answered it */
	long *sum, *count;          /* per scale (rating) */
	struct trend *trend;        /* per scale (rating) */
};

struct outbuf {
	char *data;
	size_t len, cap;
};

struct scorer {
	enum mode mode;
	int failed;        /* anything went wrong, in any file */
	int file_failed;   /* ... in the file being read */
	int guide_loaded;
	struct guide guide;
	struct scored_bank **banks;
	size_t nbanks;
	struct outbuf out;
	/* the session being read */
	enum state state;
	struct scored_bank *sb;
	char time[SESSION_TIME_LEN + 1];
	struct outbuf prefix; /* "TIME<TAB>BANK<TAB>", the start of its lines */
	size_t guess;         /* the item likely on the next line */
	long header_line;
	size_t expected, seen;
	unsigned long session_id;
	int alerted;
	long correct;
	long sections[SECTION_NUMBER_MAX]; /* to read or review, sorted */
	size_t nsections;
};

static void put(struct outbuf *b, const char *s, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = 2 * (b->len + n) + 256;
		b->data = xrealloc(b->data, b->cap, 1);
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
}

static void put_str(struct outbuf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void put_long(struct outbuf *b, long n)
{
	char digits[24];
	size_t i = sizeof digits;
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;

	do
		digits[--i] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		digits[--i] = '-';
	put(b, digits + i, sizeof digits - i);
}

/* A mean in tenths, as 3.4 */
static void put_mean(struct outbuf *b, long tenths)
{
	char dot[2] = {'.', 0};

	put_long(b, tenths / 10);
	dot[1] = (char)('0' + tenths % 10);
	put(b, dot, 2);
}

/* Through out_text: a bank's texts must not drive a terminal. */
static void flush_out(struct outbuf *b)
{
	out_text(b->data, b->len);
	b->len = 0;
}

static void session_error(struct scorer *sc, const struct line_reader *in,
                          long line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	/* Results already made must reach the reader before the error. */
	flush_out(&sc->out);
	out_flush();
	warn_at(in->name, line, "%s", msg);
	free(msg);
	sc->failed = sc->file_failed = 1;
	sc->state = SKIPPING;
}

static void set_text(struct text *t, char *s)
{
	t->s = s;
	t->len = strlen(s);
}

static size_t band_of(const struct bank *b, long mean)
{
	size_t band = 0;

	while (band + 1 < b->nbands && b->bands[band + 1].from <= mean)
		band++;
	return band;
}

/* Made the first time a scale takes that mean, so that a short run pays
 * only for the lines it prints. */
static const struct text *result_text(struct scored_bank *sb, size_t s,
                                      long mean)
{
	const struct bank *b = &sb->bank;
	struct text *t = &sb->result[s * sb->nmeans +
	                             (size_t)(mean - b->answer_min * 10)];
	size_t band;
	long section;

	if (t->s)
		return t;
	band = band_of(b, mean);
	section = b->read[s * b->nbands + band];
	if (section)
		set_text(t, xasprintf("%s\t%ld.%ld\t%s\t%ld\n",
		                      b->scales[s].name, mean / 10, mean % 10,
		                      b->bands[band].name, section));
	else
		set_text(t, xasprintf("%s\t%ld.%ld\t%s\t-\n",
		                      b->scales[s].name, mean / 10, mean % 10,
		                      b->bands[band].name));
	return t;
}

static void prepare_result_texts(struct scored_bank *sb)
{
	const struct bank *b = &sb->bank;
	size_t s;

	sb->nmeans = (size_t)(b->answer_max - b->answer_min) * 10 + 1;
	sb->result = xcalloc(b->nscales * sb->nmeans, sizeof *sb->result);
	sb->unscored = xcalloc(b->nscales, sizeof *sb->unscored);
	for (s = 0; s < b->nscales; s++)
		set_text(&sb->unscored[s], xasprintf("%s\t-\tunscored\t-\n",
		                                     b->scales[s].name));
}

static void prepare_heads(struct scored_bank *sb)
{
	const struct item *it;
	unsigned char bytes[4], mask[4];
	size_t i, k;

	sb->head = xcalloc(sb->bank.nitems, sizeof *sb->head);
	sb->head_mask = xcalloc(sb->bank.nitems, sizeof *sb->head_mask);
	for (i = 0; i < sb->bank.nitems; i++) {
		it = &sb->bank.items[i];
		for (k = 0; k < 4; k++) {
			bytes[k] = k < it->id_len ? (unsigned char)it->id[k]
			                          : k == it->id_len ? '\t' : 0;
			mask[k] = k <= it->id_len ? 0xff : 0;
		}
		memcpy(&sb->head[i], bytes, 4);
		memcpy(&sb->head_mask[i], mask, 4);
	}
}

static void free_result_texts(struct scored_bank *sb)
{
	size_t i;

	for (i = 0; sb->result && i < sb->bank.nscales * sb->nmeans; i++)
		free(sb->result[i].s);
	for (i = 0; sb->unscored && i < sb->bank.nscales; i++)
		free(sb->unscored[i].s);
	free(sb->result);
	free(sb->unscored);
}

static struct scored_bank *find_bank(struct scorer *sc, const char *name)
{
	struct scored_bank *sb;
	size_t i, n;

	for (i = 0; i < sc->nbanks; i++)
		if (strcmp(sc->banks[i]->bank.name, name) == 0)
			return sc->banks[i];
	if (!bank_exists(name))
		return NULL;
	if (!sc->guide_loaded) {
		guide_load(&sc->guide);
		sc->guide_loaded = 1;
	}
	sb = xcalloc(1, sizeof *sb);
	bank_load(&sb->bank, name, &sc->guide);
	n = sb->bank.nscales;
	sb->answered_in = xcalloc(sb->bank.nitems, sizeof *sb->answered_in);
	sb->sum = xcalloc(n, sizeof *sb->sum);
	sb->count = xcalloc(n, sizeof *sb->count);
	sb->trend = xcalloc(n, sizeof *sb->trend);
	if (sb->bank.kind == BANK_RATING)
		prepare_result_texts(sb);
	prepare_heads(sb);
	sc->banks = xrealloc(sc->banks, sc->nbanks + 1,
	                     sizeof(struct scored_bank *));
	sc->banks[sc->nbanks++] = sb;
	return sb;
}

static void free_banks(struct scorer *sc)
{
	size_t i;

	for (i = 0; i < sc->nbanks; i++) {
		/* The texts first: freeing them needs the bank's sizes. */
		free_result_texts(sc->banks[i]);
		bank_free(&sc->banks[i]->bank);
		free(sc->banks[i]->answered_in);
		free(sc->banks[i]->sum);
		free(sc->banks[i]->count);
		free(sc->banks[i]->trend);
		free(sc->banks[i]->head);
		free(sc->banks[i]->head_mask);
		free(sc->banks[i]);
	}
	free(sc->banks);
	if (sc->guide_loaded)
		guide_free(&sc->guide);
}

static void add_section(struct scorer *sc, long section)
{
	size_t i, at;

	for (at = 0; at < sc->nsections && sc->sections[at] < section; at++)
		;
	if (at < sc->nsections && sc->sections[at] == section)
		return;
	for (i = sc->nsections; i > at; i--)
		sc->sections[i] = sc->sections[i - 1];
	sc->sections[at] = section;
	sc->nsections++;
}

static void put_prefix(struct scorer *sc)
{
	put(&sc->out, sc->prefix.data, sc->prefix.len);
}

/* The mean in tenths, rounded half up, or -1 when too few answered. */
static long scale_mean(const struct scored_bank *sb, size_t s)
{
	long n = sb->count[s];

	if (n < 1 || (size_t)n < sb->bank.scales[s].need)
		return -1;
	return (sb->sum[s] * 20 + n) / (2 * n);
}

static void put_rating_results(struct scorer *sc)
{
	struct scored_bank *sb = sc->sb;
	const struct text *t;
	size_t s;
	long mean;

	for (s = 0; s < sb->bank.nscales; s++) {
		mean = scale_mean(sb, s);
		t = mean < 0 ? &sb->unscored[s] : result_text(sb, s, mean);
		put_prefix(sc);
		put(&sc->out, t->s, t->len);
	}
	if (sc->alerted) {
		put_prefix(sc);
		put_str(&sc->out, "safety\t");
		put_str(&sc->out, sb->bank.safety_message);
		put(&sc->out, "\n", 1);
	}
}

static void put_choice_result(struct scorer *sc)
{
	size_t i;

	put_prefix(sc);
	put_long(&sc->out, sc->correct);
	put(&sc->out, "\t", 1);
	put_long(&sc->out, (long)sc->seen);
	put(&sc->out, "\t", 1);
	for (i = 0; i < sc->nsections; i++) {
		if (i > 0)
			put(&sc->out, ",", 1);
		put_long(&sc->out, sc->sections[i]);
	}
	if (sc->nsections == 0)
		put(&sc->out, "-", 1);
	put(&sc->out, "\n", 1);
}

static void collect_rating_sections(struct scorer *sc)
{
	const struct bank *b = &sc->sb->bank;
	long mean, section;
	size_t s;

	for (s = 0; s < b->nscales; s++) {
		mean = scale_mean(sc->sb, s);
		if (mean < 0)
			continue;
		section = b->read[s * b->nbands + band_of(b, mean)];
		if (section)
			add_section(sc, section);
	}
}

static void put_refs(struct scorer *sc)
{
	size_t i;

	if (sc->sb->bank.kind == BANK_RATING)
		collect_rating_sections(sc);
	for (i = 0; i < sc->nsections; i++) {
		put_long(&sc->out, sc->sections[i]);
		put(&sc->out, "\n", 1);
	}
	if (sc->alerted) {
		flush_out(&sc->out);
		out_flush();
		warn("safety: %s", sc->sb->bank.safety_message);
	}
}

static void track_trend(struct scorer *sc)
{
	struct scored_bank *sb = sc->sb;
	struct trend *t;
	long mean;
	size_t s;

	for (s = 0; s < sb->bank.nscales; s++) {
		if ((mean = scale_mean(sb, s)) < 0)
			continue;
		t = &sb->trend[s];
		if (t->sessions++ == 0 || strcmp(sc->time, t->first_time) < 0) {
			memcpy(t->first_time, sc->time, sizeof t->first_time);
			t->first_mean = mean;
		}
		if (t->sessions == 1 || strcmp(sc->time, t->latest_time) >= 0) {
			memcpy(t->latest_time, sc->time, sizeof t->latest_time);
			t->latest_mean = mean;
		}
	}
}

static void put_trend(struct scorer *sc)
{
	const struct scored_bank *sb;
	const struct trend *t;
	size_t i, s;
	long change;

	for (i = 0; i < sc->nbanks; i++) {
		sb = sc->banks[i];
		for (s = 0; s < sb->bank.nscales; s++) {
			t = &sb->trend[s];
			if (t->sessions == 0)
				continue;
			put_str(&sc->out, sb->bank.name);
			put(&sc->out, "\t", 1);
			put_str(&sc->out, sb->bank.scales[s].name);
			put(&sc->out, "\t", 1);
			put_str(&sc->out, t->first_time);
			put(&sc->out, "\t", 1);
			put_mean(&sc->out, t->first_mean);
			put(&sc->out, "\t", 1);
			put_str(&sc->out, t->latest_time);
			put(&sc->out, "\t", 1);
			put_mean(&sc->out, t->latest_mean);
			change = t->latest_mean - t->first_mean;
			put_str(&sc->out, change > 0 ? "\t+" : change < 0
			                                  ? "\t-" : "\t");
			put_mean(&sc->out, change < 0 ? -change : change);
			put(&sc->out, "\n", 1);
		}
	}
	flush_out(&sc->out);
}

static void finish_session(struct scorer *sc)
{
	if (sc->mode == MODE_RESULTS && sc->sb->bank.kind == BANK_RATING)
		put_rating_results(sc);
	else if (sc->mode == MODE_RESULTS)
		put_choice_result(sc);
	else if (sc->mode == MODE_REFS)
		put_refs(sc);
	else if (sc->sb->bank.kind == BANK_RATING)
		track_trend(sc);
	if (sc->out.len >= OUT_FLUSH_BYTES)
		flush_out(&sc->out);
	sc->state = OUTSIDE;
}

static void start_session(struct scorer *sc, const struct line_reader *in,
                          char *line, size_t len)
{
	struct session_header h;
	const char *problem = session_parse_header(line, len, &h);

	if (problem && line_problem(line, len))
		problem = line_problem(line, len);
	if (sc->state == INSIDE)
		session_error(sc, in, sc->header_line, "session ends after %zu "
		              "of its %zu answers", sc->seen, sc->expected);
	sc->header_line = in->lineno;
	if (problem) {
		session_error(sc, in, in->lineno, "%s", problem);
		return;
	}
	sc->sb = find_bank(sc, h.bank);
	if (!sc->sb) {
		session_error(sc, in, in->lineno, "no question bank '%s' in %s",
		              h.bank, data_dir());
		return;
	}
	if ((size_t)h.count > sc->sb->bank.nitems) {
		session_error(sc, in, in->lineno, "session claims %ld answers; "
		              "bank '%s' has %zu questions", h.count, h.bank,
		              sc->sb->bank.nitems);
		return;
	}
	memcpy(sc->time, h.time, sizeof sc->time);
	sc->prefix.len = 0;
	put(&sc->prefix, sc->time, SESSION_TIME_LEN);
	put(&sc->prefix, "\t", 1);
	put_str(&sc->prefix, h.bank);
	put(&sc->prefix, "\t", 1);
	sc->guess = 0;
	sc->expected = (size_t)h.count;
	sc->seen = 0;
	sc->session_id++;
	sc->alerted = 0;
	sc->correct = 0;
	sc->nsections = 0;
	memset(sc->sb->sum, 0, sc->sb->bank.nscales * sizeof *sc->sb->sum);
	memset(sc->sb->count, 0, sc->sb->bank.nscales * sizeof *sc->sb->count);
	sc->state = INSIDE;
}

static inline void record_rating(struct scorer *sc, const struct item *it,
                                 long value)
{
	struct scored_bank *sb = sc->sb;
	const struct bank *b = &sb->bank;

	if (it->alert && value >= b->safety_threshold)
		sc->alerted = 1;
	sb->sum[it->scale] += it->reversed
	                          ? b->answer_min + b->answer_max - value
	                          : value;
	sb->count[it->scale]++;
}

static void record_choice(struct scorer *sc, const struct item *it,
                          long value)
{
	if (value == (long)it->answer)
		sc->correct++;
	else
		add_section(sc, it->section);
}

static int same_bytes(const char *a, const char *b, size_t n)
{
	while (n > 0 && *a == *b)
		a++, b++, n--;
	return n == 0;
}

/* Finds the item an answer line names. Sessions mostly list items in the
 * bank's order, so the one after the last answered is tried first. */
static int find_answered_item(struct scorer *sc, const char *line,
                              size_t len, size_t *index, size_t *id_len)
{
	const struct bank *b = &sc->sb->bank;
	const struct item *guess;
	const char *tab;

	if (sc->guess >= b->nitems)
		sc->guess = 0;
	guess = &b->items[sc->guess];
	if (len > guess->id_len && line[guess->id_len] == '\t' &&
	    same_bytes(guess->id, line, guess->id_len)) {
		*index = sc->guess;
		*id_len = guess->id_len;
	} else {
		tab = memchr(line, '\t', len);
		if (!tab)
			return 0;
		*id_len = (size_t)(tab - line);
		if (!bank_find_item(b, line, *id_len, index))
			return 0;
	}
	sc->guess = *index + 1;
	return 1;
}

static void report_bad_line(struct scorer *sc, const struct line_reader *in,
                            const char *line, size_t len)
{
	const char *problem = line_problem(line, len);
	const char *tab = memchr(line, '\t', len);

	if (problem)
		session_error(sc, in, in->lineno, "%s", problem);
	else if (!tab)
		session_error(sc, in, in->lineno, "expected an id, a tab and "
		              "an answer");
	else
		session_error(sc, in, in->lineno, "no item '%.*s' in bank '%s'",
		              (int)(tab - line), line, sc->sb->bank.name);
}


static void read_answer(struct scorer *sc, const struct line_reader *in,
                        char *line, size_t len)
{
	const struct bank *b = &sc->sb->bank;
	size_t index, id_len;
	const struct item *it;
	char range[32];
	long value;

	if (!find_answered_item(sc, line, len, &index, &id_len)) {
		report_bad_line(sc, in, line, len);
		return;
	}
	it = &b->items[index];
	if (!bank_parse_answer(b, it, line + id_len + 1, len - id_len - 1,
	                       &value)) {
		bank_describe_answers(b, it, range, sizeof range);
		if (line_problem(line, len))
			report_bad_line(sc, in, line, len);
		else
			session_error(sc, in, in->lineno, "'%s' is not an answer "
			              "to %s (%s)", line + id_len + 1, it->id,
			              range);
		return;
	}
	if (sc->sb->answered_in[index] == sc->session_id) {
		session_error(sc, in, in->lineno, "%s is answered twice in one "
		              "session", it->id);
		return;
	}
	sc->sb->answered_in[index] = sc->session_id;
	if (b->kind == BANK_RATING)
		record_rating(sc, it, value);
	else
		record_choice(sc, it, value);
	if (++sc->seen == sc->expected)
		finish_session(sc);
}

/* The lines quiz writes, straight from the reader's buffer: the item
 * after the last, a tab, a one-digit rating and a newline. A journal is
 * almost all such lines, so they skip the general path; any other line,
 * good or bad, takes it. Returns 1 when it took a line. */
static int take_expected_answer(struct scorer *sc, struct line_reader *in)
{
	const struct scored_bank *sb = sc->sb;
	const struct bank *b;
	const struct item *it;
	const char *p;
	uint32_t head;
	long value;

	if (sc->state != INSIDE || sb->bank.kind != BANK_RATING)
		return 0;
	b = &sb->bank;
	if (sc->guess >= b->nitems)
		sc->guess = 0;
	it = &b->items[sc->guess];
	p = in->buf + in->start;
	if (in->end - in->start < it->id_len + 3)
		return 0;
	memcpy(&head, p, 4);
	if ((head & sb->head_mask[sc->guess]) != sb->head[sc->guess] ||
	    p[it->id_len + 2] != '\n' ||
	    (it->id_len > 3 && !same_bytes(p, it->id, it->id_len)))
		return 0;
	value = p[it->id_len + 1] - '0';
	if (value < b->answer_min || value > b->answer_max ||
	    sc->sb->answered_in[sc->guess] == sc->session_id)
		return 0;
	in->start += it->id_len + 3;
	in->lineno++;
	sc->sb->answered_in[sc->guess++] = sc->session_id;
	record_rating(sc, it, value);
	if (++sc->seen == sc->expected)
		finish_session(sc);
	return 1;
}

static int is_blank(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t')
			return 0;
	return 1;
}

static void score_stream(struct scorer *sc, int fd, const char *name)
{
	struct line_reader in;
	enum line_status status;
	unsigned long before = sc->session_id;
	const char *problem;
	char *line;
	size_t len;

	line_reader_open(&in, fd, name);
	sc->state = OUTSIDE;
	sc->file_failed = 0;
	for (;;) {
		if (take_expected_answer(sc, &in))
			continue;
		status = line_next(&in, &line, &len);
		if (status == LINE_EOF)
			break;
		if (status == LINE_TOO_LONG) {
			session_error(sc, &in, in.lineno, "line is longer than "
			              "%d bytes", LINE_MAX_BYTES);
		} else if (line[0] == 'h' && session_is_header(line, len)) {
			start_session(sc, &in, line, len);
		} else if (is_blank(line, len) || line[0] == '#') {
			if ((problem = line_problem(line, len)))
				session_error(sc, &in, in.lineno, "%s", problem);
		} else if (sc->state == INSIDE) {
			read_answer(sc, &in, line, len);
		} else if (sc->state == OUTSIDE) {
			session_error(sc, &in, in.lineno, "an answer outside a "
			              "session: no hearth-session line above it");
		}
	}
	flush_out(&sc->out);
	if (sc->state == INSIDE)
		session_error(sc, &in, sc->header_line, "session ends after "
		              "%zu of its %zu answers", sc->seen, sc->expected);
	else if (sc->session_id == before && !sc->file_failed)
		session_error(sc, &in, in.lineno > 0 ? in.lineno : 1,
		              "no session in the input");
	line_reader_close(&in);
}

static void score_file(struct scorer *sc, const char *path)
{
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0) {
		score_stream(sc, STDIN_FILENO, "stdin");
		return;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0 || (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))) {
		if (fd >= 0) {
			close(fd);
			errno = EISDIR;
		}
		out_flush();
		warn("%s:", path);
		sc->failed = 1;
		return;
	}
	score_stream(sc, fd, path);
	close(fd);
}

int main(int argc, char **argv)
{
	struct scorer sc;
	int opt, i;

	cli_start(argc, argv, optstring, synopsis, details);
	memset(&sc, 0, sizeof sc);
	while ((opt = getopt(argc, argv, optstring)) != -1) {
		switch (opt) {
		case 'r':
		case 't':
			if (sc.mode != MODE_RESULTS)
				cli_usage_error("-r and -t cannot be used "
				                "together");
			sc.mode = opt == 'r' ? MODE_REFS : MODE_TREND;
			break;
		default:
			cli_common_option(opt);
		}
	}
	if (sc.mode != MODE_REFS && out_is_terminal())
		out_str(reflection_note);
	if (optind == argc)
		score_file(&sc, "-");
	for (i = optind; i < argc; i++)
		score_file(&sc, argv[i]);
	if (sc.mode == MODE_TREND)
		put_trend(&sc);
	free(sc.out.data);
	free(sc.prefix.data);
	free_banks(&sc);
	out_finish();
	return sc.failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
