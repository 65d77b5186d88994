/* hearth.h: the one header of hearth's shared library.
 * Each section below is named after the file that implements it. What
 * exists only for the fuzz harnesses under tests/fuzz says so. */
#ifndef HEARTH_H
#define HEARTH_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

/* Tells compilers and analysers that a function never returns; and that
 * one is rare, to be kept out of line from the hot code that calls it. */
#if defined(__GNUC__) || defined(__clang__)
#define NORETURN __attribute__((noreturn))
#define RARE __attribute__((noinline, cold))
#else
#define NORETURN
#define RARE
#endif

/* message.c: the program's name, and messages on stderr */
enum { EXIT_USAGE = 2 };
extern const char *prog_name;
/* "prog: path:line: message": no path when path is NULL, no line when
 * line is 0; a format ending in ':' adds strerror(errno). */
void warn_at(const char *path, long line, const char *fmt, ...);
void vwarn_at(const char *path, long line, const char *fmt, va_list ap);
/* The same, then exit 1. */
NORETURN void die_at(const char *path, long line, const char *fmt, ...);
/* "prog: message", and then exit 1 for die. */
#define warn(...) warn_at(NULL, 0, __VA_ARGS__)
#define die(...) die_at(NULL, 0, __VA_ARGS__)
NORETURN void die_out_of_memory(void);
/* Every exit on an error goes through here. */
NORETURN void exit_now(int status);
/* For the fuzz harnesses: called, when set, instead of exit(); it must
 * not return into the failed code. */
extern void (*exit_hook)(int status);

/* alloc.c: memory, or a message and exit 1 */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t count, size_t size);
/* Makes room for need elements of size bytes in ptr, of *cap now,
 * doubling the capacity, so that adding one at a time stays linear. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...);
char *xvasprintf(const char *fmt, va_list ap);

/* options.c: the start of every tool, usage errors, shared option values */
enum { WIDTH_MAX = 100000 };
#define SEED_MAX 2147483647L
/* Sets prog_name, makes sure descriptors 0 to 2 are open, and answers
 * --help and --version, which getopt cannot; optstring is getopt's and
 * starts with ':'. The synopsis goes with every usage error; -h prints
 * the details after it. */
void cli_start(int argc, char **argv, const char *optstring,
               const char *synopsis, const char *details);
/* Handles -h, -V and getopt's '?' and ':'; call it from the default case. */
NORETURN void cli_common_option(int opt);
/* "prog: message", the synopsis, and exit 2. */
NORETURN void cli_usage_error(const char *fmt, ...);
/* "-a and -b cannot be used together". */
NORETURN void option_conflict(int opt, int other);
/* "-a goes only with -b". */
NORETURN void option_needs(int opt, int other);
/* An option's text value, which must not be empty. */
const char *option_text(int opt, const char *value);
/* "-n 'x' is not a number from 1 to 100000" when it is not. */
long option_number(int opt, const char *value, long min, long max);
long option_width(const char *value);  /* -w: columns, 0 never wraps */
uint64_t option_seed(const char *value); /* -s */
/* A date YYYY-MM-DD, as days since 1970-01-01. */
long option_date(const char *value);
/* A local date and time YYYY-MM-DD[THH:MM], 12:00 without a time. */
time_t option_date_time(const char *value);

/* number.c: decimal numbers in text */
/* Reads the len bytes at s as a decimal number from min to max (min is
 * 0 or more: no sign is read); returns 0 when they are not one. */
int parse_number(const char *s, size_t len, long min, long max, long *value);

/* date.c: calendar dates, written YYYY-MM-DD, and times of day, HH:MM */
enum { DATE_LEN = 10, TIME_OF_DAY_LEN = 5 };
extern const char date_shape[]; /* "not a date of the form YYYY-MM-DD" */
extern const char time_of_day_shape[]; /* "not a time of the form HH:MM" */
/* Reads the len bytes at s as a date; returns NULL and sets *day to days
 * since 1970-01-01, or returns what is wrong: date_shape, "no such month"
 * or "no such day". */
const char *date_parse(const char *s, size_t len, long *day);
/* Reads the len bytes at s as a time of day; returns NULL and sets
 * *minute to minutes since midnight, or returns what is wrong:
 * time_of_day_shape or "no such time of day". */
const char *time_of_day_parse(const char *s, size_t len, long *minute);
/* Sets *when to minute (since midnight) of day (since 1970-01-01) in
 * local time, by mktime(3); returns 0 when there is no such local time,
 * as the clocks skip it or time_t cannot hold it. */
int local_time(long day, long minute, time_t *when);
/* The ISO 8601 week, Monday to Sunday, that holds day (since 1970-01-01),
 * as weeks since the week of 1970-01-01, which began on 1969-12-29. */
