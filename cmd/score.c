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

/* Outside a session, in one, or in one found bad, whose lines are passed
 * over up to the next header. */
enum state { OUTSIDE, INSIDE, SKIPPING };

struct trend {
	size_t sessions;
	char first_time[SESSION_TIME_LEN + 1], latest_time[SESSION_TIME_LEN + 1];
	long first_mean, latest_mean;
};

/* A bank as score uses it, with what one session adds up. */
struct scored_bank {
	struct bank bank;
	unsigned long *answered_in; /* per item: the last session to answer it */
	long *sum, *count;          /* per scale (rating) */
	struct trend *trend;        /* per scale (rating) */
};

struct scorer {
	enum mode mode;
	int failed;      /* anything went wrong, in any file */
	int file_failed; /* ... in the file being read */
	int guide_loaded;
	struct guide guide;
	struct scored_bank **banks;
	size_t nbanks;
	struct buf results; /* the lines of the session being finished */
	struct buf prefix;  /* TIME TAB BANK TAB, how its lines start */
	/* the session being read */
	enum state state;
	struct scored_bank *sb;
	char time[SESSION_TIME_LEN + 1];
	long header_line;
	size_t expected, seen;
	unsigned long session_id;
	int alerted;
	long correct;
	long sections[SECTION_NUMBER_MAX]; /* to read or review, sorted */
	size_t nsections;
};

static void put_results(struct scorer *sc)
{
	/* Through out_text: a bank's texts must not drive a terminal. */
	out_text(sc->results.data, sc->results.len);
	sc->results.len = 0;
}

/* Reports a bad line and passes over the rest of its session. What makes
 * a line not text (a NUL byte, invalid UTF-8) is said first. */
static void reject(struct scorer *sc, const struct line_reader *in, long line,
                   const char *text, size_t len, const char *fmt, ...)
{
	const char *problem = text ? line_problem(text, len) : NULL;
	va_list ap;

	/* Results already made must reach the reader before the error. */
	out_flush();
	if (problem) {
		warn_at(in->name, line, "%s", problem);
	} else {
		va_start(ap, fmt);
		vwarn_at(in->name, line, fmt, ap);
		va_end(ap);
	}
	sc->failed = sc->file_failed = 1;
	sc->state = SKIPPING;
}

static size_t band_of(const struct bank *b, long mean)
{
	size_t band = 0;

	while (band + 1 < b->nbands && b->bands[band + 1].from <= mean)
		band++;
	return band;
}

/* The mean in tenths, rounded half up, or -1 when too few answered. */
static long scale_mean(const struct scored_bank *sb, size_t s)
{
	long n = sb->count[s];

	if (n < 1 || (size_t)n < sb->bank.scales[s].need)
		return -1;
	return (sb->sum[s] * 20 + n) / (2 * n);
}

/* A mean in tenths, as 3.4 */
static void add_mean(struct buf *b, long tenths)
{
	buf_add_long(b, tenths / 10);
	buf_add_char(b, '.');
	buf_add_char(b, (char)('0' + tenths % 10));
}

static void add_field(struct buf *b, const char *s, size_t len)
{
	buf_add(b, s, len);
	buf_add_char(b, '\t');
}

static void add_prefix(struct scorer *sc)
{
	buf_add(&sc->results, sc->prefix.data, sc->prefix.len);
}

