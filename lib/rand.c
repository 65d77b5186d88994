/* rand.c: a small seeded generator, so tests can fix "random" */
#include <time.h>
#include <unistd.h>

#include "hearth.h"

void rng_seed(struct rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t rng_seed_from_clock(void)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	return (uint64_t)now.tv_sec * 1000000007u ^ (uint64_t)now.tv_nsec ^
	       (uint64_t)getpid() << 32;
}

/* splitmix64: good enough to shuffle a quiz, and the same everywhere. */
static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Rejects the top sliver of the range so every value is equally likely. */
size_t rng_below(struct rng *r, size_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n, x;

	do
		x = rng_next(r);
	while (x >= limit);
	return (size_t)(x % n);
}

void rng_shuffle(struct rng *r, size_t *order, size_t n)
{
	size_t i, j, tmp;

	for (i = n; i > 1; i--) {
		j = rng_below(r, i);
		tmp = order[i - 1];
		order[i - 1] = order[j];
		order[j] = tmp;
	}
}
