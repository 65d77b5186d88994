/* quiz: ask a question bank's items and write the answers as a session */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

static const char optstring[] = ":a:d:ehk:ln:s:V";
static const char synopsis[] =
	"usage: quiz [-ehlV] [-a journal] [-d date] [-k bank] [-n count] "
	"[-s seed]\n";
static const char details[] =
	"Ask the questions of a bank and write the answers, as a session for\n"
	"score(1), to stdout. At a terminal quiz asks one question at a time;\n"
	"otherwise it reads one reply a line from stdin, without prompts.\n"
	"  -a journal  also append the finished session to this file\n"
	"  -d date     date the session YYYY-MM-DD[THH:MM], local time\n"
	"  -e          explain each answer, ask a missed one again (know)\n"
	"  -k bank     the question bank: self (the default) or know\n"
	"  -l          list the questions instead of asking them\n"
	"  -n count    ask only this many questions, and every safety\n"
	"              statement\n"
	"  -s seed     shuffle the questions with this seed (a number)\n"
	"  -h          print this help\n"
	"  -V          print the version\n"
	"A reply is an answer, s (or skip) for a statement that does not\n"
	"apply, ? for help, b (or back) to go back one question, or q to\n"
	"stop, which writes a session of no answers.\n";

enum reply_kind {
	REPLY_ANSWER, REPLY_BACK, REPLY_QUIT, REPLY_END, REPLY_HELP,
	REPLY_UNKNOWN
};

/* How the asking ended: every question answered (and with -e, every
 * missed one answered again), stopped after the first answer to each
 * question (-e only), or quit before. */
enum ending { ENDED_ANSWERED, ENDED_AFTER_FIRST_ANSWERS, ENDED_QUIT };

/* With -e a missed question comes back until answered right at a
 * terminal, and at most this often otherwise, so that a script answering
 * wrong for ever still ends. */
enum { ASKED_AGAIN_MAX = 3 };

/* The most answers a session holds, as hearth-files(5) says. */
enum { COUNT_MAX = 100000 };

struct reply {
	size_t item;
	long value;
	int again; /* a miss that brings the question back later */
};

struct quiz {
	struct guide guide;
	struct bank bank;
	size_t *order; /* the items to ask, in the order asked */
	size_t count;
	int explain;
	int tty; /* where prompts go, or -1 when not interactive */
	size_t width;
	struct line_reader in;
	struct reply *replies; /* answers so far, the first count in order */
	size_t nreplies, replies_cap;
	/* After going back, the replies from nreplies up to here are still
	 * those given before, offered again to keep. */
	size_t remembered;
	int dated;
	time_t date; /* with -d, the session's time */
};

struct options {
	const char *bank;
	const char *journal;
	long count;
	int print, explain, seeded, dated;
	uint64_t seed;
	time_t date;
};

/* Prompts and hints: to the terminal only, never to stdout. */
static void say_line(const char *indent, size_t indent_len, const char *text,
                     size_t len, void *ctx)
{
	const struct quiz *q = ctx;

	term_write_text(q->tty, indent, indent_len);
	term_write_text(q->tty, text, len);
	term_write_text(q->tty, "\n", 1);
}

static void say(const struct quiz *q, const char *fmt, ...)
{
	char *text;
	va_list ap;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	wrap_text(text, q->width, say_line, (void *)q);
	free(text);
}

/* A label, such as "[3/28] " or "  4  ", and text that wraps under
 * itself, not under the label. Labels are ASCII: a byte a column. */
static void say_labelled(const struct quiz *q, const char *label,
                         const char *text)
{
	char *line = xasprintf("%s%s", label, text);

	wrap_hanging(line, q->width, strlen(label), say_line, (void *)q);
	free(line);
}

static void prompt(const struct quiz *q, const char *text)
{
	term_write_text(q->tty, text, strlen(text));
}

/* Dies by the same signal after ending the prompt's line, so a calling
 * script stops too. Nothing has been written: a session goes out whole. */
