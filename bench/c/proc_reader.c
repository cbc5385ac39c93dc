/* Baseline for `SELECT * FROM processes`: does, for every process, exactly the work Vigil's processes table does
 * for SELECT * (vigil-tables ProcessesTable), in C, ITERATIONS times, and prints the median wall time of one pass
 * in microseconds and the number of processes:
 *   once per pass: /proc/stat's btime;
 *   per process: stat (state, ppid, pgrp, flags, utime, stime, nice, threads, starttime); status (Name, Uid, Gid,
 *   VmSize, VmRSS, VmLck); for user processes only (not kernel threads, PF_KTHREAD): the exe link and a stat of its
 *   target (on_disk; for a " (deleted)" target also a stat of /proc/PID/exe), the cwd and root links; cmdline (NULs
 *   to spaces, trimmed); io (read_bytes, write_bytes, cancelled_write_bytes); cgroup (the "0::" line, else the
 *   first). Files are read with one open, reads until end of file, and close, as Vigil does. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PF_KTHREAD 0x00200000

static char buf[1 << 20];

/* Reads the whole file into buf; its length, or -1. */
static ssize_t slurp(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return -1;
    ssize_t total = 0, n;
    while (total < (ssize_t)sizeof buf - 1 && (n = read(fd, buf + total, sizeof buf - 1 - total)) > 0) total += n;
    close(fd);
    buf[total] = 0;
    return total;
}

static long field_after(const char *text, const char *key) {
    const char *p = strstr(text, key);
    return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static long boot_time(void) {
    if (slurp("/proc/stat") <= 0) return 0;
    return field_after(buf, "\nbtime ");
}

static long pass(long *sink) {
    DIR *d = opendir("/proc");
    struct dirent *e;
    char path[512], link[4096];
    long rows = 0;
    *sink += boot_time();
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        if (slurp(path) <= 0) continue;
        char *close_paren = strrchr(buf, ')');
        if (!close_paren) continue;
        char state;
        long ppid, pgrp, flags, utime, stime, nice, threads, start;
        if (sscanf(close_paren + 2, "%c %ld %ld %*d %*d %*d %lu %*u %*u %*u %*u %ld %ld %*d %*d %*d %ld %ld %*d %ld",
                   &state, &ppid, &pgrp, &flags, &utime, &stime, &nice, &threads, &start) != 9) continue;
        *sink += ppid + pgrp + utime + stime + nice + threads + start + state;
        int kthread = (flags & PF_KTHREAD) != 0;

        snprintf(path, sizeof path, "/proc/%s/status", e->d_name);
        if (slurp(path) > 0) {
            char name[64];
            long a, b, c, x;
            char *p;
            if ((p = strstr(buf, "Name:")) && sscanf(p + 5, "%63s", name) == 1) *sink += name[0];
            if ((p = strstr(buf, "\nUid:")) && sscanf(p + 5, "%ld %ld %ld %ld", &a, &b, &c, &x) == 4) *sink += a + b + c;
            if ((p = strstr(buf, "\nGid:")) && sscanf(p + 5, "%ld %ld %ld %ld", &a, &b, &c, &x) == 4) *sink += a + b + c;
            *sink += field_after(buf, "\nVmSize:") + field_after(buf, "\nVmRSS:") + field_after(buf, "\nVmLck:");
        }
        if (!kthread) {
            snprintf(path, sizeof path, "/proc/%s/exe", e->d_name);
            ssize_t m = readlink(path, link, sizeof link - 1);
            if (m > 0) {
                link[m] = 0;
                struct stat st, exe;
                int on_disk = stat(link, &st) == 0;
                const char *deleted = " (deleted)";
                size_t dl = strlen(deleted);
                if ((size_t)m > dl && strcmp(link + m - dl, deleted) == 0 && on_disk)
                    on_disk = stat(path, &exe) == 0 && exe.st_ino == st.st_ino && exe.st_dev == st.st_dev;
                *sink += on_disk;
            }
        }
        snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
        ssize_t n = slurp(path);
        for (ssize_t i = 0; i < n; i++) if (buf[i] == 0) buf[i] = ' ';
        while (n > 0 && buf[n - 1] == ' ') n--;
        *sink += n;
        if (!kthread) {
            const char *links[] = {"cwd", "root"};
            for (int i = 0; i < 2; i++) {
                snprintf(path, sizeof path, "/proc/%s/%s", e->d_name, links[i]);
                *sink += readlink(path, link, sizeof link - 1);
            }
        }
        snprintf(path, sizeof path, "/proc/%s/io", e->d_name);
        if (slurp(path) > 0)
            *sink += field_after(buf, "read_bytes: ") + field_after(buf, "\nwrite_bytes: ")
                     + field_after(buf, "cancelled_write_bytes: ");
        snprintf(path, sizeof path, "/proc/%s/cgroup", e->d_name);
        if (slurp(path) > 0) {
            char *line = strstr(buf, "0::");
            *sink += line ? (long)strcspn(line + 3, "\n") : (long)strcspn(buf, "\n");
        }
        rows++;
    }
    closedir(d);
    return rows;
}

static int cmp(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 50;
    long *us = calloc(iterations, sizeof *us), rows = 0, sink = 0;
    for (int i = 0; i < iterations; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        rows = pass(&sink);
        clock_gettime(CLOCK_MONOTONIC, &b);
        us[i] = (b.tv_sec - a.tv_sec) * 1000000L + (b.tv_nsec - a.tv_nsec) / 1000;
    }
    qsort(us, iterations, sizeof *us, cmp);
    printf("%ld %ld %ld\n", us[iterations / 2], rows, sink & 1);
    return 0;
}
