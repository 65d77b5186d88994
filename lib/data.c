/* data.c: the data path, its tab-separated record files, and the
 * names they give things */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "hearth.h"

/* Data files are small; anything larger is surely not one of them. */
enum { DATA_FILE_MAX_BYTES = 16 * 1024 * 1024 };

/* HEARTH_DATA, or the user's directory and DATADIR. */
enum { DATA_PATH_MAX_DIRS = 2 };

struct data_dirs {
	char *dir[DATA_PATH_MAX_DIRS];
	size_t count;
};

static void data_dirs_get(struct data_dirs *d)
{
	const char *override = getenv("HEARTH_DATA");
	char *user;

	d->count = 0;
	if (override && *override) {
		d->dir[d->count++] = xstrdup(override);
		return;
	}
	user = xdg_user_dir("XDG_DATA_HOME", ".local/share");
	if (user)
		d->dir[d->count++] = user;
	d->dir[d->count++] = xstrdup(HEARTH_DATADIR);
}

static void data_dirs_free(struct data_dirs *d)
{
	while (d->count > 0)
		free(d->dir[--d->count]);
}

/* Anything there but "no such file" counts: a directory, a FIFO or a
 * file that cannot be read is found, and its loader says what is wrong
 * with it, rather than a file further down the path being used. */
static int entry_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR);
}

char *data_find(const char *name)
{
	struct data_dirs d;
	char *path = NULL;
	size_t i;

	data_dirs_get(&d);
	for (i = 0; i < d.count && !path; i++) {
		path = xasprintf("%s/%s", d.dir[i], name);
		if (!entry_exists(path)) {
			free(path);
			path = NULL;
		}
	}
	data_dirs_free(&d);
	return path;
}

char *data_path(const char *name)
{
	struct data_dirs d;
	char *path = data_find(name);

	if (path)
		return path;
	data_dirs_get(&d);
	if (d.count == 1) {
		/* As it was before the path had two directories: opening it
		 * names the path and says why it failed. */
		path = xasprintf("%s/%s", d.dir[0], name);
		data_dirs_free(&d);
		return path;
	}
	data_dirs_free(&d);
	die_at(name, 0, "not found in %s", data_path_text());
}

char *data_path_text(void)
{
	struct data_dirs d;
	char *text;

	data_dirs_get(&d);
	text = d.count == 1 ? xstrdup(d.dir[0])
	                    : xasprintf("%s or %s", d.dir[0], d.dir[1]);
	data_dirs_free(&d);
	return text;
}

/* Sized by the file's size, so that a big bank is read with no copying;
 * a file that grows meanwhile is still read whole. */
static char *read_all(int fd, const char *path, size_t *len)
{
	struct stat st;
	size_t cap = 8192, used = 0;
	char *text;
	ssize_t n;

	if (fstat(fd, &st) == 0 && st.st_size > 0 &&
	    st.st_size <= DATA_FILE_MAX_BYTES)
		cap = (size_t)st.st_size + 2;
	text = xmalloc(cap);
	for (;;) {
		if (used > DATA_FILE_MAX_BYTES)
			die_at(path, 0, "file is larger than 16 MiB");
		if (used + 1 == cap) {
			text = xrealloc(text, cap, 2);
			cap *= 2;
		}
		n = read(fd, text + used, cap - 1 - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die_at(path, 0, "cannot read:");
		if (n == 0)
			break;
		used += (size_t)n;
	}
	text[used] = '\0';
	*len = used;
	return text;
}

static long line_of(const char *text, size_t offset)
{
	long lineno = 1;
	size_t i;

	for (i = 0; i < offset; i++)
		lineno += text[i] == '\n';
	return lineno;
}

/* Reports the first line that is too long or holds a NUL byte or invalid
 * UTF-8. The bytes are checked whole, as the problems are rare. */
static void check_text(const char *path, const char *text, size_t len)
{
	const char *line = text, *end = text + len, *nl, *nul;
	size_t valid = utf8_valid_prefix(text, len);
	long lineno = 1, bad_line;

	nul = memchr(text, '\0', valid);
	if (nul)
		valid = (size_t)(nul - text);
	bad_line = valid < len ? line_of(text, valid) : 0;
	for (; line < end; line = nl + 1, lineno++) {
		if (bad_line && lineno > bad_line)
			break;
		nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		if (nl - line > LINE_MAX_BYTES)
			die_at(path, lineno, "%s", line_too_long);
	}
	if (bad_line)
		die_at(path, bad_line, "%s", nul ? "NUL byte in line" :
		                                   "invalid UTF-8");
}

char *data_file_read(const char *path, size_t *len)
{
	char *text;
	int fd;

	fd = open_regular(path, O_RDONLY, 0);
	if (fd == OPEN_NOT_REGULAR)
		die_at(path, 0, "not a regular file");
	if (fd < 0)
		die_at(path, 0, "cannot open:");
	text = read_all(fd, path, len);
	close(fd);
	check_text(path, text, *len);
	return text;
}

void record_file_load(struct record_file *f, char *path)
{
	size_t len;

	f->path = path;
	f->text = data_file_read(f->path, &len);
	f->next = f->text;
	f->end = f->text + len;
	f->lineno = 0;
}

void record_file_parse(struct record_file *f, size_t len)
{
	check_text(f->path, f->text, len);
	f->next = f->text;
	f->end = f->text + len;
	f->lineno = 0;
}

/* Splits the next line in place, so that its fields stay in f->text. */
const struct record *record_next(struct record_file *f)
{
	struct record *rec = &f->rec;
	char *line, *nl, *tab, *field;
	size_t len;

	for (;;) {
		if (f->next >= f->end)
			return NULL;
		line = f->next;
		f->lineno++;
		nl = memchr(line, '\n', (size_t)(f->end - line));
		if (!nl)
			nl = f->end;
		f->next = nl + 1;
		*nl = '\0';
		len = (size_t)(nl - line);
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (!line_is_skipped(line, len))
			break;
	}
	rec->line = f->lineno;
	rec->nfield = 0;
	for (field = line;; field = tab + 1) {
		rec->field = xgrow(rec->field, &f->fields_cap, rec->nfield + 1,
		                   sizeof *rec->field);
		rec->field[rec->nfield++] = field;
		tab = memchr(field, '\t', (size_t)(line + len - field));
		if (!tab)
			return rec;
		*tab = '\0';
	}
}

void record_file_free(struct record_file *f)
{
	free(f->rec.field);
	free(f->text);
	free(f->path);
	memset(f, 0, sizeof *f);
}

void record_die(const struct record_file *f, const struct record *rec,
                const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(f->path, rec->line, fmt, ap);
	va_end(ap);
	exit_now(EXIT_FAILURE);
}

static int has_outer_space(const char *s)
{
	size_t len = strlen(s);

	return s[0] == ' ' || (len > 0 && s[len - 1] == ' ');
}

void record_expect(const struct record_file *f, const struct record *rec,
                   size_t nfield)
{
	size_t i;

	if (rec->nfield != nfield)
		record_die(f, rec, "'%s' record has %zu tab-separated fields, "
		           "expected %zu", rec->field[0], rec->nfield, nfield);
	for (i = 0; i < nfield; i++) {
		if (*rec->field[i] == '\0')
			record_die(f, rec, "field %zu is empty", i + 1);
		if (has_outer_space(rec->field[i]))
			record_die(f, rec, "field %zu starts or ends with a space",
			           i + 1);
	}
}

int is_name(const char *s)
{
	const char *p;

	if (!islower((unsigned char)*s))
		return 0;
	for (p = s; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) &&
		    *p != '-')
			return 0;
	return p[-1] != '-';
}
