/* The exec storm workload: LOOPS worker processes (default 2) each fork+exec /bin/true until EXECS execs
 * (default 20,000) have run in total, each child waited for before the next. Prints one line on stdout:
 *   <wall time of the whole storm in ns> <execs that exited 0> <worker pids separated by commas>
 * Exits 1 if any exec failed. Usage: exec_storm [EXECS [LOOPS]] */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

/* Runs /bin/true n times; returns how many exited 0. */
static long worker(long n) {
    long ok = 0;
    for (long i = 0; i < n; i++) {
        pid_t child = fork();
        if (child < 0) { perror("fork"); return ok; }
        if (child == 0) {
            execl("/bin/true", "true", (char *) NULL);
            _exit(127);
        }
        int status;
        if (waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0) ok++;
    }
    return ok;
}

int main(int argc, char **argv) {
    long execs = argc > 1 ? atol(argv[1]) : 20000;
    int loops = argc > 2 ? atoi(argv[2]) : 2;
    if (execs <= 0 || loops <= 0 || loops > 64) { fprintf(stderr, "usage: exec_storm [EXECS [LOOPS]]\n"); return 2; }
    pid_t workers[64];
    int pipes[64][2];
    long start = now_ns();
    for (int w = 0; w < loops; w++) {
        long share = execs / loops + (w < execs % loops ? 1 : 0);
        if (pipe(pipes[w]) != 0) { perror("pipe"); return 1; }
        workers[w] = fork();
        if (workers[w] < 0) { perror("fork"); return 1; }
        if (workers[w] == 0) {
            long ok = worker(share);
            if (write(pipes[w][1], &ok, sizeof ok) != sizeof ok) _exit(1);
            _exit(0);
        }
        close(pipes[w][1]);
    }
    long ok = 0;
    for (int w = 0; w < loops; w++) {
        long n = 0;
        if (read(pipes[w][0], &n, sizeof n) == sizeof n) ok += n;
        waitpid(workers[w], NULL, 0);
    }
    long wall = now_ns() - start;
    printf("%ld %ld ", wall, ok);
    for (int w = 0; w < loops; w++) printf(w ? ",%d" : "%d", (int) workers[w]);
    printf("\n");
    return ok == execs ? 0 : 1;
}