static volatile sig_atomic_t signal_tty = -1;
static const int stopping_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static void on_signal(int sig)
{
	if (signal_tty >= 0 && write(signal_tty, "\n", 1) < 0)
		signal_tty = -1;
	/* Neither can fail for a valid signal number. */
	(void)signal(sig, SIG_DFL);
	(void)raise(sig);
}

enum { NSTOPPING = sizeof stopping_signals / sizeof *stopping_signals };

static void catch_signals(int tty)
{
	struct sigaction sa;
	size_t i;

	signal_tty = tty;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: Ctrl-C acts at once at a prompt */
	for (i = 0; i < NSTOPPING; i++)
		sigaction(stopping_signals[i], &sa, NULL);
}

/* Held off while the session is written, so it is written whole. */
static void block_signals(int how)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NSTOPPING; i++)
		sigaddset(&set, stopping_signals[i]);
	sigprocmask(how, &set, NULL);
}

/* The bank's intro, its answers, and the replies that are no answer. */
static void show_scale(const struct quiz *q)
{
	const struct bank *b = &q->bank;
	char *label;
	long v;

	if (b->intro)
		say(q, "%s", b->intro);
	if (b->kind == BANK_CHOICE) {
		say(q, "%s", q->explain ? "Type q to quit."
		                        : "Type back to go back one question, "
		                          "q to quit.");
		return;
	}
	for (v = b->answer_min; v <= b->answer_max; v++) {
		label = xasprintf("  %ld  ", v);
		say_labelled(q, label, b->labels[v - b->answer_min]);
		free(label);
	}
	say(q, "Type s to skip a statement that does not apply to you, b to "
	       "go back one statement, q to quit.");
}

/* With -e a missed question comes back after all the others, in the
 * order missed; so the k-th question asked follows from the replies
 * before it. */
static size_t item_to_ask(const struct quiz *q, size_t k)
{
	size_t i, nth;

	if (k < q->count)
		return q->order[k];
	nth = k - q->count;
	for (i = 0; i < q->nreplies; i++)
		if (q->replies[i].again && nth-- == 0)
			break;
	return q->replies[i].item;
}

static int finished(const struct quiz *q)
{
	size_t i, again = 0;

	for (i = 0; i < q->nreplies; i++)
		again += q->replies[i].again;
	return q->nreplies == q->count + again;
}

static int asks_again(const struct quiz *q, size_t item, long value)
{
	size_t i, times = 0;

	if (!q->explain || value == (long)q->bank.items[item].answer)
		return 0;
	if (q->tty >= 0)
		return 1;
	for (i = 0; i < q->nreplies; i++)
		times += q->replies[i].item == item && q->replies[i].again;
	return times < ASKED_AGAIN_MAX;
}

static void show_item(const struct quiz *q, size_t k, const struct item *it)
{
	char *label;
	size_t i;

	if (k < q->count)
		label = xasprintf("[%zu/%zu] ", k + 1, q->count);
	else
		label = xstrdup("[again] ");
	say_labelled(q, label, it->text);
	free(label);
	for (i = 0; i < it->nchoices; i++) {
		label = xasprintf("  %c) ", (int)('a' + i));
		say_labelled(q, label, it->choices[i]);
		free(label);
	}
}

/* The lines of the guide a question quotes, as the guide sets them. */
static void show_quote(const struct quiz *q, const struct item *it)
{
	const struct guide_section *s = guide_section_of(&q->guide,
	                                                 it->section);
	const struct guide_line *line = NULL;

	while ((line = guide_next_line(s, it->quote, line)))
		say_labelled(q, "    ", line->text);
}

static void show_feedback(const struct quiz *q, const struct item *it,
                          const struct reply *r)
{
	if (r->value == (long)it->answer && it->quote)
		say(q, "Right. Section %ld says:", it->section);
	else if (r->value == (long)it->answer)
		say(q, "Right.");
	else
		say(q, "The guide says %c) %s (section %ld)%s",
		    (int)('a' + it->answer), it->choices[it->answer],
		    it->section, it->quote ? ":" : ".");
	if (it->quote)
		show_quote(q, it);
	if (it->note)
		say_labelled(q, "Note: ", it->note);
	if (r->again)
		say(q, "It will come up again.");
}