long week_of_day(long day);
/* The ISO year and number (1 to 53) of that week, as in 2020-W53. */
void week_in_year(long week, long *year, long *number);
/* Today's local date, as DATE_LEN bytes and a NUL. */
void date_today(char *date);

/* xdg.c: a user's own directories, by the XDG base directory spec */
/* $variable/hearth when the variable holds an absolute path, else
 * $HOME/under_home/hearth when HOME does, else NULL. */
char *xdg_user_dir(const char *variable, const char *under_home);

/* file.c: opening files that must be regular, and writing them whole */
enum { OPEN_NOT_REGULAR = -2 };
/* open(2) for a file that must be a regular file: a FIFO or a device is
 * refused, without waiting on it. Returns the descriptor, -1 with errno
 * set, or OPEN_NOT_REGULAR. */
int open_regular(const char *path, int flags, mode_t mode);
/* Writes all len bytes; returns -1 with errno set when it cannot. */
int write_all(int fd, const void *data, size_t len);

/* buf.c: text built up in memory */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_reserve(struct buf *b, size_t more);
static inline void buf_add(struct buf *b, const char *s, size_t len)
{
	if (len == 0)
		return; /* b may have no data yet */
	if (b->cap - b->len < len)
		buf_reserve(b, len);
	memcpy(b->data + b->len, s, len);
	b->len += len;
}
static inline void buf_add_char(struct buf *b, char c)
{
	if (b->cap == b->len)
		buf_reserve(b, 1);
	b->data[b->len++] = c;
}
void buf_add_str(struct buf *b, const char *s);
static inline void buf_add_long(struct buf *b, long n)
{
	char digits[24];
	size_t i = sizeof digits;
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;

	do
		digits[--i] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		digits[--i] = '-';
	buf_add(b, digits + i, sizeof digits - i);
}
void buf_free(struct buf *b);

/* out.c: checked output to stdout, and text made safe for a terminal */
/* Chooses stdout's buffering; cli_start calls it before any output. */
void out_start(void);
void out_write(const char *s, size_t len);
void out_str(const char *s);
void out_char(char c);
void out_printf(const char *fmt, ...);
/* Text from data files or users: controls are made harmless when stdout
 * is a terminal. */
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
/* Decodes the UTF-8 sequence at s; returns its length, or 0 if it is
 * invalid (overlong, a surrogate, beyond U+10FFFF or cut short). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Returns the length of the longest valid UTF-8 prefix of s[0..len). */
size_t utf8_valid_prefix(const char *s, size_t len);
/* Width to wrap stdout to: -w if given (>= 0), else the terminal's, else
 * 0 meaning "one line per paragraph". */
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
/* The same with the lines after the first indented by hang columns, at
 * most HANG_MAX. */
enum { HANG_MAX = 56 };
void wrap_hanging(const char *text, size_t width, size_t hang, line_sink emit,
                  void *ctx);
/* Whether the user's locale (LC_ALL, LC_CTYPE, LANG) writes UTF-8. */
int locale_is_utf8(void);

/* lines.c: reading lines in constant memory; which lines are text, and
 * which are skipped */
enum { LINE_MAX_BYTES = 65536 };
#define LINE_MAX_TEXT "65536"
extern const char line_too_long[]; /* "line longer than 65536 bytes" */
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
/* Yields the next line without its newline (and without a CR before it).
 * A line longer than LINE_MAX_BYTES gives LINE_TOO_LONG, and nothing
 * after it is read: the line may never end. Read errors exit 1. */
enum line_status line_next_slow(struct line_reader *r, char **line,
                                size_t *len);
/* The same, inline for the usual case of a short line in the buffer
 * already: score reads millions of them. */
static inline enum line_status line_next(struct line_reader *r, char **line,
                                         size_t *len)
{
	char *start = r->buf + r->start, *end = r->buf + r->end, *p;
	char *quick = end - start < 16 ? end : start + 16;

	for (p = start; p < quick; p++) {
		if (*p != '\n')
			continue;
		r->lineno++;
		r->start += (size_t)(p - start) + 1;
		*p = '\0';
		if (p > start && p[-1] == '\r')
			*--p = '\0';
		*line = start;
		*len = (size_t)(p - start);
		return LINE_OK;
	}
	return line_next_slow(r, line, len);
}
/* Describes why a line is not text (a NUL byte, invalid UTF-8), or NULL. */
const char *line_problem(const char *line, size_t len);
/* Blank (empty, or only spaces and tabs) or a comment (first byte '#'):
 * the lines every hearth file may hold and every reader skips. */
static inline int line_is_skipped(const char *line, size_t len)
{
	size_t i;

	if (len > 0 && line[0] == '#')
		return 1;
	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t')
			return 0;
	return 1;
}

