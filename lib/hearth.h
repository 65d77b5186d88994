/* hearth.h: the one header of hearth's shared library.
 * Each section below is named after the file that implements it. */
#ifndef HEARTH_H
#define HEARTH_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* cli.c: program name, messages, exit statuses, options every tool shares */
enum { EXIT_USAGE = 2 };

/* Tells compilers and analysers that a function never returns. */
#if defined(__GNUC__) || defined(__clang__)
#define NORETURN __attribute__((noreturn))
#else
#define NORETURN
#endif

extern const char *prog_name;
/* Called, when set, instead of exit() on every error; for test harnesses,
 * which must not return from it into the failed code. */
extern void (*cli_exit_hook)(int status);

/* Sets prog_name, makes sure descriptors 0 to 2 are open, and answers
 * --help and --version, which getopt cannot; optstring is getopt's, so an
 * option's value is never taken for one. The synopsis goes with every
 * usage error; -h prints the details after it. */
void cli_start(int argc, char **argv, const char *optstring,
               const char *synopsis, const char *details);
/* Handles -h, -V and getopt's '?' and ':' (option strings start with ':');
 * call it from the default case. */
NORETURN void cli_common_option(int opt);
NORETURN void cli_usage_error(const char *fmt, ...);
NORETURN void die(const char *fmt, ...);
void warn(const char *fmt, ...);
NORETURN void die_at(const char *path, long line, const char *fmt, ...);
NORETURN void vdie_at(const char *path, long line, const char *fmt, va_list ap);
void warn_at(const char *path, long line, const char *fmt, ...);
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
/* A newly allocated, formatted string. */
char *xasprintf(const char *fmt, ...);
char *xvasprintf(const char *fmt, va_list ap);
/* Parses a decimal number in [min, max]; returns 0 when s is not one. */
int parse_number(const char *s, long min, long max, long *value);

/* out.c: checked output to stdout */
/* Chooses stdout's buffering; cli_start calls it before any output. */
void out_start(void);
void out_write(const char *s, size_t len);
void out_str(const char *s);
void out_char(char c);
void out_printf(const char *fmt, ...);
/* Text from data files or users: control characters are made harmless
 * when stdout is a terminal. */
void out_text(const char *s, size_t len);
/* Flushes stdout; a failed write exits 1. */
void out_flush(void);
/* Flushes and closes stdout; a failed write exits 1. Call before exit 0. */
void out_finish(void);
int out_is_terminal(void);
/* Copies s to fd as out_text would for a terminal; errors are ignored
 * because the terminal is a courtesy channel. */
void term_write_text(int fd, const char *s, size_t len);

/* text.c: UTF-8, display columns and wrapping */
/* Returns the length of the longest valid UTF-8 prefix of s[0..len). */
size_t utf8_valid_prefix(const char *s, size_t len);
size_t text_columns(const char *s, size_t len);
/* Width to wrap stdout to: -w if given (> 0), else the terminal's, else 0
 * meaning "one line per paragraph". */
size_t output_width(long forced_width);
/* Drops the spaces and tabs around the line s of *len bytes, in place. */
char *trim_blanks(char *s, size_t *len);
size_t terminal_width(int fd);
/* Prints one paragraph, wrapped to width columns when width > 0. A
 * paragraph starting with "- " is indented under its text. */
void wrap_paragraph(const char *text, size_t width);
/* The same, handing each line with its indent to emit. */
typedef void (*line_sink)(const char *indent, size_t indent_len,
                          const char *text, size_t len, void *ctx);
void wrap_text(const char *text, size_t width, line_sink emit, void *ctx);

/* lines.c: reading lines from a descriptor in constant memory */
enum { LINE_MAX_BYTES = 65536 };
struct line_reader {
	int fd;
	const char *name;
	long lineno;
	char *buf;
	size_t start, end, cap;
	int eof;
};
enum line_status { LINE_OK = 1, LINE_EOF = 0, LINE_TOO_LONG = -1 };
void line_reader_open(struct line_reader *r, int fd, const char *name);
void line_reader_close(struct line_reader *r);
enum line_status line_next_slow(struct line_reader *r, char **line,
                                size_t *len);
