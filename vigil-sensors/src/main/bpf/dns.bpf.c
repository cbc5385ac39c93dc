// SPDX-License-Identifier: GPL-2.0
// DNS sensor: name lookups through glibc's getaddrinfo(3), gethostbyname(3), gethostbyname2(3) and their
// reentrant forms gethostbyname_r and gethostbyname2_r, by a uprobe at entry and a uretprobe at return, attached by
// user space once per distinct libc inode. The entry remembers the arguments in the thread's task storage; the
// return reads the host and service strings, the result (getaddrinfo: 0 or an EAI_* value; the gethostbyname
// family: 0 or h_errno) and the first answers, and measures the latency. A call made inside another (glibc's
// gethostbyname calls gethostbyname_r) is not reported on its own: it only lends the outer call its h_errno.
//
// Cost matters here: the probes run inside the caller's lookup. Measured with bpf_stats on this VM, every
// bpf_probe_read_user costs ~150 ns whatever its size and a hash map update ~300 ns, while loads through BTF
// pointers (task->comm, task->cred) are nearly free. So: task storage instead of a hash map, no helper where a
// BTF load does, user memory read in as few windows as possible, and a record no longer than its contents.
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
#define FUNCTION_GETHOSTBYNAME_R 4
#define FUNCTION_GETHOSTBYNAME2_R 5

/* h_errno when the gethostbyname family failed and its h_errno could not be read. */
#define H_ERRNO_UNREAD 255
/* A call pending for longer than this is taken for one whose return was never seen, not for an outer call (a
   lookup against unanswering servers gives up after 30 s with glibc's defaults). User space attaches the return
   probes before the entry probes, so that no entry is seen without its return. */
#define STALE_NS (60ULL * 1000000000ULL)

#if defined(__TARGET_ARCH_x86)
/* The sixth argument (BPF_KPROBE names five) and the address of the seventh, on the stack above the return
   address, at function entry (System V AMD64 ABI). */
#define UPROBE_PARM6(ctx) ((ctx)->r9)
#define UPROBE_STACK_ARG7(ctx) ((ctx)->sp + 8)
#else
#error "dns.bpf.c reads the sixth and seventh arguments of gethostbyname(2)_r for x86-64 only (build.sh skips it elsewhere)"
#endif

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

#define ADDRS_BYTES (ADDRS_MAX * sizeof(struct dns_address))
#define DATA_MAX (ADDRS_BYTES + HOST_MAX + SERVICE_MAX)

/* A record is packed: data[] holds addr_count addresses, then host_len bytes of host, then service_len bytes of
   service (each string with its NUL; a length of 0 for a NULL argument), and the record ends there. */
struct dns_record {
    struct record_header h;
    __u32 uid;
    __u32 gid;
    __s32 ret;           /* getaddrinfo: 0 or EAI_* (negative); the gethostbyname family: 0 or h_errno */
    __s32 hint_family;   /* hints->ai_family: AF_UNSPEC 0, AF_INET 2, AF_INET6 10; -1 without hints */
    __u64 latency_ns;
    __u16 addr_count;    /* struct dns_address entries at the start of data[] */
    __u16 function;      /* FUNCTION_GETADDRINFO ... */
    __u16 host_len;
    __u16 service_len;
    char comm[16];
    union {
        struct dns_address addrs[ADDRS_MAX];
        __u8 bytes[DATA_MAX];
    } data;
};

struct lookup {
    __u64 start_ns;      /* 0: no call pending */
    __u64 node;
    __u64 service;
    __u64 res;           /* getaddrinfo: struct addrinfo **; gethostbyname*_r: struct hostent ** */
    __u64 hints;         /* const struct addrinfo * */
    __u64 herrno;        /* gethostbyname family: int *, where h_errno is left (0: unknown) */
    __s32 hint_family;   /* gethostbyname*: the family asked for */
    __s32 inner_herrno;  /* gethostbyname(2): h_errno as the _r call inside it left it */
    __u16 function;
    __u16 depth;         /* calls made inside this one and not yet returned */
    __u16 inner_read;    /* inner_herrno was read */
};

/* The pending call of each thread; freed with the thread. */
struct {
    __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, int);
    __type(value, struct lookup);
} lookups SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct dns_record);
} dns_scratch SEC(".maps");

/* The thread's record for a new call; NULL for a call made inside one still pending (*outer is then that one's
   record), or when nothing is to be recorded. */