/* data.c: the data path, its record files, and the names in them */
/* The data path: $HEARTH_DATA alone when it is set and not empty; else
 * the user's directory (xdg_user_dir for XDG_DATA_HOME), when there is
 * one, and then DATADIR. */
/* Where the data file name is: in the first directory of the path that
 * has it (whatever its type, so that the loader refuses a FIFO there),
 * else NULL. */
char *data_find(const char *name);
/* The same, for a file that must be there: when no directory has it, the
 * path in the one directory that $HEARTH_DATA names, for the loader to
 * report; with two directories, exits 1 with "prog: name: not found in
 * DIR or DIR". */
char *data_path(const char *name);
/* The directories of the path, as "DIR" or "DIR or DIR", for messages. */
char *data_path_text(void);
/* Slugs, part, scale and bank names, item ids: lower-case letters, digits
 * and inner hyphens, starting with a letter. */
int is_name(const char *s);
struct record {
	long line;
	size_t nfield;
	char **field;
};
struct record_file {
	char *path;
	char *text;
	char *next, *end; /* the lines not yet read */
	long lineno;
	struct record rec; /* the record read last */
	size_t fields_cap;
};
/* Reads a whole data file: a record a line, fields separated by tabs,
 * skipped lines left out. Exits 1 with "prog: path:line: ..." on a
 * missing, unreadable or malformed file. f takes over path, a string
 * from data_path(). */
void record_file_load(struct record_file *f, char *path);
/* The next record, or NULL after the last. Its fields are strings in
 * f->text, which live as long as f; the record itself only until the
 * next call. */
const struct record *record_next(struct record_file *f);
void record_file_free(struct record_file *f);
/* Reads a whole regular file, refusing NUL bytes and invalid UTF-8. */
char *data_file_read(const char *path, size_t *len);
/* Checks that a record has exactly nfield fields, none empty. */
void record_expect(const struct record_file *f, const struct record *rec,
                   size_t nfield);
NORETURN void record_die(const struct record_file *f,
                         const struct record *rec, const char *fmt, ...);
/* For the fuzz harnesses: the same as record_file_load for f->text, len
 * bytes with a NUL after them, read already. */
void record_file_parse(struct record_file *f, size_t len);

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
	size_t nlines, lines_cap;
	const char **points;
	size_t npoints, points_cap;
};
struct guide {
	struct record_file file;
	struct record_file points_file;
	struct guide_section *sections;
	size_t nsections, sections_cap;
};
void guide_load(struct guide *g);
void guide_free(struct guide *g);
void guide_load_points(struct guide *g);
enum ref_status { REF_FOUND, REF_UNKNOWN, REF_AMBIGUOUS };
/* Finds a section by number, slug, or an unambiguous prefix of a slug. */
enum ref_status guide_find(const struct guide *g, const char *ref,
                           const struct guide_section **found);
/* The section numbered n, or NULL. */
const struct guide_section *guide_section_of(const struct guide *g, long n);
/* The section that field 2 of rec, a record of data file f other than
 * the guide, names; exits 1 with "prog: path:line: the guide has no
 * section 'N'" when there is none. */
const struct guide_section *guide_section_of_record(const struct guide *g,
                                                    const struct record_file *f,
                                                    const struct record *rec);
/* The first line of part in s after the line after (the first of all when
 * after is NULL), or NULL. */
const struct guide_line *guide_next_line(const struct guide_section *s,
                                         const char *part,
                                         const struct guide_line *after);
/* Looks a reference up and exits 1 with the tool's message when it fails. */
const struct guide_section *guide_find_or_die(const struct guide *g,
                                              const char *ref,
                                              const char *path, long line);
/* For the fuzz harnesses: builds the guide from g->file, loaded already. */
void guide_parse(struct guide *g);

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

/* research.c: notes on what studies found, beside the guide's paragraphs */
struct research_note {
	const struct guide_section *section;
	const char *part;
	const char *sources; /* the studies, as "A et al. 2003; B 2010" */
	const char *text;
};
struct research {
	struct record_file file;
	struct research_note *notes;
	size_t count, cap;
};
/* Loads research from the data path; every note must name a section and a part of
 * g. Exits 1 with "prog: path:line: ..." on a malformed file. */
void research_load(struct research *r, const struct guide *g);
void research_free(struct research *r);
/* For the fuzz harnesses: builds the notes from r->file, loaded already. */
void research_parse(struct research *r, const struct guide *g);
/* The first note on part of section s after note after (the first of all
 * when after is NULL), or NULL. */
const struct research_note *research_next_note(const struct research *r,
                                               const struct guide_section *s,
                                               const char *part,
                                               const struct research_note *after);

