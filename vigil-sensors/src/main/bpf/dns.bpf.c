// SPDX-License-Identifier: GPL-2.0
// DNS sensor: name lookups through glibc's getaddrinfo(3), gethostbyname(3) and gethostbyname2(3), by a uprobe at
// entry and a uretprobe at return, attached by user space once per distinct libc inode. The entry remembers the
// arguments per thread; the return reads the host and service strings, the result (getaddrinfo: 0 or an EAI_*
// value; gethostbyname: 0, or 1 for a NULL hostent) and the first answers, and measures the latency.
#include "vigil.bpf.h"

#define RECORD_DNS 32
#define HOST_MAX 256
#define SERVICE_MAX 64
#define ADDRS_MAX 16
#define AF_INET 2
#define AF_INET6 10

#define DNS_HOST_TRUNCATED 0x1

#define FUNCTION_GETADDRINFO 1
#define FUNCTION_GETHOSTBYNAME 2
#define FUNCTION_GETHOSTBYNAME2 3

/* glibc's struct hostent (netdb.h) on LP64. */
struct user_hostent {
    char *h_name;
    char **h_aliases;
    int h_addrtype;
    int h_length;
    char **h_addr_list;
};

/* glibc's struct addrinfo (netdb.h) on LP64. */
struct user_addrinfo {
    int ai_flags;
    int ai_family;
    int ai_socktype;
    int ai_protocol;
    __u32 ai_addrlen;
    void *ai_addr;
    char *ai_canonname;
    struct user_addrinfo *ai_next;
};

struct dns_address {
    __u16 family;
    __u16 pad;
    __u8 addr[16]; /* network order; IPv4 in the first 4 bytes */
};

struct dns_record {
    struct record_header h;
    __u32 uid;
    __u32 gid;
    __s32 ret;           /* getaddrinfo's result: 0 or EAI_* (negative) */
    __s32 hint_family;   /* hints->ai_family: AF_UNSPEC 0, AF_INET 2, AF_INET6 10; -1 without hints */
    __u64 latency_ns;
    __u32 addr_count;    /* entries used in addrs[] */
    __u16 function;      /* FUNCTION_GETADDRINFO ... */
    __u16 pad;
    char comm[16];
    char host[HOST_MAX];       /* NUL-terminated; empty if node was NULL */
    char service[SERVICE_MAX]; /* NUL-terminated; empty if service was NULL */
    struct dns_address addrs[ADDRS_MAX];
};

struct lookup {
    __u64 start_ns;
    __u64 node;
    __u64 service;
    __u64 res;           /* struct addrinfo ** */
    __s32 hint_family;
    __u16 function;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 16384);
    __type(key, __u64);  /* pid_tgid */
    __type(value, struct lookup);
} lookups SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct dns_record);
} dns_scratch SEC(".maps");

SEC("uprobe")
int BPF_KPROBE(getaddrinfo_enter, const char *node, const char *service, const struct user_addrinfo *hints,
               struct user_addrinfo **res)
{
    if (is_self())
        return 0;
    struct lookup l = {
        .start_ns = bpf_ktime_get_ns(),
        .node = (__u64)node,
        .service = (__u64)service,
        .res = (__u64)res,
        .hint_family = -1,
        .function = FUNCTION_GETADDRINFO,
    };
    if (hints)
        bpf_probe_read_user(&l.hint_family, sizeof(l.hint_family), &hints->ai_family);
    __u64 id = bpf_get_current_pid_tgid();
    bpf_map_update_elem(&lookups, &id, &l, BPF_ANY);
    return 0;
}

struct answer_walk {
    struct user_addrinfo *next;
    struct dns_record *r;
};

/* One entry of the result list; 1 stops the walk. */
static long answer_step(__u32 index, struct answer_walk *w)
{
    struct user_addrinfo ai;
    if (!w->next || bpf_probe_read_user(&ai, sizeof(ai), w->next) != 0)
        return 1;
    __u32 n = w->r->addr_count;
    if (n >= ADDRS_MAX)
        return 1;
    struct dns_address *out = &w->r->addrs[n & (ADDRS_MAX - 1)];
    out->family = ai.ai_family;
    if (ai.ai_family == AF_INET)
        bpf_probe_read_user(out->addr, 4, (char *)ai.ai_addr + 4);   /* sockaddr_in.sin_addr */
    else if (ai.ai_family == AF_INET6)
        bpf_probe_read_user(out->addr, 16, (char *)ai.ai_addr + 8);  /* sockaddr_in6.sin6_addr */
    w->r->addr_count = n + 1;
    w->next = ai.ai_next;
    return 0;
}