static int is_word(const char *s, const char *word)
{
	return strcmp(s, word) == 0;
}

/* Whether question k was answered before going back to it; sets
 * *value to that answer. */
static int earlier_answer(const struct quiz *q, size_t k, long *value)
{
	if (k >= q->remembered)
		return 0;
	*value = q->replies[k].value;
	return 1;
}

/* What a line says, trimmed and lower-cased; after going back (earlier
 * not NULL) an empty line keeps the answer given before. */
static enum reply_kind reply_of(const struct quiz *q, const struct item *it,
                                const char *line, size_t len,
                                const long *earlier, long *value)
{
	if (len == 0 && earlier) {
		*value = *earlier;
		return REPLY_ANSWER;
	}
	if (bank_parse_answer(&q->bank, it, line, len, value))
		return REPLY_ANSWER;
	if (q->bank.kind == BANK_RATING &&
	    (is_word(line, "s") || is_word(line, "skip"))) {
		*value = ANSWER_SKIPPED;
		return REPLY_ANSWER;
	}
	if (is_word(line, "b") || is_word(line, "back"))
		return REPLY_BACK;
	if (is_word(line, "q") || is_word(line, "quit"))
		return REPLY_QUIT;
	if (is_word(line, "?") || is_word(line, "help"))
		return REPLY_HELP;
	return REPLY_UNKNOWN;
}

/* "Your answer (1 to 5): ", or after going back to a question answered
 * 4, "Your answer (1 to 5, Enter keeps 4): ". */
static void prompt_answer(const struct quiz *q, const char *range,
                          const long *earlier)
{
	struct buf text = {NULL, 0, 0};

	buf_add_str(&text, "Your answer (");
	buf_add_str(&text, range);
	if (earlier && *earlier == ANSWER_SKIPPED) {
		buf_add_str(&text, ", Enter skips it again");
	} else if (earlier) {
		buf_add_str(&text, ", Enter keeps ");
		bank_add_answer(&text, &q->bank, *earlier);
	}
	buf_add_str(&text, "): ");
	term_write_text(q->tty, text.data, text.len);
	buf_free(&text);
}

static NORETURN void not_a_reply(const struct quiz *q, const struct item *it,
                                 const char *range)
{
	if (q->explain)
		die_at(q->in.name, q->in.lineno, "not an answer to %s (%s) or q",
		       it->id, range);
	die_at(q->in.name, q->in.lineno, "not an answer to %s (%s), %s, or q",
	       it->id, range, q->bank.kind == BANK_CHOICE ? "back" : "s, b");
}

/* At a terminal, a reply that is no answer is explained, and question k
 * asked again. */
static void answer_at_terminal(const struct quiz *q, size_t k,
                               const struct item *it, enum reply_kind kind,
                               const char *range)
{
	if (kind == REPLY_UNKNOWN) {
		say(q, "Please answer %s; ? explains.", range);
		return;
	}
	if (kind == REPLY_HELP)
		show_scale(q);
	else
		say(q, "With -e the first answer to each question stands, "
		       "so there is no going back.");
	show_item(q, k, it);
}

/* Reads replies to question k until one is an answer or a command.
 * Anything else is explained at a terminal, and is an error naming its
 * line otherwise. With -e there is no going back: a first answer
 * stands. */