/* bank.c: question banks, of rating statements or knowledge questions */
enum bank_kind { BANK_RATING, BANK_CHOICE };
struct scale {
	const char *name;
	size_t name_len;
	const char *description;
	const char *rise; /* what a rising mean says, or NULL */
	long line;
	size_t nitems;
	size_t need; /* answers needed before the scale is scored */
};
struct band {
	const char *name;
	size_t name_len;
	long from; /* lowest mean in the band, in tenths */
};
/* A rating item of no scale: a safety statement, a signal. */
#define NO_SCALE ((size_t)-1)
/* The value of a skipped statement, written "-" in a session. */
enum { ANSWER_SKIPPED = -1 };
struct item {
	const char *id;
	size_t id_len;
	const char *text;
	long line;
	size_t scale;           /* rating: index into scales, or NO_SCALE */
	int reversed;           /* rating */
	int is_signal;          /* rating: a safety statement, of no scale */
	long fires_from, fires_to; /* signal: the answers that call for
	                              the safety message */
	long section;           /* choice: where the guide says it */
	size_t answer;          /* choice: index of the right choice */
	const char **choices;   /* choice */
	size_t nchoices;
	const char *note;       /* choice, or NULL */
	const char *quote;      /* choice: the part of its section quoted
	                           after an answer, or NULL */
};
struct bank_index;
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
	const char *safety_message; /* rating, or NULL */
	size_t nsignals;
	const char *intro; /* what quiz says first, or NULL */
	struct bank_index *index; /* items and scales by name */
};
/* Whether a directory of the data path has name.bank. */
int bank_exists(const char *name);
/* Loads name.bank from the data path; sections must exist in the guide. Exits 1 with
 * "prog: path:line: ..." on a malformed bank. */
void bank_load(struct bank *b, const char *name, const struct guide *g);
void bank_free(struct bank *b);
/* Returns 1 and sets *index when the bank has an item with this id. */
int bank_find_item(const struct bank *b, const char *id, size_t len,
                   size_t *index);
/* Reads an answer to item it as written in a session ("4", "b", "-");
 * returns 1 and sets *value (a rating, ANSWER_SKIPPED, or a choice's
 * index) when it is valid. */
int bank_parse_answer(const struct bank *b, const struct item *it,
                      const char *s, size_t len, long *value);
/* Adds an answer as a session writes it: the inverse of the above. */
void bank_add_answer(struct buf *out, const struct bank *b, long value);
/* Describes the valid answers to it, e.g. "1 to 5" or "a to c". */
void bank_describe_answers(const struct bank *b, const struct item *it,
                           char *buf, size_t size);
/* For the fuzz harnesses: builds the bank from b->file, loaded already. */
void bank_parse(struct bank *b, const struct guide *g);
/* Whether the answer value to signal it calls for the safety message. */
int signal_fires(const struct item *it, long value);
/* The answer a rating item counts on its scale: reversed if its key is -. */
long bank_counted(const struct bank *b, const struct item *it, long value);

/* session.c: the session format quiz writes and score reads */
#define SESSION_MAGIC "hearth-session"
enum { SESSION_VERSION = 1, SESSION_TIME_LEN = 20, SESSION_BANK_MAX = 64 };
struct session_header {
	char bank[SESSION_BANK_MAX + 1];
	char time[SESSION_TIME_LEN + 1];
	long count;
	char problem[48]; /* what is wrong with a date or a time */
};
enum session_line_kind { SESSION_SKIPPED, SESSION_HEADER, SESSION_ANSWER };
struct session_line {
	enum session_line_kind kind;
	struct session_header header; /* a header's fields */
	const char *id, *answer;      /* an answer: ID TAB ANSWER */
	size_t id_len, answer_len;
};
/* Reads one line of a journal, without its newline, as hearth-files(5) says:
 * a header, a line to skip, or an answer. Returns NULL, or what is
 * wrong with the line; sl->kind says what it was meant to be. */
const char *session_read_line(const char *line, size_t len,
                              struct session_line *sl);
/* A session's TIME, read by session_read_line already, as a time_t. */
time_t session_time_value(const char *time);
/* Adds a header line for count answers to bank, finished at t. */
void session_add_header(struct buf *b, const char *bank, time_t t,
                        size_t count);
/* Adds the answer line of item it. */
void session_add_answer(struct buf *b, const struct bank *bank,
                        const struct item *it, long value);

/* reminders.c: the fortune(6)-format reminders file */
struct reminders {
	char *path;
	char *text;
	const char **entries;
	size_t count;
};
void reminders_load(struct reminders *r);
void reminders_free(struct reminders *r);
/* For the fuzz harnesses: splits text, len bytes, into r's entries. */
void reminders_parse(struct reminders *r, char *text, size_t len);

/* rand.c: a small seeded generator, so tests can fix "random" */
struct rng {
	uint64_t state;
};
void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_seed_from_clock(void);
size_t rng_below(struct rng *r, size_t n);
void rng_shuffle(struct rng *r, size_t *order, size_t n);

#endif
