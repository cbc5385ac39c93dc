/* The name-lookup workload: getaddrinfo(HOST, NULL, {AF_UNSPEC, SOCK_STREAM}) + freeaddrinfo, in chunks of
 * CALLS calls (default 20,000) on request, in one thread of one long-lived process, so that tracers can be
 * attached and detached between chunks and every chunk runs in the same process (these VMs switch between
 * speeds for seconds at a time; separate processes minutes apart are not comparable).
 *
 * Protocol: 1,000 untimed warm-up calls for "localhost" and for "127.0.0.1", then "ready <pid>" on stdout. Each
 * line read from stdin, "run HOST", runs one chunk of lookups of HOST ("run" alone: localhost) and answers
 * "<mean ns per call> <calls>". End of input exits 0; a failed lookup or a malformed line exits 1.
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

static int lookup(const char *host) {
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(host, NULL, &hints, &res);
    if (rc != 0) { fprintf(stderr, "getaddrinfo(%s): %s\n", host, gai_strerror(rc)); return 1; }
    freeaddrinfo(res);
    return 0;
}

int main(int argc, char **argv) {
    long calls = argc > 1 ? atol(argv[1]) : 20000;
    if (calls <= 0) { fprintf(stderr, "usage: gai_loop [CALLS]\n"); return 2; }
    for (int i = 0; i < WARMUP; i++) if (lookup("localhost") || lookup("127.0.0.1")) return 1;
    printf("ready %d\n", (int) getpid());
    fflush(stdout);
    char line[300];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "run", 3) != 0 || (line[3] != '\0' && line[3] != ' ')) {
            fprintf(stderr, "gai_loop: expected \"run [HOST]\", got \"%s\"\n", line);
            return 1;
        }
        const char *host = line[3] == ' ' && line[4] != '\0' ? line + 4 : "localhost";
        long start = now_ns();
        for (long i = 0; i < calls; i++) if (lookup(host)) return 1;
        long wall = now_ns() - start;
        printf("%.1f %ld\n", (double) wall / calls, calls);
        fflush(stdout);
    }
    return 0;
}