/* Yields the next line without its newline (and without a CR before it).
 * A line longer than LINE_MAX_BYTES is skipped and reported as
 * LINE_TOO_LONG. Read errors exit 1. Inline for the usual case, a short
 * line already in the buffer: score reads millions of them. */
static inline enum line_status line_next(struct line_reader *r, char **line,
                                         size_t *len)
{
	char *start = r->buf + r->start;
	size_t avail = r->end - r->start, i, quick = avail < 16 ? avail : 16;

	for (i = 0; i < quick; i++) {
		if (start[i] != '\n')
			continue;
		r->lineno++;
		r->start += i + 1;
		start[i] = '\0';
		if (i > 0 && start[i - 1] == '\r')
			start[--i] = '\0';
		*line = start;
		*len = i;
		return LINE_OK;
	}
	return line_next_slow(r, line, len);
}
/* Describes why a line is not text (a NUL byte, invalid UTF-8), or NULL. */
const char *line_problem(const char *line, size_t len);

/* data.c: the data directory and its tab-separated record files */
const char *data_dir(void);
char *data_path(const char *name);
struct record {
	long line;
	size_t nfield;
	char **field;
};
struct record_file {
	char *path;
	char *text;
	struct record *records;
	size_t nrecords;
};
/* Reads a whole data file: a record a line, fields separated by tabs,
 * blank lines and lines starting with '#' skipped. Exits 1 with
 * "prog: path:line: ..." on a missing, unreadable or malformed file.
 * f takes over path, a string from data_path(). */
void record_file_load(struct record_file *f, char *path);
/* The same for f->text, len bytes with a NUL after them, read already. */
void record_file_parse(struct record_file *f, size_t len);
void record_file_free(struct record_file *f);
/* Reads a whole file into memory, refusing NUL bytes and invalid UTF-8. */
char *data_file_read(const char *path, size_t *len);
/* Checks that a record has exactly nfield fields, none empty. */
void record_expect(const struct record_file *f, const struct record *rec,
                   size_t nfield);
NORETURN void record_die(const struct record_file *f,
                         const struct record *rec, const char *fmt, ...);

/* guide.c: the guide's sections, parts and key points */
enum { SECTION_NUMBER_MAX = 999 };
struct guide_line {
	const char *part;
	const char *text;
};
struct guide_section {
	long number;
	const char *slug;
	const char *heading;
	const char *title;
	struct guide_line *lines;
	size_t nlines;
	const char **points;
	size_t npoints;
};
struct guide {
	struct record_file file;
	struct record_file points_file;
	struct guide_section *sections;
	size_t nsections;
};
/* Slugs, part, scale and bank names, item ids: lower-case letters, digits
 * and inner hyphens, starting with a letter. */
int is_name(const char *s);
void guide_load(struct guide *g);
/* Builds the guide from g->file, loaded already. */
void guide_parse(struct guide *g);
void guide_free(struct guide *g);
void guide_load_points(struct guide *g);
enum ref_status { REF_FOUND, REF_UNKNOWN, REF_AMBIGUOUS };
/* Finds a section by number, slug, or an unambiguous prefix of a slug. */
enum ref_status guide_find(const struct guide *g, const char *ref,
                           const struct guide_section **found);
/* Looks a reference up and exits 1 with the tool's message when it fails. */
const struct guide_section *guide_find_or_die(const struct guide *g,
                                              const char *ref,
                                              const char *path, long line);

/* refs.c: references from operands, and from stdin for an operand "-" */
struct ref_list {
	const struct guide_section **items;
	size_t count, cap;
	struct line_reader in; /* stdin, while "-" is read */
};
/* Resolves every operand before anything is printed, so a bad reference
 * leaves the output empty. */
