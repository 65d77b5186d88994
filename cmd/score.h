/* score.h: what score's reading and scoring (score.c) hand its views:
 * the records of hearth-files(5) (score-records.c), the report for a person
 * (score-report.c) and JSON Lines (score-json.c). */
#ifndef SCORE_H
#define SCORE_H

#include "hearth.h"

/* One answer of a session, as read. */
struct given {
	size_t item;
	long value; /* rating: as given, or ANSWER_SKIPPED; choice: the
	               index of the choice */
};

/* A session read whole, and what it scores. */
struct result {
	const struct bank *bank;
	const char *time; /* as in the header: UTC */
	size_t count;     /* answers */
	const struct given *answers; /* in the order read */
	/* rating, a value per scale */
	const long *mean;     /* in tenths, or -1 when too few answered */
	const long *answered; /* answers counted */
	const long *skipped;  /* statements skipped */
	int alerted;          /* the safety line is due */
	/* choice */
	long correct;
	/* the sections to read or review, rising, each once */
	const long *sections;
	size_t nsections;
};

/* A session as a trend keeps it. */
struct point {
	const struct bank *bank;
	char time[SESSION_TIME_LEN + 1];
	size_t first_mean; /* rating: index of its means in trend.means */
	long correct, asked; /* choice */
	int alerted;
	size_t order; /* in the input, so that one time sorts stably */
};

/* Every session read, in the order of time. */
struct trend {
	struct point *points;
	size_t npoints, points_cap;
	short *means; /* each rating session's means, in tenths, or -1 */
	size_t nmeans, means_cap;
};

struct view_options {
	int explain;        /* -e: the answers behind each result */
	size_t width;       /* of the report's text; 0 never wraps */
	int utf8;           /* block characters for gauges and sparklines */
	const struct guide *guide;
	char **files;       /* the files named, for the report's advice */
	int nfiles;
};

/* score.c */
size_t band_of(const struct bank *b, long mean);
long section_of_mean(const struct bank *b, size_t scale, long mean);
/* Appends a mean in tenths, as 3.4. */
void add_mean(struct buf *b, long tenths);

/* score-records.c: the records of hearth-files(5) */
void records_result(struct buf *out, const struct result *r, int explain);
void records_trend(struct buf *out, const struct trend *t);

/* score-report.c: for a person at a terminal */
void report_result(struct buf *out, const struct result *r,
                   const struct view_options *o);
void report_trend(struct buf *out, const struct trend *t,
                  const struct view_options *o);
/* What the report ends with, once, after the last session: the framing
 * of the results of rating bank b (NULL when there were none). */
void report_close(struct buf *out, const struct view_options *o,
                  const struct bank *b);

/* score-json.c: JSON Lines */
void json_result(struct buf *out, const struct result *r, int explain);
void json_trend(struct buf *out, const struct trend *t);

#endif
