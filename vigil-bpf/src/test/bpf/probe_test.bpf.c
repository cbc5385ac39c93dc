// SPDX-License-Identifier: GPL-2.0
// A small BPF object for vigil-bpf's own tests: one program per hook kind, each counting calls by the process
// under test in a per-CPU array ("seen" at 0, ring buffer reserve failures at 1) and sending a record through
// a ring buffer. Compiled by the tests themselves (BpfTestObject) with clang -target bpf.
#include <linux/bpf.h>
#include <linux/types.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 16384);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 2);
    __type(key, __u32);
    __type(value, __u64);
} counters SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u32);
} target SEC(".maps");

/* Samples taken by on_sample, at key 1 (any process, so not filtered by target). */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 2);
    __type(key, __u32);
    __type(value, __u64);
} samples_seen SEC(".maps");

struct event {
    __u32 pid;
    __u32 kind;
    __u64 seq;
};

static __always_inline int emit(__u32 kind)
{
    __u32 zero = 0, one = 1;
    __u32 *tgid = bpf_map_lookup_elem(&target, &zero);
    __u32 pid = bpf_get_current_pid_tgid() >> 32;
    if (!tgid || *tgid != pid)
        return 0;
    __u64 *seen = bpf_map_lookup_elem(&counters, &zero);
    if (!seen)
        return 0;
    *seen += 1;
    struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
    if (!e) {
        __u64 *dropped = bpf_map_lookup_elem(&counters, &one);
        if (dropped)
            *dropped += 1;
        return 0;
    }
    e->pid = pid;
    e->kind = kind;
    e->seq = *seen;
    bpf_ringbuf_submit(e, 0);
    return 0;
}

SEC("raw_tp/sys_enter")
int on_raw_sys_enter(void *ctx) { return emit(1); }

SEC("tracepoint/syscalls/sys_enter_getppid")
int on_tracepoint_getppid(void *ctx) { return emit(2); }

SEC("tp_btf/sys_enter")
int on_btf_sys_enter(__u64 *ctx) { return emit(3); }

SEC("uprobe")
int on_uprobe(void *ctx) { return emit(4); }

SEC("perf_event")
int on_sample(void *ctx)
{
    __u32 one = 1;
    __u64 *samples = bpf_map_lookup_elem(&samples_seen, &one);
    if (samples)
        __sync_fetch_and_add(samples, 1);
    return 0;
}

SEC("kprobe/do_sys_openat2")
int on_kprobe(void *ctx) { return emit(5); }

char LICENSE[] SEC("license") = "GPL";