void refs_collect(struct ref_list *list, const struct guide *g,
                  char **operands, int count);
void refs_free(struct ref_list *list);

/* bank.c: question banks, of rating statements or knowledge questions */
enum bank_kind { BANK_RATING, BANK_CHOICE };
struct scale {
	const char *name;
	const char *description;
	long line;
	size_t nitems;
	size_t need; /* answers needed before the scale is scored */
};
struct band {
	const char *name;
	long from; /* lowest mean in the band, in tenths */
};
struct item {
	const char *id;
	size_t id_len;
	const char *text;
	long line;
	size_t scale;           /* rating: index into scales */
	int reversed, alert;    /* rating */
	long section;           /* choice: where the guide says it */
	size_t answer;          /* choice: index of the right choice */
	const char **choices;   /* choice */
	size_t nchoices;
	const char *note;       /* choice, or NULL */
};
struct bank {
	struct record_file file;
	char *name;
	enum bank_kind kind;
	struct item *items;
	size_t nitems;
	const char **labels; /* rating: labels[v - answer_min] */
	long answer_min, answer_max;
	struct band *bands;
	size_t nbands;
	struct scale *scales;
	size_t nscales;
	long *read; /* read[scale * nbands + band]: a section, or 0 */
	long need_percent;
	long safety_threshold; /* 0 when the bank has no safety record */
	const char *safety_message;
	size_t *slots; /* hash of item ids: index + 1, or 0 when free */
	size_t nslots;
};
/* The path of bank name: DATADIR/name.bank. */
char *bank_path(const char *name);
int bank_exists(const char *name);
/* Loads DATADIR/name.bank; sections must exist in the guide. Exits 1 with
 * "prog: path:line: ..." on a malformed bank. */
void bank_load(struct bank *b, const char *name, const struct guide *g);
/* Builds the bank from b->file, loaded already. */
void bank_parse(struct bank *b, const struct guide *g);
void bank_free(struct bank *b);
/* Returns 1 and sets *index when the bank has an item with this id. */
int bank_find_item(const struct bank *b, const char *id, size_t len,
                   size_t *index);
/* Reads an answer to item it as written in a session ("4", "b"); returns
 * 1 and sets *value (a rating, or a choice's index) when it is valid. */
int bank_parse_answer(const struct bank *b, const struct item *it,
                      const char *s, size_t len, long *value);
/* Describes the valid answers to it, e.g. "1 to 5" or "a to c". */
void bank_describe_answers(const struct bank *b, const struct item *it,
                           char *buf, size_t size);

/* session.c: the session format quiz writes and score reads */
#define SESSION_MAGIC "hearth-session"
enum { SESSION_VERSION = 1, SESSION_TIME_LEN = 20, SESSION_BANK_MAX = 64 };
struct session_header {
	char bank[SESSION_BANK_MAX + 1];
	char time[SESSION_TIME_LEN + 1];
	long count;
};
int session_is_header(const char *line, size_t len);
/* Reads a header line; returns NULL, or what is wrong with it. */
const char *session_parse_header(const char *line, size_t len,
                                 struct session_header *h);
/* Formats t as 2026-11-25T14:03:12Z into buf (SESSION_TIME_LEN + 1). */
void session_format_time(time_t t, char *buf);
int session_time_is_valid(const char *s);

/* reminders.c: the fortune(6)-format reminders file */
struct reminders {
	char *path;
	char *text;
	const char **entries;
	size_t count;
};
void reminders_load(struct reminders *r);
void reminders_parse(struct reminders *r, char *text, size_t len);
void reminders_free(struct reminders *r);

/* rand.c: a small seeded generator, so tests can fix "random" */
struct rng {
	uint64_t state;
};
void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_seed_from_clock(void);
uint64_t rng_next(struct rng *r);
size_t rng_below(struct rng *r, size_t n);
void rng_shuffle(struct rng *r, size_t *order, size_t n);

#endif