static __always_inline struct lookup *begin(__u16 function, struct lookup **outer)
{
    *outer = NULL;
    if (is_self())
        return NULL;
    struct lookup *l = bpf_task_storage_get(&lookups, bpf_get_current_task_btf(), 0,
                                            BPF_LOCAL_STORAGE_GET_F_CREATE);
    if (!l)
        return NULL;
    __u64 now = bpf_ktime_get_ns();
    if (l->start_ns && now - l->start_ns < STALE_NS) {
        l->depth++;
        *outer = l;
        return NULL;
    }
    l->start_ns = now;
    l->function = function;
    l->depth = 0;
    l->herrno = 0;
    l->inner_read = 0;
    return l;
}

SEC("uprobe")
int BPF_KPROBE(getaddrinfo_enter, const char *node, const char *service, const struct user_addrinfo *hints,
               struct user_addrinfo **res)
{
    struct lookup *outer;
    struct lookup *l = begin(FUNCTION_GETADDRINFO, &outer);
    if (l) {
        l->node = (__u64)node;
        l->service = (__u64)service;
        l->res = (__u64)res;
        l->hints = (__u64)hints;
        l->hint_family = -1;
    }
    return 0;
}

/* Entry into the gethostbyname family; result and herrno are the _r forms' struct hostent ** and int * (0 for
   the others). Inside gethostbyname or gethostbyname2, the _r call glibc makes tells where h_errno goes: a local
   of the outer call, read when the inner one returns (once the outer returns, its frame is gone). */
static __always_inline void remember(const char *name, __s32 family, __u16 function, __u64 result, __u64 herrno)
{
    struct lookup *outer;
    struct lookup *l = begin(function, &outer);
    if (l) {
        l->node = (__u64)name;
        l->service = 0;
        l->res = result;
        l->hints = 0;
        l->herrno = herrno;
        l->hint_family = family;
    } else if (outer && !outer->herrno &&
               (outer->function == FUNCTION_GETHOSTBYNAME || outer->function == FUNCTION_GETHOSTBYNAME2)) {
        outer->herrno = herrno;
    }
}

SEC("uprobe")
int BPF_KPROBE(gethostbyname_enter, const char *name)
{
    remember(name, AF_INET, FUNCTION_GETHOSTBYNAME, 0, 0);
    return 0;
}

SEC("uprobe")
int BPF_KPROBE(gethostbyname2_enter, const char *name, int af)
{
    remember(name, af, FUNCTION_GETHOSTBYNAME2, 0, 0);
    return 0;
}

/* int gethostbyname_r(const char *name, struct hostent *ret, char *buf, size_t buflen, struct hostent **result,
                       int *h_errnop) */
SEC("uprobe")
int BPF_KPROBE(gethostbyname_r_enter, const char *name, void *ret, char *buf, __u64 buflen, void *result)
{
    remember(name, AF_INET, FUNCTION_GETHOSTBYNAME_R, (__u64)result, UPROBE_PARM6(ctx));
    return 0;
}

/* int gethostbyname2_r(const char *name, int af, struct hostent *ret, char *buf, size_t buflen,
                        struct hostent **result, int *h_errnop): h_errnop is on the stack */
SEC("uprobe")
int BPF_KPROBE(gethostbyname2_r_enter, const char *name, int af)
{
    __u64 herrno = 0;
    if (bpf_probe_read_user(&herrno, sizeof(herrno), (void *)UPROBE_STACK_ARG7(ctx)) != 0)
        herrno = 0;
    remember(name, af, FUNCTION_GETHOSTBYNAME2_R, UPROBE_PARM6(ctx), herrno);
    return 0;
}

/* The slot of the next address, or NULL when the list is full. */
static __always_inline struct dns_address *next_address(struct dns_record *r)
{
    __u32 n = r->addr_count;
    if (n >= ADDRS_MAX)
        return NULL;
    return &r->data.addrs[n & (ADDRS_MAX - 1)];
}

/* The answer list is walked through a window of the process's memory: glibc allocates the results of one call
   one after another, each with its socket address right behind it, so they usually lie within a few hundred
   bytes and one read serves several. A node outside the window moves the window there. */
#define ANSWER_WINDOW 256
#define NODE_BYTES (sizeof(struct user_addrinfo) + 28) /* the node and a sockaddr_in6 behind it */

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u8[ANSWER_WINDOW]);
} answer_window SEC(".maps");

struct answer_walk {
    __u64 next;          /* the node to read next; 0 ends the list */
    __u64 base;          /* the address window[0] was read from */
    __u64 valid;         /* bytes of window read; 0 before the first read */
    __u8 *window;
    struct dns_record *r;
};