static __always_inline void remember(const char *name, __s32 family, __u16 function)
{
    if (is_self())
        return;
    struct lookup l = {
        .start_ns = bpf_ktime_get_ns(),
        .node = (__u64)name,
        .hint_family = family,
        .function = function,
    };
    __u64 id = bpf_get_current_pid_tgid();
    bpf_map_update_elem(&lookups, &id, &l, BPF_ANY);
}

SEC("uprobe")
int BPF_KPROBE(gethostbyname_enter, const char *name)
{
    remember(name, AF_INET, FUNCTION_GETHOSTBYNAME);
    return 0;
}

SEC("uprobe")
int BPF_KPROBE(gethostbyname2_enter, const char *name, int af)
{
    remember(name, af, FUNCTION_GETHOSTBYNAME2);
    return 0;
}

struct hostent_walk {
    char **list;
    __u32 length;
    __u16 family;
    struct dns_record *r;
};

/* One entry of hostent's h_addr_list; 1 stops the walk. */
static long hostent_step(__u32 index, struct hostent_walk *w)
{
    char *addr = NULL;
    if (bpf_probe_read_user(&addr, sizeof(addr), &w->list[index]) != 0 || !addr)
        return 1;
    __u32 n = w->r->addr_count;
    if (n >= ADDRS_MAX)
        return 1;
    struct dns_address *out = &w->r->addrs[n & (ADDRS_MAX - 1)];
    out->family = w->family;
    if (w->length == 16)
        bpf_probe_read_user(out->addr, 16, addr);
    else
        bpf_probe_read_user(out->addr, 4, addr);
    w->r->addr_count = n + 1;
    return 0;
}

/* The common return path: the pending call of this thread, its result, its answers. */
static __always_inline int finish(long ret)
{
    __u64 id = bpf_get_current_pid_tgid();
    struct lookup *pending = bpf_map_lookup_elem(&lookups, &id);
    if (!pending)
        return 0;
    struct lookup l = *pending;
    bpf_map_delete_elem(&lookups, &id);
    __u32 zero = 0;
    struct dns_record *r = bpf_map_lookup_elem(&dns_scratch, &zero);
    if (!r)
        return 0;
    __u64 uid_gid = bpf_get_current_uid_gid();
    fill_header(&r->h, RECORD_DNS, sizeof(*r));
    r->uid = (__u32)uid_gid;
    r->gid = uid_gid >> 32;
    r->function = l.function;
    r->hint_family = l.hint_family;
    r->latency_ns = bpf_ktime_get_ns() - l.start_ns;
    r->addr_count = 0;
    bpf_get_current_comm(r->comm, sizeof(r->comm));
    r->host[0] = 0;
    r->service[0] = 0;
    if (l.node) {
        long n = bpf_probe_read_user_str(r->host, sizeof(r->host), (void *)l.node);
        if (n == HOST_MAX)
            r->h.flags |= DNS_HOST_TRUNCATED;
    }
    if (l.service)
        bpf_probe_read_user_str(r->service, sizeof(r->service), (void *)l.service);
    if (l.function == FUNCTION_GETADDRINFO) {
        r->ret = (int)ret;
        if (ret == 0 && l.res) {
            struct answer_walk w = {.next = NULL, .r = r};
            bpf_probe_read_user(&w.next, sizeof(w.next), (void *)l.res);
            bpf_loop(ADDRS_MAX, answer_step, &w, 0);
        }
    } else {
        r->ret = ret ? 0 : 1;
        struct user_hostent he;
        if (ret && bpf_probe_read_user(&he, sizeof(he), (void *)ret) == 0 && (he.h_length == 4 || he.h_length == 16)) {
            struct hostent_walk w = {.list = he.h_addr_list, .length = he.h_length, .family = he.h_addrtype, .r = r};
            bpf_loop(ADDRS_MAX, hostent_step, &w, 0);
        }
    }
    /* Only the answer slots in use go to the ring buffer: a record is 412 bytes for one answer, not 712. */
    __u32 count = r->addr_count;
    if (count > ADDRS_MAX)
        count = ADDRS_MAX;
    __u64 size = offsetof(struct dns_record, addrs) + count * sizeof(struct dns_address);
    r->h.size = size;
    submit(r, size);
    return 0;
}

SEC("uretprobe")
int BPF_KRETPROBE(getaddrinfo_exit, int ret)
{
    return finish(ret);
}

SEC("uretprobe")
int BPF_KRETPROBE(gethostbyname_exit, void *ret)
{
    return finish((long)ret);
}

char LICENSE[] SEC("license") = "GPL";