/* SCALE TAB MEAN TAB BAND TAB SECTION, or SCALE TAB - TAB unscored TAB - */
static void add_scale_result(struct scorer *sc, size_t s)
{
	const struct bank *b = &sc->sb->bank;
	struct buf *out = &sc->results;
	long mean = scale_mean(sc->sb, s), section;
	size_t band;

	add_prefix(sc);
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

static void add_rating_results(struct scorer *sc)
{
	size_t s;

	for (s = 0; s < sc->sb->bank.nscales; s++)
		add_scale_result(sc, s);
	if (sc->alerted) {
		add_prefix(sc);
		buf_add_str(&sc->results, "safety\t");
		buf_add_str(&sc->results, sc->sb->bank.safety_message);
		buf_add_char(&sc->results, '\n');
	}
}

/* RIGHT TAB ASKED TAB SECTIONS */
static void add_choice_result(struct scorer *sc)
{
	struct buf *out = &sc->results;
	size_t i;

	add_prefix(sc);
	buf_add_long(out, sc->correct);
	buf_add_char(out, '\t');
	buf_add_long(out, (long)sc->seen);
	buf_add_char(out, '\t');
	for (i = 0; i < sc->nsections; i++) {
		if (i > 0)
			buf_add_char(out, ',');
		buf_add_long(out, sc->sections[i]);
	}
	if (sc->nsections == 0)
		buf_add_char(out, '-');
	buf_add_char(out, '\n');
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
		buf_add_long(&sc->results, sc->sections[i]);
		buf_add_char(&sc->results, '\n');
	}
	put_results(sc);
	if (sc->alerted) {
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

/* BANK SCALE FIRST-TIME FIRST-MEAN LATEST-TIME LATEST-MEAN CHANGE */
static void add_trend(struct buf *out, const struct scored_bank *sb, size_t s)
{
	const struct trend *t = &sb->trend[s];
	long change = t->latest_mean - t->first_mean;

	add_field(out, sb->bank.name, strlen(sb->bank.name));
	add_field(out, sb->bank.scales[s].name, sb->bank.scales[s].name_len);
	add_field(out, t->first_time, SESSION_TIME_LEN);
	add_mean(out, t->first_mean);
	buf_add_char(out, '\t');
	add_field(out, t->latest_time, SESSION_TIME_LEN);
	add_mean(out, t->latest_mean);
	buf_add_str(out, change > 0 ? "\t+" : change < 0 ? "\t-" : "\t");
	add_mean(out, change < 0 ? -change : change);
	buf_add_char(out, '\n');
}

static void put_trend(struct scorer *sc)
{
	const struct scored_bank *sb;
	size_t i, s;

	for (i = 0; i < sc->nbanks; i++) {
		sb = sc->banks[i];
		for (s = 0; s < sb->bank.nscales; s++)
			if (sb->trend[s].sessions > 0)
				add_trend(&sc->results, sb, s);
	}
	put_results(sc);
}

static void finish_session(struct scorer *sc)
{
	if (sc->mode == MODE_RESULTS && sc->sb->bank.kind == BANK_RATING)
		add_rating_results(sc);
	else if (sc->mode == MODE_RESULTS)
		add_choice_result(sc);
	else if (sc->mode == MODE_REFS)
		put_refs(sc);
	else if (sc->sb->bank.kind == BANK_RATING)
		track_trend(sc);
	put_results(sc);
	sc->state = OUTSIDE;
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
	sc->banks = xrealloc(sc->banks, sc->nbanks + 1,
	                     sizeof(struct scored_bank *));
	sc->banks[sc->nbanks++] = sb;
	return sb;
}

static void free_banks(struct scorer *sc)
{
	size_t i;

	for (i = 0; i < sc->nbanks; i++) {
		bank_free(&sc->banks[i]->bank);
		free(sc->banks[i]->answered_in);
		free(sc->banks[i]->sum);
		free(sc->banks[i]->count);
		free(sc->banks[i]->trend);
		free(sc->banks[i]);
	}
	free(sc->banks);
	if (sc->guide_loaded)
		guide_free(&sc->guide);
}

static void end_cut_session(struct scorer *sc, const struct line_reader *in)
{
	if (sc->state == INSIDE)
		reject(sc, in, sc->header_line, NULL, 0, "session ends after "
		       "%zu of its %zu answers", sc->seen, sc->expected);
}

static void start_session(struct scorer *sc, const struct line_reader *in,
                          const struct session_header *h)
{
	struct scored_bank *sb = find_bank(sc, h->bank);

	if (!sb) {
		reject(sc, in, in->lineno, NULL, 0, "no question bank '%s' in %s",
		       h->bank, data_dir());
		return;
	}
	if ((size_t)h->count > sb->bank.nitems) {
		reject(sc, in, in->lineno, NULL, 0, "session claims %ld "
		       "answers; bank '%s' has %zu questions", h->count,
		       h->bank, sb->bank.nitems);
		return;
	}
	sc->sb = sb;
	memcpy(sc->time, h->time, sizeof sc->time);
	sc->prefix.len = 0;
	add_field(&sc->prefix, sc->time, SESSION_TIME_LEN);
	add_field(&sc->prefix, h->bank, strlen(h->bank));
	sc->expected = (size_t)h->count;
	sc->seen = 0;
	sc->session_id++;
	sc->alerted = 0;
	sc->correct = 0;
	sc->nsections = 0;
	memset(sb->sum, 0, sb->bank.nscales * sizeof *sb->sum);
	memset(sb->count, 0, sb->bank.nscales * sizeof *sb->count);
	sc->state = INSIDE;
}

static void record_rating(struct scorer *sc, const struct item *it,
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

/* ID TAB ANSWER: an item of the session's bank, not answered before in
 * the session, and an answer it takes. */
static void read_answer(struct scorer *sc, const struct line_reader *in,
                        const struct session_line *sl, const char *line,
                        size_t len)
{
	const struct bank *b = &sc->sb->bank;
	const struct item *it;
	size_t index;
	char range[32];
	long value;

	if (!bank_find_item(b, sl->id, sl->id_len, &index)) {
		reject(sc, in, in->lineno, line, len, "no item '%.*s' in bank "
		       "'%s'", (int)sl->id_len, sl->id, b->name);
		return;
	}
	it = &b->items[index];
	if (!bank_parse_answer(b, it, sl->answer, sl->answer_len, &value)) {
		bank_describe_answers(b, it, range, sizeof range);
		reject(sc, in, in->lineno, line, len, "'%.*s' is not an answer "
		       "to %s (%s)", (int)sl->answer_len, sl->answer, it->id,
		       range);
		return;
	}
	if (sc->sb->answered_in[index] == sc->session_id) {
		reject(sc, in, in->lineno, line, len, "%s is answered twice in "
		       "one session", it->id);
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

static void read_line(struct scorer *sc, const struct line_reader *in,
                      const char *line, size_t len)
{
	struct session_line sl;
	const char *problem = session_read_line(line, len, &sl);

	switch (sl.kind) {
	case SESSION_HEADER:
		end_cut_session(sc, in);
		sc->header_line = in->lineno;
		if (problem)
			reject(sc, in, in->lineno, line, len, "%s", problem);
		else
			start_session(sc, in, &sl.header);
		break;
	case SESSION_SKIPPED:
		if (problem)
			reject(sc, in, in->lineno, line, len, "%s", problem);
		break;
	case SESSION_ANSWER:
		if (sc->state == OUTSIDE)
			reject(sc, in, in->lineno, line, len, "an answer outside "
			       "a session: no hearth-session line above it");
		else if (sc->state == INSIDE && problem)
			reject(sc, in, in->lineno, line, len, "%s", problem);
		else if (sc->state == INSIDE)
			read_answer(sc, in, &sl, line, len);
		break;
	}
}

static void score_stream(struct scorer *sc, int fd, const char *name)
{
	struct line_reader in;
	enum line_status status;
	unsigned long before = sc->session_id;
	char *line;
	size_t len;

	line_reader_open(&in, fd, name);
	sc->state = OUTSIDE;
	sc->file_failed = 0;
	while ((status = line_next(&in, &line, &len)) == LINE_OK)
		read_line(sc, &in, line, len);
	if (status == LINE_TOO_LONG)
		reject(sc, &in, in.lineno, NULL, 0, "%s", line_too_long);
	end_cut_session(sc, &in);
	if (sc->session_id == before && !sc->file_failed)
		reject(sc, &in, in.lineno > 0 ? in.lineno : 1, NULL, 0,
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
			if (sc.mode == MODE_TREND)
				option_conflict('r', 't');
			sc.mode = MODE_REFS;
			break;
		case 't':
			if (sc.mode == MODE_REFS)
				option_conflict('r', 't');
			sc.mode = MODE_TREND;
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
	buf_free(&sc.results);
	buf_free(&sc.prefix);
	free_banks(&sc);
	out_finish();
	return sc.failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
