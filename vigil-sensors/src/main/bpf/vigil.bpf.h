// SPDX-License-Identifier: GPL-2.0
// What every Vigil sensor object shares: the ring buffer "events", the per-CPU counters (seen, dropped), the
// "vigil_settings" user space writes after load, the common record header, and the submit path with batched
// ring-buffer wakeups. Record layouts are mirrored by the Java decoders in dev.vigil.sensors; keep them in step.
#ifndef VIGIL_BPF_H
#define VIGIL_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_endian.h>

#define COUNTER_SEEN 0
#define COUNTER_DROPPED 1

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 8 * 1024 * 1024); /* user space may resize before load */
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 2);
    __type(key, __u32);
    __type(value, __u64);
} counters SEC(".maps");

/* Written by user space at start and whenever the delivery mode changes. */
struct vigil_config {
    /* Wake the reader each time the pending bytes cross a multiple of this power of two (BPF_RB_FORCE_WAKEUP,
       else BPF_RB_NO_WAKEUP); 0 wakes it for every record. The reader also polls on a timeout, so nothing waits
       long. */
    __u64 wakeup_bytes;
    /* Events from this process (the agent itself) are ignored; 0 ignores none. */
    __u32 self_tgid;
    __u32 pad;
};

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct vigil_config);
} vigil_settings SEC(".maps");

/* The first 24 bytes of every record. */
struct record_header {
    __u16 type;
    __u16 flags;
    __u32 size;      /* bytes in the record, header included */
    __u64 ktime_ns;  /* CLOCK_MONOTONIC (bpf_ktime_get_ns) */
    __u32 tgid;      /* process id */
    __u32 tid;       /* thread id */
};

static __always_inline void count(__u32 which)
{
    __u64 *c = bpf_map_lookup_elem(&counters, &which);
    if (c)
        *c += 1; /* per-CPU slot: no other CPU writes it */
}

static __always_inline struct vigil_config *vigil_config(void)
{
    __u32 zero = 0;
    return bpf_map_lookup_elem(&vigil_settings, &zero);
}

/* True if events of the current process should be ignored (it is the agent itself). */
static __always_inline bool is_self(void)
{
    struct vigil_config *cfg = vigil_config();
    return cfg && cfg->self_tgid != 0 && cfg->self_tgid == (__u32)(bpf_get_current_pid_tgid() >> 32);
}

/* Batched wakeups: the reader is woken when the pending bytes cross a multiple of wakeup_bytes, not for every
   record once they are above it (each wakeup is an irq_work, an IPI in a VM). A reader only sleeps on an empty
   ring (epoll reports a non-empty one at once), so the next wakeup comes at the next crossing; if two CPUs race
   past one crossing unseen, the next multiple or the reader's poll timeout covers it. */
static __always_inline __u64 wakeup_flags(__u64 size)
{
    struct vigil_config *cfg = vigil_config();
    if (!cfg || cfg->wakeup_bytes == 0)
        return 0;
    /* wakeup_bytes is a power of two: a multiple is crossed when a bit at or above it changes (no division) */
    __u64 pending = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA);
    return (pending ^ (pending + size)) >= cfg->wakeup_bytes ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

/* Copies a finished record of size bytes into the ring buffer, counting it seen, or dropped if there is no room. */
static __always_inline void submit(void *record, __u64 size)
{
    count(COUNTER_SEEN);
    if (bpf_ringbuf_output(&events, record, size, wakeup_flags(size)) != 0)
        count(COUNTER_DROPPED);
}

static __always_inline void fill_header(struct record_header *h, __u16 type, __u32 size)
{
    __u64 pid_tgid = bpf_get_current_pid_tgid();
    h->type = type;
    h->flags = 0;
    h->size = size;
    h->ktime_ns = bpf_ktime_get_ns();
    h->tgid = pid_tgid >> 32;
    h->tid = (__u32)pid_tgid;
}

#endif
