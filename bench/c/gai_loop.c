/* The name-lookup workload: getaddrinfo("localhost", NULL, {AF_UNSPEC, SOCK_STREAM}) + freeaddrinfo CALLS times
 * (default 200,000) after 1,000 warm-up calls, in one thread. Prints one line on stdout:
 *   <mean ns per timed call> <calls timed> <calls made, warm-up included>
 * Exits 1 if a lookup failed. Usage: gai_loop [CALLS] */
#define _GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    long calls = argc > 1 ? atol(argv[1]) : 200000;
    if (calls <= 0) { fprintf(stderr, "usage: gai_loop [CALLS]\n"); return 2; }
    for (int i = 0; i < WARMUP; i++) if (lookup()) return 1;
    long start = now_ns();
    for (long i = 0; i < calls; i++) if (lookup()) return 1;
    long wall = now_ns() - start;
    printf("%.1f %ld %ld\n", (double) wall / calls, calls, calls + WARMUP);
    return 0;
}