/* One entry of the result list; 1 stops the walk. */
static __always_inline long answer_step(struct answer_walk *w)
{
    __u64 p = w->next;
    if (!p || w->r->addr_count >= ADDRS_MAX)
        return 1;
    if (p < w->base || p - w->base + NODE_BYTES > w->valid) {
        if (bpf_probe_read_user(w->window, ANSWER_WINDOW, (void *)p) == 0)
            w->valid = ANSWER_WINDOW;
        else if (bpf_probe_read_user(w->window, NODE_BYTES, (void *)p) == 0)
            w->valid = NODE_BYTES;
        else
            return 1;
        w->base = p;
    }
    __u64 off = p - w->base;
    if (off > ANSWER_WINDOW - NODE_BYTES)
        return 1;
    struct user_addrinfo *ai = (struct user_addrinfo *)(w->window + off);
    __u8 *inline_addr = w->window + off + sizeof(struct user_addrinfo);
    bool inline_sa = (__u64)ai->ai_addr == p + sizeof(struct user_addrinfo);
    struct dns_address *out = next_address(w->r);
    if (!out)
        return 1;
    out->family = ai->ai_family;
    if (ai->ai_family == AF_INET) {
        if (inline_sa)
            __builtin_memcpy(out->addr, inline_addr + 4, 4);   /* sockaddr_in.sin_addr */
        else
            bpf_probe_read_user(out->addr, 4, (char *)ai->ai_addr + 4);
    } else if (ai->ai_family == AF_INET6) {
        if (inline_sa)
            __builtin_memcpy(out->addr, inline_addr + 8, 16);  /* sockaddr_in6.sin6_addr */
        else
            bpf_probe_read_user(out->addr, 16, (char *)ai->ai_addr + 8);
    }
    w->r->addr_count++;
    w->next = (__u64)ai->ai_next;
    return 0;
}

struct hostent_walk {
    char **list;
    __u32 length;
    __u16 family;
    struct dns_record *r;
};

/* One entry of hostent's h_addr_list; 1 stops the walk. */
static __always_inline long hostent_step(__u32 index, struct hostent_walk *w)
{
    char *addr = NULL;
    struct dns_address *out = next_address(w->r);
    if (!out || bpf_probe_read_user(&addr, sizeof(addr), &w->list[index]) != 0 || !addr)
        return 1;
    out->family = w->family;
    if (w->length == 16)
        bpf_probe_read_user(out->addr, 16, addr);
    else
        bpf_probe_read_user(out->addr, 4, addr);
    w->r->addr_count++;
    return 0;
}

#define HINTS_WINDOW 64

/* getaddrinfo's hints->ai_family (-1 without hints) and, if want_first, *res (the first result), both in the
   caller's memory. They are usually locals of the same frame, a few bytes apart: then one read of the window
   holding both replaces two. */
static __always_inline void read_hints_and_first(const struct lookup *l, bool want_first, __s32 *family, __u64 *first)
{
    __u64 fam = l->hints ? l->hints + offsetof(struct user_addrinfo, ai_family) : 0;
    __u64 res = want_first ? l->res : 0;
    if (fam && res) {
        __u64 lo = fam < res ? fam : res;
        __u64 hi = fam < res ? res + 8 : fam + 4;
        __u8 window[HINTS_WINDOW];
        if (hi - lo <= HINTS_WINDOW && bpf_probe_read_user(window, HINTS_WINDOW, (void *)lo) == 0) {
            __u64 fam_off = fam - lo;
            __u64 res_off = res - lo;
            if (fam_off <= HINTS_WINDOW - 4 && res_off <= HINTS_WINDOW - 8) {
                __builtin_memcpy(family, &window[fam_off], 4);
                __builtin_memcpy(first, &window[res_off], 8);
                return;
            }
        }
    }
    if (fam && bpf_probe_read_user(family, 4, (void *)fam) != 0)
        *family = -1;
    if (res && bpf_probe_read_user(first, 8, (void *)res) != 0)
        *first = 0;
}

