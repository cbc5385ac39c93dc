// SPDX-License-Identifier: GPL-2.0
// Socket sensor: connect, accept, accept4, bind and listen of IPv4 and IPv6 sockets, from the syscall
// tracepoints. Two hook kinds: the per-syscall tracepoints syscalls/sys_{enter,exit}_* (need tracefs; fire only
// for these syscalls) or the raw tracepoints sys_enter/sys_exit (no tracefs; fire for every syscall and filter by
// number). The enter side remembers the arguments in the thread's task storage; the exit side reads the result
// and, for a call that succeeded, the socket's addresses from its struct sock. Task fields are read through the
// BTF pointer of bpf_get_current_task_btf (next to free), the socket's with CO-RE reads.
#include "vigil.bpf.h"

#define RECORD_SOCKET 16

#define SOCKET_CONNECT 1
#define SOCKET_ACCEPT 2
#define SOCKET_BIND 3
#define SOCKET_LISTEN 4

#define AF_INET 2
#define AF_INET6 10
#define EINPROGRESS 115
#define SOCKADDR_MAX 28 /* sizeof(struct sockaddr_in6) */

#if defined(__TARGET_ARCH_x86)
#define NR_CONNECT 42
#define NR_ACCEPT 43
#define NR_BIND 49
#define NR_LISTEN 50
#define NR_ACCEPT4 288
#elif defined(__TARGET_ARCH_arm64)
#define NR_BIND 200
#define NR_LISTEN 201
#define NR_ACCEPT 202
#define NR_CONNECT 203
#define NR_ACCEPT4 242
#else
#error "socket.bpf.c: syscall numbers unknown for this architecture"
#endif

struct socket_record {
    struct record_header h;
    __u32 uid;
    __u32 gid;
    __s32 fd;            /* the socket: for accept, the new connection's fd (the result) */
    __s32 ret;           /* the syscall's result (negative errno on failure) */
    __u16 action;        /* SOCKET_CONNECT ... */
    __u16 family;        /* from the socket when known, else from the caller's sockaddr */
    __u16 type;          /* SOCK_STREAM 1, SOCK_DGRAM 2 ... (0 if unknown) */
    __u16 protocol;      /* IPPROTO_TCP 6, IPPROTO_UDP 17 ... (0 if unknown) */
    __u16 local_port;    /* host order */
    __u16 remote_port;   /* host order */
    __u32 has_socket;    /* 1 if local/remote were read from the socket */
    __u8 local_addr4[4]; /* network order: skc_rcv_saddr, also set on IPv6 sockets carrying IPv4 (mapped) */
    __u8 remote_addr4[4];/* skc_daddr */
    __u8 local_addr[16]; /* IPv6 sockets: skc_v6_rcv_saddr */
    __u8 remote_addr[16];/* IPv6 sockets: skc_v6_daddr */
    __u8 sockaddr[SOCKADDR_MAX]; /* the caller's sockaddr for connect and bind, as passed */
    __u16 sockaddr_len;
    __u16 pad;
    char comm[16];
    __u32 ppid;
    __u32 auid;
    __u64 cgroup_id;
    __u64 duration_ns;   /* time spent in the syscall */
};

struct pending {
    __u64 start_ns;      /* 0: no call pending */
    __u64 sockaddr;      /* user pointer */
    __u32 sockaddr_len;
    __s32 fd;
    __u16 action;
};

/* The pending call of each thread, in task storage (a hash map update costs ~300 ns; this ~70); freed with the
   thread. */
struct {
    __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, int);
    __type(value, struct pending);
} pending_calls SEC(".maps");

/* Never used at run time: keeps struct socket_record in the object's BTF for the layout test. */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct socket_record);
} socket_layout SEC(".maps");

static __always_inline __u16 action_of(long nr)
{
    switch (nr) {
    case NR_CONNECT: return SOCKET_CONNECT;
    case NR_ACCEPT:
    case NR_ACCEPT4: return SOCKET_ACCEPT;
    case NR_BIND: return SOCKET_BIND;
    case NR_LISTEN: return SOCKET_LISTEN;
    default: return 0;
    }
}

static __always_inline int on_enter(long nr, unsigned long fd, unsigned long addr, unsigned long addr_len)
{
    __u16 action = action_of(nr);
    if (!action || is_self())
        return 0;
    struct pending *p = bpf_task_storage_get(&pending_calls, bpf_get_current_task_btf(), 0,
                                             BPF_LOCAL_STORAGE_GET_F_CREATE);
    if (!p)
        return 0;
    p->start_ns = bpf_ktime_get_ns();
    p->fd = (__s32)fd;
    p->action = action;
    bool has_sockaddr = action == SOCKET_CONNECT || action == SOCKET_BIND;
    p->sockaddr = has_sockaddr ? addr : 0;
    p->sockaddr_len = has_sockaddr ? (__u32)addr_len : 0;
    return 0;
}

/* The struct sock behind a descriptor of the task (the current one), or NULL. */
static __always_inline struct sock *sock_of(struct task_struct *task, int fd)
{
    struct fdtable *fdt = task->files->fdt;
    if (fd < 0 || (unsigned int)fd >= fdt->max_fds)
        return NULL;
    struct file **fds = fdt->fd;
    struct file *file = NULL;
    bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]);
    if (!file)
        return NULL;
    struct socket *socket = BPF_CORE_READ(file, private_data);
    return socket ? BPF_CORE_READ(socket, sk) : NULL;
}

