// SPDX-License-Identifier: GPL-2.0
// Process sensor: exec, exit and fork of processes (not threads), from the scheduler's tracepoints
// (include/trace/events/sched.h). Each event has two programs, one per hook kind: tp_btf (BTF-typed) and raw_tp
// (for kernels without BTF trampolines). User space loads only the kind it chose. Both receive the tracepoint's
// arguments in the same order; the handlers (process_handlers.h) are compiled once per kind, to read fields
// directly through BTF pointers in one and with CO-RE reads in the other.
#include "vigil.bpf.h"

#define RECORD_EXEC 1
#define RECORD_EXIT 2
#define RECORD_FORK 3

#define EXEC_ARGV_TRUNCATED 0x1
#define EXEC_PATH_TRUNCATED 0x2
#define EXEC_CWD_TRUNCATED 0x4

/* A path is written as its components, leaf first, each NUL-terminated: at most PATH_FILL bytes of components
   plus one last component of up to NAME_MAX bytes, PATH_SLOT in all. User space reverses and joins them. */
#define PATH_SLOT 512
#define PATH_FILL 256
#define PATH_DEPTH 32
/* argv as the process laid it out (NUL-separated), up to ARGV_MAX - 1 bytes; longer ones are truncated. */
#define ARGV_MAX 4096
#define DATA_MAX (2 * PATH_SLOT + ARGV_MAX)

/* An exec record is packed: data[] holds path_len bytes of path, then cwd_len bytes of cwd, then argv_len bytes
   of argv, and the record ends there. */
struct exec_record {
    struct record_header h;
    __u32 ppid;
    __u32 uid;
    __u32 gid;
    __u32 euid;
    __u32 egid;
    __u32 suid;
    __u32 sgid;
    __u32 fsuid;
    __u32 fsgid;
    __u32 auid;         /* login uid (audit), 4294967295 when unset */
    __u32 old_tid;      /* the exec'ing thread's id before exec (differs when a non-leader thread exec'd) */
    __u32 file_mode;    /* the executed file's inode: i_mode (type and permission bits) */
    __u64 cgroup_id;
    __u64 start_ns;     /* task start_time: CLOCK_MONOTONIC at fork */
    char comm[16];
    __u16 path_len;     /* bytes of path at the start of data[] */
    __u16 cwd_len;      /* bytes of cwd after them */
    __u16 argv_len;     /* bytes of argv after those */
    __u16 pad;
    /* The rest of the executed file's inode, read when it runs, so they are the file that ran even if it is
       replaced or deleted right after. */
    __u32 file_uid;
    __u32 file_gid;
    __u64 file_ino;
    __s64 file_atime;   /* seconds since the epoch */
    __s64 file_mtime;
    __s64 file_ctime;
    __u32 file_dev;     /* the file system's device, kernel encoding: major << 20 | minor */
    __u32 pad2;
    char data[DATA_MAX];
};

/* struct inode's timestamps have moved between kernels: timespec64 i_atime, i_mtime, i_ctime up to 6.5; __i_ctime
   from 6.6; __i_atime and __i_mtime from 6.7; seconds and nanoseconds apart (i_atime_sec ...) from 6.11. These
   flavors let one object read whichever the running kernel has. */
struct inode___seconds {
    time64_t i_atime_sec;
    time64_t i_mtime_sec;
    time64_t i_ctime_sec;
} __attribute__((preserve_access_index));

struct inode___hidden {
    struct timespec64 __i_atime;
    struct timespec64 __i_mtime;
    struct timespec64 __i_ctime;
} __attribute__((preserve_access_index));

struct inode___timespec {
    struct timespec64 i_atime;
    struct timespec64 i_mtime;
    struct timespec64 i_ctime;
} __attribute__((preserve_access_index));

static __always_inline void read_inode_times(struct inode *inode, struct exec_record *r)
{
    struct inode___seconds *s = (void *)inode;
    struct inode___hidden *h = (void *)inode;
    struct inode___timespec *t = (void *)inode;
    if (bpf_core_field_exists(s->i_atime_sec)) {
        r->file_atime = BPF_CORE_READ(s, i_atime_sec);
        r->file_mtime = BPF_CORE_READ(s, i_mtime_sec);
        r->file_ctime = BPF_CORE_READ(s, i_ctime_sec);
        return;
    }
    r->file_atime = bpf_core_field_exists(h->__i_atime) ? BPF_CORE_READ(h, __i_atime.tv_sec) : BPF_CORE_READ(t, i_atime.tv_sec);
    r->file_mtime = bpf_core_field_exists(h->__i_mtime) ? BPF_CORE_READ(h, __i_mtime.tv_sec) : BPF_CORE_READ(t, i_mtime.tv_sec);
    r->file_ctime = bpf_core_field_exists(h->__i_ctime) ? BPF_CORE_READ(h, __i_ctime.tv_sec) : BPF_CORE_READ(t, i_ctime.tv_sec);
}

