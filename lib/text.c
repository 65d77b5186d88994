/* text.c: UTF-8, display columns and wrapping */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hearth.h"

enum { DEFAULT_TERMINAL_WIDTH = 80 };

size_t utf8_decode(const char *text, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t need, i;
	uint32_t c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return need;
}

static uint64_t load64(const unsigned char *p)
{
	uint64_t word;

	memcpy(&word, p, sizeof word);
	return word;
}

size_t utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t at = 0, n;
	uint32_t cp;

	while (at < len) {
		/* Most text is ASCII: eight bytes at a time while it lasts. */
		while (len - at >= 8 && !(load64(p + at) & 0x8080808080808080u))
			at += 8;
		if (at == len)
			break;
		if (p[at] < 0x80) {
			at++;
			continue;
		}
		n = utf8_decode(s + at, len - at, &cp);
		if (!n)
			break;
		at += n;
	}
	return at;
}

struct range {
	uint32_t first, last;
};

static const struct range zero_width[] = {
	{0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd},
	{0x0610, 0x061a}, {0x064b, 0x065f}, {0x1ab0, 0x1aff},
	{0x1dc0, 0x1dff}, {0x200b, 0x200f}, {0x2028, 0x202e},
	{0x2060, 0x2064}, {0x20d0, 0x20ff}, {0xfe00, 0xfe0f},
	{0xfe20, 0xfe2f}, {0xfeff, 0xfeff},
};

static const struct range double_width[] = {
	{0x1100, 0x115f}, {0x2e80, 0x303e}, {0x3041, 0x33ff},
	{0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa4cf},
	{0xac00, 0xd7a3}, {0xf900, 0xfaff}, {0xfe30, 0xfe4f},
	{0xff00, 0xff60}, {0xffe0, 0xffe6}, {0x1f300, 0x1f64f},
	{0x1f900, 0x1f9ff}, {0x20000, 0x3fffd},
};

static int in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp >= r[i].first && cp <= r[i].last)
			return 1;
	return 0;
}

static size_t codepoint_columns(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_ranges(cp, double_width,
	              sizeof double_width / sizeof *double_width))
		return 2;
	return 1;
}

static size_t text_columns(const char *s, size_t len)
{
	size_t at = 0, cols = 0, n;
	uint32_t cp;

	while (at < len) {
		n = utf8_decode(s + at, len - at, &cp);
		if (!n) {
			cols++, at++;
			continue;
		}
		cols += codepoint_columns(cp);
		at += n;
	}
	return cols;
}

char *trim_blanks(char *s, size_t *len)
{
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
		s[--*len] = '\0';
	while (*len > 0 && (*s == ' ' || *s == '\t'))
		s++, --*len;
	return s;
}

size_t terminal_width(int fd)
{
	const char *columns = getenv("COLUMNS");
	long n;
#ifdef TIOCGWINSZ
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
#endif
	if (columns && parse_number(columns, strlen(columns), 1, WIDTH_MAX, &n))
		return (size_t)n;
	return DEFAULT_TERMINAL_WIDTH;
}

size_t output_width(long forced_width)
{
	if (forced_width >= 0)
		return (size_t)forced_width;
	return out_is_terminal() ? terminal_width(STDOUT_FILENO) : 0;
}

static void emit_stdout_line(const char *indent, size_t indent_len,
                             const char *text, size_t len, void *ctx)
{
	(void)ctx;
	out_write(indent, indent_len);
	out_text(text, len);
	out_char('\n');
}

void wrap_paragraph(const char *text, size_t width)
{
	wrap_text(text, width, emit_stdout_line, NULL);
}

/* Greedy wrapping on spaces; a word wider than the line stands alone. */
void wrap_hanging(const char *text, size_t width, size_t hang, line_sink emit,
                  void *ctx)
{
	static const char spaces[HANG_MAX + 1] =
		"                                                        ";
	const char *end = text + strlen(text);
	const char *line = text, *line_end = text, *word = text;
	size_t used = 0, gap, word_len, word_cols;
	int first_line = 1;

	if (width == 0) {
		emit("", 0, text, (size_t)(end - text), ctx);
		return;
	}
	if (hang > HANG_MAX)
		hang = HANG_MAX;
	while (word < end) {
		const char *space = memchr(word, ' ', (size_t)(end - word));

		word_len = space ? (size_t)(space - word) : (size_t)(end - word);
		word_cols = text_columns(word, word_len);
		gap = (size_t)(word - line_end);
		if (line_end > line && used + gap + word_cols > width) {
			emit(spaces, first_line ? 0 : hang, line,
			     (size_t)(line_end - line), ctx);
			first_line = 0;
			line = word;
			used = hang;
			gap = 0;
		}
		used += gap + word_cols;
		line_end = word + word_len;
		for (word = line_end; word < end && *word == ' '; word++)
			;
	}
	emit(spaces, first_line ? 0 : hang, line, (size_t)(line_end - line),
	     ctx);
}

void wrap_text(const char *text, size_t width, line_sink emit, void *ctx)
{
	wrap_hanging(text, width, strncmp(text, "- ", 2) == 0 ? 2 : 0, emit,
	             ctx);
}

int locale_is_utf8(void)
{
	static int utf8 = -1;
	const char *codeset, *was;
	char *saved;

	if (utf8 >= 0)
		return utf8;
	/* Only asked, not kept: the tools' own text handling stays in the C
	 * locale. */
	was = setlocale(LC_CTYPE, NULL);
	saved = xstrdup(was ? was : "C");
	utf8 = 0;
	if (setlocale(LC_CTYPE, "")) {
		codeset = nl_langinfo(CODESET);
		utf8 = codeset && (strcmp(codeset, "UTF-8") == 0 ||
		                   strcmp(codeset, "utf8") == 0);
	}
	(void)setlocale(LC_CTYPE, saved);
	free(saved);
	return utf8;
}