/* The common return path: the pending call of this thread, its result, its answers. */
static __always_inline int finish(long ret)
{
    struct task_struct *task = bpf_get_current_task_btf();
    struct lookup *pending = bpf_task_storage_get(&lookups, task, 0, 0);
    if (!pending || !pending->start_ns)
        return 0;
    if (pending->depth) { /* the return of a call made inside the pending one */
        pending->depth--;
        __s32 v;
        if (pending->depth == 0 && pending->herrno &&
            (pending->function == FUNCTION_GETHOSTBYNAME || pending->function == FUNCTION_GETHOSTBYNAME2) &&
            bpf_probe_read_user(&v, sizeof(v), (void *)pending->herrno) == 0) {
            pending->inner_herrno = v;
            pending->inner_read = 1;
        }
        return 0;
    }
    struct lookup l = *pending;
    pending->start_ns = 0;
    __u32 zero = 0;
    struct dns_record *r = bpf_map_lookup_elem(&dns_scratch, &zero);
    if (!r)
        return 0;
    __u64 now = bpf_ktime_get_ns();
    r->h.type = RECORD_DNS;
    r->h.flags = 0;
    r->h.ktime_ns = now;
    r->h.tgid = task->tgid;
    r->h.tid = task->pid;
    const struct cred *cred = task->cred;
    r->uid = cred->uid.val;
    r->gid = cred->gid.val;
    r->function = l.function;
    r->latency_ns = now - l.start_ns;
    r->addr_count = 0;
    __builtin_memcpy(r->comm, task->comm, sizeof(r->comm));

    if (l.function == FUNCTION_GETADDRINFO) {
        r->ret = (int)ret;
        __s32 family = -1;
        struct answer_walk w = {.r = r, .window = bpf_map_lookup_elem(&answer_window, &zero)};
        read_hints_and_first(&l, ret == 0, &family, &w.next);
        r->hint_family = family;
        /* Bounded loops, not bpf_loop: its callback is an indirect call per entry, and lists are short. */
        if (w.next && w.window)
            for (__u32 i = 0; i < ADDRS_MAX; i++)
                if (answer_step(&w))
                    break;
    } else {
        r->hint_family = l.hint_family;
        /* gethostbyname(2) return the hostent, and their inner _r call left h_errno; the _r forms leave the
           hostent in *result and h_errno in *h_errnop */
        __u64 hostent = 0;
        __s32 herrno = 0;
        if (l.function == FUNCTION_GETHOSTBYNAME_R || l.function == FUNCTION_GETHOSTBYNAME2_R) {
            if (!l.res || bpf_probe_read_user(&hostent, sizeof(hostent), (void *)l.res) != 0)
                hostent = 0;
            if (l.herrno && bpf_probe_read_user(&herrno, sizeof(herrno), (void *)l.herrno) != 0)
                herrno = 0;
        } else {
            hostent = ret;
            if (l.inner_read)
                herrno = l.inner_herrno;
        }
        r->ret = hostent ? 0 : herrno ? herrno : H_ERRNO_UNREAD;
        struct user_hostent he;
        if (hostent && bpf_probe_read_user(&he, sizeof(he), (void *)hostent) == 0 && (he.h_length == 4 || he.h_length == 16)) {
            struct hostent_walk w = {.list = he.h_addr_list, .length = he.h_length, .family = he.h_addrtype, .r = r};
            for (__u32 i = 0; i < ADDRS_MAX; i++)
                if (hostent_step(i, &w))
                    break;
        }
    }

    /* The strings go right behind the addresses in use. */
    __u32 off = r->addr_count * sizeof(struct dns_address);
    if (off > ADDRS_BYTES)
        return 0;
    r->host_len = 0;
    if (l.node) {
        long n = bpf_probe_read_user_str(&r->data.bytes[off], HOST_MAX, (void *)l.node);
        if (n > 0) {
            r->host_len = n;
            off += n & (HOST_MAX * 2 - 1);
        }
        if (n == HOST_MAX)
            r->h.flags |= DNS_HOST_TRUNCATED;
    }
    r->service_len = 0;
    if (off > ADDRS_BYTES + HOST_MAX)
        return 0;
    if (l.service) {
        long n = bpf_probe_read_user_str(&r->data.bytes[off], SERVICE_MAX, (void *)l.service);
        if (n > 0) {
            r->service_len = n;
            off += n & (SERVICE_MAX * 2 - 1);
        }
    }
    __u64 size = offsetof(struct dns_record, data) + off;
    if (size > sizeof(*r))
        return 0;
    r->h.size = size;
    submit(r, size);
    return 0;
}

SEC("uretprobe")
int BPF_KRETPROBE(getaddrinfo_exit, int ret)
{
    return finish(ret);
}

/* The return of the whole gethostbyname family: a struct hostent * from gethostbyname(2), an int from the _r forms
   (finish reads their *result instead). */
SEC("uretprobe")
int BPF_KRETPROBE(gethostbyname_exit, void *ret)
{
    return finish((long)ret);
}

char LICENSE[] SEC("license") = "GPL";