static enum reply_kind read_reply(struct quiz *q, size_t k,
                                  const struct item *it, long *value)
{
	enum line_status status;
	enum reply_kind kind;
	char *line, range[32], *p;
	long kept;
	const long *earlier = earlier_answer(q, k, &kept) ? &kept : NULL;
	size_t len;

	bank_describe_answers(&q->bank, it, range, sizeof range);
	for (;;) {
		if (q->tty >= 0)
			prompt_answer(q, range, earlier);
		status = line_next(&q->in, &line, &len);
		if (status == LINE_EOF) {
			if (q->tty >= 0)
				prompt(q, "\n");
			return REPLY_END;
		}
		if (status == LINE_TOO_LONG)
			die_at(q->in.name, q->in.lineno, "%s", line_too_long);
		kind = REPLY_UNKNOWN;
		if (!line_problem(line, len)) {
			line = trim_blanks(line, &len);
			for (p = line; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			kind = reply_of(q, it, line, len, earlier, value);
		}
		if (kind == REPLY_ANSWER || kind == REPLY_QUIT ||
		    (kind == REPLY_BACK && !q->explain))
			return kind;
		if (q->tty < 0)
			not_a_reply(q, it, range);
		answer_at_terminal(q, k, it, kind, range);
	}
}

static NORETURN void input_ended(const struct quiz *q)
{
	die("input ended after %zu of %zu answers; nothing was written",
	    q->nreplies, q->count);
}

static void add_reply(struct quiz *q, size_t k, const struct item *it,
                      long value)
{
	if (k == q->replies_cap) {
		q->replies_cap = 2 * k + q->count;
		q->replies = xrealloc(q->replies, q->replies_cap,
		                      sizeof *q->replies);
	}
	q->replies[k].item = (size_t)(it - q->bank.items);
	q->replies[k].value = value;
	q->replies[k].again = asks_again(q, q->replies[k].item, value);
	q->nreplies++;
	if (q->remembered < q->nreplies)
		q->remembered = q->nreplies;
	if (q->tty >= 0 && q->bank.kind == BANK_CHOICE)
		show_feedback(q, it, &q->replies[k]);
}

/* Once every question has its first answer, the session is whole: with
 * -e, stopping while missed questions come back keeps it. */
static enum ending ask_all(struct quiz *q)
{
	const struct item *it;
	long value = 0;
	size_t k;

	if (q->tty >= 0)
		show_scale(q);
	while (!finished(q)) {
		k = q->nreplies;
		it = &q->bank.items[item_to_ask(q, k)];
		if (q->tty >= 0)
			show_item(q, k, it);
		switch (read_reply(q, k, it, &value)) {
		case REPLY_ANSWER:
			add_reply(q, k, it, value);
			break;
		case REPLY_BACK:
			if (q->nreplies > 0)
				q->nreplies--;
			else if (q->tty >= 0)
				say(q, "This is the first question.");
			break;
		case REPLY_QUIT:
			return q->nreplies < q->count ? ENDED_QUIT
			                              : ENDED_AFTER_FIRST_ANSWERS;
		default: /* REPLY_END, the only other reply returned */
			if (q->nreplies < q->count)
				input_ended(q);
			return ENDED_AFTER_FIRST_ANSWERS;
		}
	}
	return ENDED_ANSWERED;
}

/* The session of the first count answers: all of them, or none for a
 * quiz quit. */
static void format_session(const struct quiz *q, size_t count,
                           struct buf *session)
{
	const struct reply *r;
	size_t k;

	session_add_header(session, q->bank.name,
	                   q->dated ? q->date : time(NULL), count);
	for (k = 0; k < count; k++) {
		r = &q->replies[k];
		session_add_answer(session, &q->bank, &q->bank.items[r->item],
		                   r->value);
	}
}

/* Checks before the first question that the journal can be written (and
 * read, to see how it ends), so nobody answers for nothing. It is created
 * only when a session goes in, so a quiz that stops never leaves an empty
 * journal behind. */
static void check_journal(const char *path)
{
	char *dir, *slash;
	struct stat st;
	int fd = open_regular(path, O_RDWR | O_APPEND, 0);

	if (fd == OPEN_NOT_REGULAR)
		die("%s: not a regular file", path);
	if (fd >= 0) {
		if (fstat(fd, &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH)))
			warn("%s: readable by others; chmod 600 %s", path,
			     path);
		close(fd);
		return;
	}
	if (errno != ENOENT)
		die("%s:", path);
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	if (access(slash ? dir : ".", W_OK | X_OK) < 0)
		die("%s:", path);
	free(dir);
}

