/* The name-lookup workload: getaddrinfo("localhost", NULL, {AF_UNSPEC, SOCK_STREAM}) + freeaddrinfo, in chunks
 * of CALLS calls (default 20,000) on request, in one thread of one long-lived process, so that tracers can be
 * attached and detached between chunks and every chunk runs in the same process (these VMs switch between
 * speeds for seconds at a time; separate processes minutes apart are not comparable).
 *
 * Protocol: 1,000 untimed warm-up calls, then "ready <pid>" on stdout. Each line read from stdin runs one chunk
 * and answers "<mean ns per call> <calls>". End of input exits 0; a failed lookup exits 1.
 * Usage: gai_loop [CALLS] */
#define _GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WARMUP 1000

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int lookup(void) {
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo("localhost", NULL, &hints, &res);
    if (rc != 0) { fprintf(stderr, "getaddrinfo(localhost): %s\n", gai_strerror(rc)); return 1; }
    freeaddrinfo(res);
    return 0;
}

int main(int argc, char **argv) {
    long calls = argc > 1 ? atol(argv[1]) : 20000;
    if (calls <= 0) { fprintf(stderr, "usage: gai_loop [CALLS]\n"); return 2; }
    for (int i = 0; i < WARMUP; i++) if (lookup()) return 1;
    printf("ready %d\n", (int) getpid());
    fflush(stdout);
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        long start = now_ns();
        for (long i = 0; i < calls; i++) if (lookup()) return 1;
        long wall = now_ns() - start;
        printf("%.1f %ld\n", (double) wall / calls, calls);
        fflush(stdout);
    }
    return 0;
}
