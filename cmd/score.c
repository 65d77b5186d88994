/* score: turn sessions into results: records in a pipe, a report at a
 * terminal */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "score.h"

static const char optstring[] = ":ehHjMrtVw:";
static const char synopsis[] =
	"usage: score [-ehHjMtV] [-w width] [file ...]\n"
	"       score -r [file ...]\n";
static const char details[] =
	"Score the sessions quiz(1) writes, read from the files or stdin. At a\n"
	"terminal score prints a report; into a pipe, the records of\n"
	"hearth-files(5).\n"
	"  -e        explain: list the answers behind each result\n"
	"  -H        print the report, wherever the output goes\n"
	"  -M        print the records, even at a terminal\n"
	"  -j        print JSON Lines: an object a record\n"
	"  -r        print only the sections to read or review, one a line\n"
	"  -t        print the trend: every session, in the order of time\n"
	"  -w width  wrap the report to width columns; 0 never wraps\n"
	"  -h        print this help\n"
	"  -V        print the version\n"
	"The results are for reflection, not a diagnosis.\n";

enum mode { MODE_RESULTS, MODE_REFS, MODE_TREND };
enum view { VIEW_AUTO, VIEW_RECORDS, VIEW_REPORT, VIEW_JSON };

/* The report is set at most this wide, as man sets a page. */
enum { REPORT_WIDTH_MAX = 80 };

/* Outside a session, in one, or in one found bad, whose lines are passed
 * over up to the next header. */
enum state { OUTSIDE, INSIDE, SKIPPING };

/* A bank as score uses it, with what one session adds up. */
struct scored_bank {
	struct bank bank;
	unsigned long *answered_in; /* per item: the last session to answer it */
	long *sum, *count, *skipped, *mean; /* per scale (rating) */
};

struct scorer {
	enum mode mode;
	enum view view;
	struct view_options options;
	int failed;      /* anything went wrong, in any file */
	int file_failed; /* ... in the file being read */
	int guide_loaded;
	struct guide guide;
	struct scored_bank **banks;
	size_t nbanks;
	const struct bank *rating_seen; /* for the report's last words */
	struct buf out;                 /* the output of one session */
	struct trend trend;
	/* the session being read */
	enum state state;
	struct scored_bank *sb;
	char time[SESSION_TIME_LEN + 1];
	long header_line;
	size_t expected, seen;
	unsigned long session_id;
	int alerted;
	long correct;
	struct given *answers;
	size_t answers_cap;
	long sections[SECTION_NUMBER_MAX]; /* to read or review, sorted */
	size_t nsections;
};