/* Opens the journal and waits for its lock, so that sessions appended at
 * once never mix. A signal meanwhile stops quiz with nothing written.
 * Returns -1 on failure, after saying why. */
static int lock_journal(const char *path)
{
	int fd = open_regular(path, O_RDWR | O_APPEND | O_CREAT, 0600);
	struct flock lock;

	if (fd == OPEN_NOT_REGULAR)
		warn("%s: not a regular file", path);
	if (fd < 0) {
		if (fd == -1)
			warn("%s:", path);
		return -1;
	}
	memset(&lock, 0, sizeof lock);
	lock.l_type = F_WRLCK;
	lock.l_whence = SEEK_SET;
	while (fcntl(fd, F_SETLKW, &lock) < 0) {
		if (errno != EINTR) {
			warn("%s: cannot lock:", path);
			close(fd);
			return -1;
		}
	}
	return fd;
}

/* Appends the session on a line of its own, though the journal may end
 * without a newline (a note added by hand, a disk that was full). A
 * failed write is undone: the journal is cut back to the size it had.
 * Returns 0 on failure, after saying why. */
static int append_journal(int fd, const char *path, const struct buf *session)
{
	struct stat st;
	char last = '\n';

	if (fstat(fd, &st) < 0 ||
	    (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) != 1)) {
		warn("%s: cannot read:", path);
		return 0;
	}
	if ((last == '\n' || write_all(fd, "\n", 1) == 0) &&
	    write_all(fd, session->data, session->len) == 0)
		return 1;
	warn("%s: write error:", path);
	if (ftruncate(fd, st.st_size) < 0)
		warn("%s: cannot undo a part written:", path);
	return 0;
}

/* Prints what text holds as one paragraph, and empties it. */
static void print_paragraph(struct buf *text, size_t width)
{
	buf_add_char(text, '\0');
	wrap_paragraph(text->data, width);
	text->len = 0;
}

/* "1. TEXT (ID", how every printed item starts */
static void add_item_start(struct buf *text, size_t k, const struct item *it)
{
	buf_add_long(text, (long)k + 1);
	buf_add_str(text, ". ");
	buf_add_str(text, it->text);
	buf_add_str(text, " (");
	buf_add(text, it->id, it->id_len);
}

/* 1. TEXT (ID, SCALE) or (ID, SCALE, reversed), and for a safety
 * statement 1. TEXT (ID, safety, 4 to 5): the answers that call for the
 * safety message. */
static void print_rating_item(const struct quiz *q, size_t k,
                              const struct item *it, struct buf *text,
                              size_t width)
{
	add_item_start(text, k, it);
	buf_add_str(text, ", ");
	if (it->is_signal) {
		buf_add_str(text, "safety, ");
		buf_add_long(text, it->fires_from);
		if (it->fires_to > it->fires_from) {
			buf_add_str(text, " to ");
			buf_add_long(text, it->fires_to);
		}
	} else {
		buf_add_str(text, q->bank.scales[it->scale].name);
	}
	if (it->reversed)
		buf_add_str(text, ", reversed");
	buf_add_char(text, ')');
	print_paragraph(text, width);
}

/* 1. TEXT (ID, section N), its choices, its answer, the lines of the
 * guide it quotes and its note */
