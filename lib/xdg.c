/* xdg.c: a user's own directories, as the XDG base directory
 * specification places them */
#include <stdlib.h>

#include "hearth.h"

char *xdg_user_dir(const char *variable, const char *under_home)
{
	const char *xdg = getenv(variable), *home = getenv("HOME");

	/* The specification says a relative path is invalid: ignore it. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/hearth", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/%s/hearth", home, under_home);
	return NULL;
}