static __always_inline void read_sock(struct socket_record *r, struct sock *sk)
{
    __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
    r->family = family;
    r->type = BPF_CORE_READ_BITFIELD_PROBED(sk, sk_type);
    r->protocol = BPF_CORE_READ_BITFIELD_PROBED(sk, sk_protocol);
    r->local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
    r->remote_port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
    BPF_CORE_READ_INTO(&r->local_addr4, sk, __sk_common.skc_rcv_saddr);
    BPF_CORE_READ_INTO(&r->remote_addr4, sk, __sk_common.skc_daddr);
    if (family == AF_INET6) {
        BPF_CORE_READ_INTO(&r->local_addr, sk, __sk_common.skc_v6_rcv_saddr.in6_u.u6_addr8);
        BPF_CORE_READ_INTO(&r->remote_addr, sk, __sk_common.skc_v6_daddr.in6_u.u6_addr8);
    }
    r->has_socket = 1;
}

static __always_inline int on_exit(long ret)
{
    struct task_struct *task = bpf_get_current_task_btf();
    struct pending *p = bpf_task_storage_get(&pending_calls, task, 0, 0);
    if (!p || !p->start_ns)
        return 0;
    struct pending call = *p;
    p->start_ns = 0;
    /* A non-blocking accept with no client waiting is noise, not an event. */
    if (call.action == SOCKET_ACCEPT && ret < 0)
        return 0;

    struct socket_record r = {};
    fill_header(&r.h, RECORD_SOCKET, sizeof(r));
    const struct cred *cred = task->cred;
    r.uid = cred->uid.val; /* the kernel's ids, as the host sees them */
    r.gid = cred->gid.val;
    r.ret = (__s32)ret;
    r.action = call.action;
    r.fd = call.action == SOCKET_ACCEPT ? (__s32)ret : call.fd;
    r.ppid = task->real_parent->tgid;
    r.auid = task->loginuid.val;
    r.cgroup_id = bpf_get_current_cgroup_id();
    r.duration_ns = r.h.ktime_ns - call.start_ns;
    __builtin_memcpy(r.comm, task->comm, sizeof(r.comm));

    if (call.sockaddr) {
        __u32 len = call.sockaddr_len < SOCKADDR_MAX ? call.sockaddr_len : SOCKADDR_MAX;
        if (bpf_probe_read_user(r.sockaddr, len & 31, (void *)call.sockaddr) == 0)
            r.sockaddr_len = len;
        r.family = *(__u16 *)r.sockaddr;
    }
    if (ret >= 0 || (call.action == SOCKET_CONNECT && ret == -EINPROGRESS)) {
        struct sock *sk = sock_of(task, r.fd);
        if (sk)
            read_sock(&r, sk);
    }
    if (r.family != AF_INET && r.family != AF_INET6)
        return 0; /* Unix, netlink and other families are not reported */
    submit(&r, sizeof(r));
    return 0;
}

/* Classic tracepoints: one pair per syscall. */
SEC("tracepoint/syscalls/sys_enter_connect")
int tp_enter_connect(struct trace_event_raw_sys_enter *ctx) { return on_enter(ctx->id, ctx->args[0], ctx->args[1], ctx->args[2]); }
SEC("tracepoint/syscalls/sys_exit_connect")
int tp_exit_connect(struct trace_event_raw_sys_exit *ctx) { return on_exit(ctx->ret); }
SEC("tracepoint/syscalls/sys_enter_accept")
int tp_enter_accept(struct trace_event_raw_sys_enter *ctx) { return on_enter(ctx->id, ctx->args[0], 0, 0); }
SEC("tracepoint/syscalls/sys_exit_accept")
int tp_exit_accept(struct trace_event_raw_sys_exit *ctx) { return on_exit(ctx->ret); }
SEC("tracepoint/syscalls/sys_enter_accept4")
int tp_enter_accept4(struct trace_event_raw_sys_enter *ctx) { return on_enter(ctx->id, ctx->args[0], 0, 0); }
SEC("tracepoint/syscalls/sys_exit_accept4")
int tp_exit_accept4(struct trace_event_raw_sys_exit *ctx) { return on_exit(ctx->ret); }
SEC("tracepoint/syscalls/sys_enter_bind")
int tp_enter_bind(struct trace_event_raw_sys_enter *ctx) { return on_enter(ctx->id, ctx->args[0], ctx->args[1], ctx->args[2]); }
SEC("tracepoint/syscalls/sys_exit_bind")
int tp_exit_bind(struct trace_event_raw_sys_exit *ctx) { return on_exit(ctx->ret); }
SEC("tracepoint/syscalls/sys_enter_listen")
int tp_enter_listen(struct trace_event_raw_sys_enter *ctx) { return on_enter(ctx->id, ctx->args[0], 0, 0); }
SEC("tracepoint/syscalls/sys_exit_listen")
int tp_exit_listen(struct trace_event_raw_sys_exit *ctx) { return on_exit(ctx->ret); }

/* Raw tracepoints: sys_enter(struct pt_regs *regs, long id), sys_exit(struct pt_regs *regs, long ret). */
SEC("raw_tp/sys_enter")
int raw_enter(struct bpf_raw_tracepoint_args *ctx)
{
    long nr = (long)ctx->args[1];
    if (!action_of(nr))
        return 0;
    struct pt_regs *regs = (struct pt_regs *)ctx->args[0];
    return on_enter(nr, PT_REGS_PARM1_CORE_SYSCALL(regs), PT_REGS_PARM2_CORE_SYSCALL(regs),
                    PT_REGS_PARM3_CORE_SYSCALL(regs));
}

SEC("raw_tp/sys_exit")
int raw_exit(struct bpf_raw_tracepoint_args *ctx)
{
    return on_exit((long)ctx->args[1]);
}

char LICENSE[] SEC("license") = "GPL";
