/* Baseline for `SELECT * FROM processes`: reads, for every process, the /proc files Vigil's processes table
 * reads (stat, status, cmdline, io, cgroup; the exe, cwd and root links; a stat of the executable) and parses
 * the fields it needs, ITERATIONS times, printing the median wall time of one pass in microseconds. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char buf[65536];

static ssize_t slurp(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n >= 0) buf[n] = 0;
    return n;
}

static long pass(void) {
    DIR *d = opendir("/proc");
    struct dirent *e;
    char path[512], link[4096];
    long rows = 0, sink = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        if (slurp(path) <= 0) continue;
        char *close_paren = strrchr(buf, ')');
        if (close_paren) {
            char state; long ppid, pgrp, utime, stime, nice, threads, start, vsize, rss;
            sscanf(close_paren + 2, "%c %ld %ld %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld %*d %*d %*d %ld %ld %*d %ld %ld %ld",
                   &state, &ppid, &pgrp, &utime, &stime, &nice, &threads, &start, &vsize, &rss);
            sink += ppid + utime + rss;
        }
        snprintf(path, sizeof path, "/proc/%s/status", e->d_name);
        if (slurp(path) > 0) {
            char *uid = strstr(buf, "\nUid:"), *gid = strstr(buf, "\nGid:");
            long a, b, c2, d2;
            if (uid && sscanf(uid + 5, "%ld %ld %ld %ld", &a, &b, &c2, &d2) == 4) sink += a + b;
            if (gid && sscanf(gid + 5, "%ld %ld %ld %ld", &a, &b, &c2, &d2) == 4) sink += a + b;
        }
        snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
        ssize_t n = slurp(path);
        for (ssize_t i = 0; i < n - 1; i++) if (buf[i] == 0) buf[i] = ' ';
        snprintf(path, sizeof path, "/proc/%s/io", e->d_name);
        slurp(path);
        snprintf(path, sizeof path, "/proc/%s/cgroup", e->d_name);
        slurp(path);
        const char *links[] = {"exe", "cwd", "root"};
        for (int i = 0; i < 3; i++) {
            snprintf(path, sizeof path, "/proc/%s/%s", e->d_name, links[i]);
            ssize_t m = readlink(path, link, sizeof link - 1);
            if (m > 0) {
                link[m] = 0;
                if (i == 0) { struct stat st; sink += stat(link, &st) == 0; }
            }
        }
        rows++;
    }
    closedir(d);
    return rows + (sink & 0);
}

static int cmp(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 50;
    long *us = calloc(iterations, sizeof *us), rows = 0;
    for (int i = 0; i < iterations; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        rows = pass();
        clock_gettime(CLOCK_MONOTONIC, &b);
        us[i] = (b.tv_sec - a.tv_sec) * 1000000L + (b.tv_nsec - a.tv_nsec) / 1000;
    }
    qsort(us, iterations, sizeof *us, cmp);
    printf("%ld %ld\n", us[iterations / 2], rows);
    return 0;
}