struct exit_record {
    struct record_header h;
    __u32 ppid;
    __u32 uid;
    __u32 gid;
    __u32 exit_code;    /* raw wait status: (code << 8) | termination signal */
    __u64 start_ns;
    char comm[16];
};

struct fork_record {
    struct record_header h; /* tgid, tid: the parent */
    __u32 child_pid;
    __u32 uid;
    __u32 gid;
    __u32 pad;
    __u64 child_start_ns;
    char comm[16];
};

/* Scratch space for the exec record, too big for the 512-byte BPF stack. */
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct exec_record);
} exec_scratch SEC(".maps");

/* The state of a path walk (read_path); on the stack, handed to each bpf_loop step. */
struct path_walk {
    struct dentry *dentry;
    struct mount *mnt;
    struct dentry *mnt_root;  /* of mnt, read once per mount */
    char *slot;
    __u32 off;
    bool truncated;
};

/* One step of a path walk: writes the current component, or crosses a mount point. 1 stops the loop. */
static long path_step(__u32 index, struct path_walk *w)
{
    struct dentry *dentry = w->dentry;
    struct mount *mnt = w->mnt;
    struct dentry *parent = BPF_CORE_READ(dentry, d_parent);

    if (dentry == w->mnt_root || dentry == parent) {
        struct mount *mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
        if (mnt_parent == mnt || !mnt_parent)
            return 1; /* the global root */
        w->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
        w->mnt = mnt_parent;
        w->mnt_root = BPF_CORE_READ(mnt_parent, mnt.mnt_root);
        return 0;
    }
    __u32 off = w->off;
    if (off >= PATH_FILL) {
        w->truncated = true;
        return 1;
    }
    const unsigned char *name = BPF_CORE_READ(dentry, d_name.name);
    long n = bpf_probe_read_kernel_str(&w->slot[off & (PATH_FILL - 1)], PATH_SLOT - PATH_FILL, name);
    if (n > 0)
        w->off = off + n;
    w->dentry = parent;
    return 0;
}

/* Writes the path's components into slot (up to PATH_SLOT bytes), leaf first, crossing mount points up to the
   global root, with bpf_loop (kernel 5.17+) so the verifier checks one step, not every depth.
   Returns the bytes used; sets *truncated when the path is deeper or longer than the slot. */
static __always_inline __u32 read_path(struct path *path, char *slot, bool *truncated)
{
    struct vfsmount *vfsmnt = path->mnt; /* path is a copy on the stack */
    struct path_walk w = {
        .dentry = path->dentry,
        .mnt = container_of(vfsmnt, struct mount, mnt),
        .mnt_root = BPF_CORE_READ(vfsmnt, mnt_root),
        .slot = slot,
        .off = 0,
        .truncated = false,
    };
    long steps = bpf_loop(PATH_DEPTH, path_step, &w, 0);
    if (steps >= PATH_DEPTH)
        w.truncated = true;
    *truncated = w.truncated;
    return w.off;
}

/* The handlers, compiled twice: for tp_btf, where the tracepoint's arguments are BTF pointers that programs load
   from directly (next to free), and for raw_tp, where every field costs a bpf_probe_read_kernel (~40 ns each,
   ~25 per exec). KREAD(src, a, b) is src->a->b either way. */
#define VARIANT(name) name##_btf
#define KREAD(...) ___arrow(__VA_ARGS__)
#define KCOMM(task, dst) __builtin_memcpy(dst, (task)->comm, 16)
#include "process_handlers.h"
#undef VARIANT
#undef KREAD
#undef KCOMM

#define VARIANT(name) name##_raw
#define KREAD(...) BPF_CORE_READ(__VA_ARGS__)
#define KCOMM(task, dst) bpf_get_current_comm(dst, 16)
#include "process_handlers.h"
#undef VARIANT
#undef KREAD
#undef KCOMM

/* tp_btf: the tracepoint's typed arguments. */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(exec_btf, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
    return on_exec_btf(p, old_pid, bprm);
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(exit_btf, struct task_struct *p)
{
    return on_exit_btf(p);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(fork_btf, struct task_struct *parent, struct task_struct *child)
{
    return on_fork_btf(parent, child);
}

/* raw_tp: the same arguments as untyped u64s (struct bpf_raw_tracepoint_args). */
SEC("raw_tp/sched_process_exec")
int exec_raw(struct bpf_raw_tracepoint_args *ctx)
{
    return on_exec_raw((struct task_struct *)ctx->args[0], (pid_t)ctx->args[1], (struct linux_binprm *)ctx->args[2]);
}

SEC("raw_tp/sched_process_exit")
int exit_raw(struct bpf_raw_tracepoint_args *ctx)
{
    return on_exit_raw((struct task_struct *)ctx->args[0]);
}

SEC("raw_tp/sched_process_fork")
int fork_raw(struct bpf_raw_tracepoint_args *ctx)
{
    return on_fork_raw((struct task_struct *)ctx->args[0], (struct task_struct *)ctx->args[1]);
}

char LICENSE[] SEC("license") = "GPL";