static void print_choice_item(const struct quiz *q, size_t k,
                              const struct item *it, struct buf *text,
                              size_t width)
{
	const struct guide_line *line = NULL;
	size_t i;

	add_item_start(text, k, it);
	buf_add_str(text, ", section ");
	buf_add_long(text, it->section);
	buf_add_char(text, ')');
	print_paragraph(text, width);
	for (i = 0; i < it->nchoices; i++) {
		buf_add_str(text, "   ");
		buf_add_char(text, (char)('a' + i));
		buf_add_str(text, ") ");
		buf_add_str(text, it->choices[i]);
		print_paragraph(text, width);
	}
	buf_add_str(text, "   Answer: ");
	buf_add_char(text, (char)('a' + it->answer));
	print_paragraph(text, width);
	while (it->quote &&
	       (line = guide_next_line(guide_section_of(&q->guide,
	                                                it->section),
	                               it->quote, line))) {
		buf_add_str(text, "   Quote: ");
		buf_add_str(text, line->text);
		print_paragraph(text, width);
	}
	if (it->note) {
		buf_add_str(text, "   Note: ");
		buf_add_str(text, it->note);
		print_paragraph(text, width);
	}
}

static void print_questionnaire(const struct quiz *q)
{
	const struct bank *b = &q->bank;
	size_t width = output_width(-1), k;
	struct buf text = {NULL, 0, 0};
	const char *label;
	long v;

	if (b->intro) {
		buf_add_str(&text, b->intro);
		print_paragraph(&text, width);
	}
	if (b->kind == BANK_RATING) {
		for (v = b->answer_min; v <= b->answer_max; v++) {
			label = b->labels[v - b->answer_min];
			out_printf("  %ld  ", v);
			out_text(label, strlen(label));
			out_char('\n');
		}
		buf_add_str(&text, "A statement that does not apply can be "
		                   "skipped: reply s.");
		print_paragraph(&text, width);
	}
	for (k = 0; k < q->count; k++) {
		out_char('\n');
		if (b->kind == BANK_RATING)
			print_rating_item(q, k, &b->items[q->order[k]], &text,
			                  width);
		else
			print_choice_item(q, k, &b->items[q->order[k]], &text,
			                  width);
	}
	buf_free(&text);
}

static NORETURN void too_many(const struct bank *b, long count)
{
	size_t n = b->nitems - b->nsignals;

	if (b->nsignals == 0)
		cli_usage_error("-n %ld: the %s bank has %zu questions", count,
		                b->name, n);
	cli_usage_error("-n %ld: the %s bank has %zu statements besides its "
	                "%zu safety statements, which are always asked",
	                count, b->name, n, b->nsignals);
}

/* The bank's order, or a shuffled one; with -n, the first count items
 * of it that are not safety statements, and every safety statement
 * where it falls. */
static void choose_order(struct quiz *q, const struct options *o)
{
	const struct bank *b = &q->bank;
	size_t n = b->nitems, i, kept = 0, others = 0;
	struct rng rng;

	if (o->count > (long)(n - b->nsignals))
		too_many(b, o->count);
	q->order = xcalloc(n, sizeof *q->order);
	for (i = 0; i < n; i++)
		q->order[i] = i;
	if (o->seeded || b->kind == BANK_CHOICE) {
		rng_seed(&rng, o->seeded ? o->seed : rng_seed_from_clock());
		rng_shuffle(&rng, q->order, n);
	}
	for (i = 0; i < n; i++) {
		if (!b->items[q->order[i]].is_signal &&
		    o->count > 0 && others++ >= (size_t)o->count)
			continue;
		q->order[kept++] = q->order[i];
	}
	q->count = kept;
}

static void open_terminal(struct quiz *q)
{
	q->tty = -1;
	if (!isatty(STDIN_FILENO))
		return;
	q->tty = open("/dev/tty", O_WRONLY);
	if (q->tty < 0)
		q->tty = STDERR_FILENO;
	q->width = terminal_width(q->tty);
	catch_signals(q->tty);
}

/* -d: a session's TIME holds a year of four digits, in UTC. */
static time_t session_date(const char *value)
{
	time_t date = option_date_time(value);
	struct tm tm;

	if (!gmtime_r(&date, &tm) || tm.tm_year < 1000 - 1900 ||
	    tm.tm_year > 9999 - 1900)
		cli_usage_error("%s: a session is dated in the years 1000 to "
		                "9999, in UTC", value);
	return date;
}

