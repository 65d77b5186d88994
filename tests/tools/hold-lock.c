/* hold-lock FILE: takes the write lock quiz(1) takes on a journal (an
 * fcntl lock over the whole file), says "locked" on stdout, and holds it
 * until stdin ends. For the tests of what waits on that lock. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct flock lock;
	char c;
	int fd;

	if (argc != 2) {
		fputs("usage: hold-lock FILE\n", stderr);
		return 2;
	}
	fd = open(argv[1], O_RDWR | O_CREAT, 0600);
	memset(&lock, 0, sizeof lock);
	lock.l_type = F_WRLCK;
	lock.l_whence = SEEK_SET;
	if (fd < 0 || fcntl(fd, F_SETLKW, &lock) < 0) {
		perror(argv[1]);
		return 1;
	}
	if (puts("locked") == EOF || fflush(stdout) == EOF)
		return 1;
	while (read(STDIN_FILENO, &c, 1) > 0)
		;
	return 0;
}
