/* file.c: opening files that must be regular, and writing them whole */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

int open_regular(const char *path, int flags, mode_t mode)
{
	struct stat st;
	int fd, status, saved_errno;

	/* O_NONBLOCK, so that opening a FIFO or a device cannot hang. */
	do
		fd = open(path, flags | O_NONBLOCK | O_NOCTTY, mode);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return errno == ENXIO || errno == EISDIR ? OPEN_NOT_REGULAR : -1;
	if (fstat(fd, &st) < 0 || (status = fcntl(fd, F_GETFL)) < 0) {
		saved_errno = errno;
		close(fd);
		errno = saved_errno;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return OPEN_NOT_REGULAR;
	}
	/* Reads and writes wait again, as on any file. */
	(void)fcntl(fd, F_SETFL, status & ~O_NONBLOCK);
	return fd;
}

int write_all(int fd, const void *data, size_t len)
{
	const char *s = data;
	ssize_t n;

	while (len > 0) {
		n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}