static void parse_options(int argc, char **argv, struct options *o)
{
	int opt;

	while ((opt = getopt(argc, argv, optstring)) != -1) {
		switch (opt) {
		case 'k':
			if (!is_name(option_text('k', optarg)))
				cli_usage_error("bank '%s' is not a bank name",
				                optarg);
			o->bank = optarg;
			break;
		case 'n':
			o->count = option_number('n', optarg, 1, COUNT_MAX);
			break;
		case 'a':
			o->journal = option_text('a', optarg);
			break;
		case 'l':
			o->print = 1;
			break;
		case 's':
			o->seeded = 1;
			o->seed = option_seed(optarg);
			break;
		case 'e':
			o->explain = 1;
			break;
		case 'd':
			o->dated = 1;
			o->date = session_date(optarg);
			break;
		default:
			cli_common_option(opt);
		}
	}
	if (optind < argc)
		cli_usage_error("quiz takes no operands");
	if (o->print && o->journal)
		option_conflict('l', 'a');
	if (o->print && o->explain)
		option_conflict('l', 'e');
	if (o->print && o->dated)
		option_conflict('l', 'd');
}

/* A journal that fails still leaves the session on stdout: the answers
 * are not lost, and the exit status tells. Signals wait while the
 * session is written, so it is written whole. */
static int write_session(struct quiz *q, size_t count, const char *journal)
{
	struct buf session = {NULL, 0, 0};
	int fd = -1, journal_ok = 1;

	format_session(q, count, &session);
	if (journal && (fd = lock_journal(journal)) < 0)
		journal_ok = 0;
	block_signals(SIG_BLOCK);
	if (fd >= 0 && !append_journal(fd, journal, &session))
		journal_ok = 0;
	if (fd >= 0 && close(fd) < 0) {
		warn("%s: write error:", journal);
		journal_ok = 0;
	}
	out_write(session.data, session.len);
	out_flush();
	block_signals(SIG_UNBLOCK);
	buf_free(&session);
	return journal_ok;
}

/* A quiz quit writes a session of no answers, to stdout only: score
 * passes over it, and a journal holds whole sessions alone. */
static int finish(struct quiz *q, enum ending ending, const char *journal)
{
	int journal_ok;

	if (ending == ENDED_QUIT) {
		(void)write_session(q, 0, NULL);
		if (q->tty >= 0)
			say(q, "Stopped. Nothing was saved.");
		return EXIT_SUCCESS;
	}
	journal_ok = write_session(q, q->count, journal);
	if (q->tty >= 0 && ending == ENDED_AFTER_FIRST_ANSWERS)
		say(q, "Stopped. The session keeps your first answers.");
	if (q->tty >= 0 && out_is_terminal())
		say(q, "To see your results, pipe the session into "
		        "score: quiz | score");
	return journal_ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

int main(int argc, char **argv)
{
	struct options o = {"self", NULL, 0, 0, 0, 0, 0, 0, 0};
	struct quiz q;
	int status = EXIT_SUCCESS;

	cli_start(argc, argv, optstring, synopsis, details);
	/* A journal past the file size limit is a write error, not a kill. */
	(void)signal(SIGXFSZ, SIG_IGN);
	parse_options(argc, argv, &o);
	memset(&q, 0, sizeof q);
	guide_load(&q.guide);
	bank_load(&q.bank, o.bank, &q.guide);
	if (o.explain && q.bank.kind != BANK_CHOICE)
		cli_usage_error("-e is for knowledge banks such as know");
	q.explain = o.explain;
	q.dated = o.dated;
	q.date = o.date;
	choose_order(&q, &o);
	if (o.print) {
		print_questionnaire(&q);
		out_finish();
	} else {
		if (o.journal)
			check_journal(o.journal);
		open_terminal(&q);
		line_reader_open(&q.in, STDIN_FILENO, "stdin");
		status = finish(&q, ask_all(&q), o.journal);
		line_reader_close(&q.in);
		out_finish();
	}
	free(q.replies);
	free(q.order);
	bank_free(&q.bank);
	guide_free(&q.guide);
	return status;
}