static void put_out(struct scorer *sc)
{
	/* Through out_text: a bank's texts must not drive a terminal. */
	out_text(sc->out.data, sc->out.len);
	sc->out.len = 0;
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

size_t band_of(const struct bank *b, long mean)
{
	size_t band = 0;

	while (band + 1 < b->nbands && b->bands[band + 1].from <= mean)
		band++;
	return band;
}

long section_of_mean(const struct bank *b, size_t scale, long mean)
{
	return b->read[scale * b->nbands + band_of(b, mean)];
}

void add_mean(struct buf *b, long tenths)
{
	buf_add_long(b, tenths / 10);
	buf_add_char(b, '.');
	buf_add_char(b, (char)('0' + tenths % 10));
}

/* The mean in tenths, rounded half up, or -1 when too few answered. */
static long scale_mean(const struct scored_bank *sb, size_t s)
{
	long n = sb->count[s];

	if (n < 1 || (size_t)n < sb->bank.scales[s].need)
		return -1;
	return (sb->sum[s] * 20 + n) / (2 * n);
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

/* The means, and the sections they point to. */
static void score_rating(struct scorer *sc)
{
	struct scored_bank *sb = sc->sb;
	long section;
	size_t s;

	for (s = 0; s < sb->bank.nscales; s++) {
		sb->mean[s] = scale_mean(sb, s);
		if (sb->mean[s] < 0)
			continue;
		section = section_of_mean(&sb->bank, s, sb->mean[s]);
		if (section)
			add_section(sc, section);
	}
}

static void say_line(const char *indent, size_t indent_len, const char *text,
                     size_t len, void *ctx)
{
	(void)ctx;
	term_write_text(STDERR_FILENO, indent, indent_len);
	term_write_text(STDERR_FILENO, text, len);
	term_write_text(STDERR_FILENO, "\n", 1);
}

/* The sections go to stdout, for section(1); the safety message to
 * stderr: at a terminal as a paragraph of its own, else as a message. */
static void put_refs(struct scorer *sc)
{
	size_t i;

	for (i = 0; i < sc->nsections; i++) {
		buf_add_long(&sc->out, sc->sections[i]);
		buf_add_char(&sc->out, '\n');
	}
	put_out(sc);
	if (!sc->alerted)
		return;
	out_flush();
	if (isatty(STDERR_FILENO))
		wrap_text(sc->sb->bank.safety_message,
		          terminal_width(STDERR_FILENO) < REPORT_WIDTH_MAX
		              ? terminal_width(STDERR_FILENO)
		              : REPORT_WIDTH_MAX,
		          say_line, NULL);
	else
		warn("safety: %s", sc->sb->bank.safety_message);
}

/* Keeps what the trend shows of the session. */
static void add_point(struct scorer *sc)
{
	struct trend *t = &sc->trend;
	const struct bank *b = &sc->sb->bank;
	struct point *p;
	size_t s;

	t->points = xgrow(t->points, &t->points_cap, t->npoints + 1,
	                  sizeof *t->points);
	p = &t->points[t->npoints];
	p->bank = b;
	memcpy(p->time, sc->time, sizeof p->time);
	p->order = t->npoints++;
	p->alerted = sc->alerted;
	p->correct = sc->correct;
	p->asked = (long)sc->seen;
	p->first_mean = t->nmeans;
	if (b->kind != BANK_RATING)
		return;
	t->means = xgrow(t->means, &t->means_cap, t->nmeans + b->nscales,
	                 sizeof *t->means);
	for (s = 0; s < b->nscales; s++)
		t->means[t->nmeans++] = (short)sc->sb->mean[s];
}

static void finish_session(struct scorer *sc)
{
	struct result r;

	sc->state = OUTSIDE;
	if (sc->expected == 0)
		return; /* quit before the first answer: nothing to score */
	if (sc->sb->bank.kind == BANK_RATING) {
		score_rating(sc);
		sc->rating_seen = &sc->sb->bank;
	}
	if (sc->mode == MODE_REFS) {
		put_refs(sc);
		return;
	}
	if (sc->mode == MODE_TREND) {
		add_point(sc);
		return;
	}
	r.bank = &sc->sb->bank;
	r.time = sc->time;
	r.count = sc->seen;
	r.answers = sc->answers;
	r.mean = sc->sb->mean;
	r.answered = sc->sb->count;
	r.skipped = sc->sb->skipped;
	r.alerted = sc->alerted;
	r.correct = sc->correct;
	r.sections = sc->sections;
	r.nsections = sc->nsections;
	if (sc->view == VIEW_REPORT)
		report_result(&sc->out, &r, &sc->options);
	else if (sc->view == VIEW_JSON)
		json_result(&sc->out, &r, sc->options.explain);
	else
		records_result(&sc->out, &r, sc->options.explain);
	put_out(sc);
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
	sb->skipped = xcalloc(n, sizeof *sb->skipped);
	sb->mean = xcalloc(n, sizeof *sb->mean);
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
		free(sc->banks[i]->skipped);
		free(sc->banks[i]->mean);
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
	char *where;

	if (!sb) {
		where = data_path_text();
		reject(sc, in, in->lineno, NULL, 0, "no question bank '%s' in %s",
		       h->bank, where);
		free(where);
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
	sc->expected = (size_t)h->count;
	sc->seen = 0;
	sc->session_id++;
	sc->alerted = 0;
	sc->correct = 0;
	sc->nsections = 0;
	memset(sb->sum, 0, sb->bank.nscales * sizeof *sb->sum);
	memset(sb->count, 0, sb->bank.nscales * sizeof *sb->count);
	memset(sb->skipped, 0, sb->bank.nscales * sizeof *sb->skipped);
	sc->answers = xgrow(sc->answers, &sc->answers_cap, sc->expected,
	                    sizeof *sc->answers);
	sc->state = INSIDE;
	if (sc->expected == 0)
		finish_session(sc);
}

/* A safety statement counts in no scale; a skipped statement counts in
 * none either, but in the scale's share of skipped ones. */
static void record_rating(struct scorer *sc, const struct item *it,
                          long value)
{
	struct scored_bank *sb = sc->sb;

	if (it->is_signal) {
		sc->alerted |= signal_fires(it, value);
	} else if (value == ANSWER_SKIPPED) {
		sb->skipped[it->scale]++;
	} else {
		sb->sum[it->scale] += bank_counted(&sb->bank, it, value);
		sb->count[it->scale]++;
	}
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
		       "to %s (%s%s)", (int)sl->answer_len, sl->answer, it->id,
		       range, b->kind == BANK_RATING ? ", or - for skipped" : "");
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
	sc->answers[sc->seen].item = index;
	sc->answers[sc->seen].value = value;
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

/* By time, and in the order read for one time. */
static int earlier(const void *a, const void *b)
{
	const struct point *p = a, *q = b;
	int by_time = strcmp(p->time, q->time);

	if (by_time)
		return by_time;
	return p->order < q->order ? -1 : p->order > q->order;
}

static void put_trend(struct scorer *sc)
{
	struct trend *t = &sc->trend;

	if (t->npoints > 1)
		qsort(t->points, t->npoints, sizeof *t->points, earlier);
	if (sc->view == VIEW_REPORT)
		report_trend(&sc->out, t, &sc->options);
	else if (sc->view == VIEW_JSON)
		json_trend(&sc->out, t);
	else
		records_trend(&sc->out, t);
	put_out(sc);
}

static void set_view(struct scorer *sc, enum view view, int opt)
{
	static int view_option;

	if (sc->view != VIEW_AUTO && sc->view != view)
		option_conflict(view_option, opt);
	sc->view = view;
	view_option = opt;
}

static void set_mode(struct scorer *sc, enum mode mode)
{
	if (sc->mode != MODE_RESULTS && sc->mode != mode)
		option_conflict('r', 't');
	sc->mode = mode;
}

static void parse_options(struct scorer *sc, int argc, char **argv)
{
	long width = -1;
	int opt, view_opt = 0;

	while ((opt = getopt(argc, argv, optstring)) != -1) {
		switch (opt) {
		case 'e':
			sc->options.explain = 1;
			break;
		case 'H':
			set_view(sc, VIEW_REPORT, opt);
			view_opt = opt;
			break;
		case 'M':
			set_view(sc, VIEW_RECORDS, opt);
			view_opt = opt;
			break;
		case 'j':
			set_view(sc, VIEW_JSON, opt);
			view_opt = opt;
			break;
		case 'r':
			set_mode(sc, MODE_REFS);
			break;
		case 't':
			set_mode(sc, MODE_TREND);
			break;
		case 'w':
			width = option_width(optarg);
			break;
		default:
			cli_common_option(opt);
		}
	}
	if (sc->mode == MODE_REFS && view_opt)
		option_conflict('r', view_opt);
	if (sc->mode == MODE_REFS && sc->options.explain)
		option_conflict('r', 'e');
	if (sc->mode == MODE_TREND && sc->options.explain)
		option_conflict('t', 'e');
	if (sc->view == VIEW_AUTO)
		sc->view = out_is_terminal() ? VIEW_REPORT : VIEW_RECORDS;
	/* The terminal's width, or -w's; into a pipe, a page's. */
	if (width < 0)
		width = out_is_terminal() ? (long)output_width(-1)
		                          : REPORT_WIDTH_MAX;
	sc->options.width = width > REPORT_WIDTH_MAX ? REPORT_WIDTH_MAX
	                                             : (size_t)width;
	sc->options.utf8 = locale_is_utf8();
}

int main(int argc, char **argv)
{
	struct scorer sc;
	int i;

	cli_start(argc, argv, optstring, synopsis, details);
	memset(&sc, 0, sizeof sc);
	parse_options(&sc, argc, argv);
	sc.options.files = argv + optind;
	sc.options.nfiles = argc - optind;
	sc.options.guide = &sc.guide;
	if (optind == argc)
		score_file(&sc, "-");
	for (i = optind; i < argc; i++)
		score_file(&sc, argv[i]);
	if (sc.mode == MODE_TREND)
		put_trend(&sc);
	if (sc.mode == MODE_RESULTS && sc.view == VIEW_REPORT) {
		report_close(&sc.out, &sc.options, sc.rating_seen);
		put_out(&sc);
	}
	buf_free(&sc.out);
	free(sc.answers);
	free(sc.trend.points);
	free(sc.trend.means);
	free_banks(&sc);
	out_finish();
	return sc.failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
