// SPDX-License-Identifier: GPL-2.0
// The process sensor's handlers, included by process.bpf.c once per hook kind with VARIANT(name) naming the
// functions, KREAD(src, a, b...) reading src->a->b (directly for tp_btf, with BPF_CORE_READ for raw_tp) and
// KCOMM(task, dst) copying the command name of task, which is always the current task.
// Credentials are the kernel's (the init user namespace's ids, as the host sees them) in both.

static __always_inline int VARIANT(on_exec)(struct task_struct *task, pid_t old_pid, struct linux_binprm *bprm)
{
    if (is_self())
        return 0;
    __u32 zero = 0;
    struct exec_record *r = bpf_map_lookup_elem(&exec_scratch, &zero);
    if (!r)
        return 0;
    bool truncated = false;
    __u16 flags = 0;

    r->ppid = KREAD(task, real_parent, tgid);
    r->uid = KREAD(task, cred, uid.val);
    r->gid = KREAD(task, cred, gid.val);
    r->euid = KREAD(task, cred, euid.val);
    r->egid = KREAD(task, cred, egid.val);
    r->suid = KREAD(task, cred, suid.val);
    r->sgid = KREAD(task, cred, sgid.val);
    r->fsuid = KREAD(task, cred, fsuid.val);
    r->fsgid = KREAD(task, cred, fsgid.val);
    r->auid = KREAD(task, loginuid.val);
    r->old_tid = old_pid;
    r->cgroup_id = bpf_get_current_cgroup_id();
    r->start_ns = KREAD(task, start_time);
    KCOMM(task, r->comm);

    struct inode *inode = KREAD(bprm, file, f_inode);
    r->file_mode = KREAD(inode, i_mode);
    r->file_uid = KREAD(inode, i_uid.val);
    r->file_gid = KREAD(inode, i_gid.val);
    r->file_ino = KREAD(inode, i_ino);
    r->file_dev = KREAD(inode, i_sb, s_dev);
    read_inode_times(inode, r);

    struct path exe = KREAD(bprm, file, f_path);
    __u32 path_len = read_path(&exe, r->data, &truncated);
    if (truncated)
        flags |= EXEC_PATH_TRUNCATED;
    if (path_len > PATH_SLOT) /* never (read_path writes at most PATH_SLOT bytes): bounds the offset for the verifier */
        return 0;
    truncated = false;
    struct path pwd = KREAD(task, fs, pwd);
    __u32 cwd_len = read_path(&pwd, &r->data[path_len], &truncated);
    if (truncated)
        flags |= EXEC_CWD_TRUNCATED;
    __u32 off = path_len + cwd_len;
    if (cwd_len > PATH_SLOT || off > 2 * PATH_SLOT) /* never, as above */
        return 0;
    r->path_len = path_len;
    r->cwd_len = cwd_len;

    unsigned long arg_start = KREAD(task, mm, arg_start);
    unsigned long arg_end = KREAD(task, mm, arg_end);
    __u64 len = arg_end > arg_start ? arg_end - arg_start : 0;
    if (len > ARGV_MAX - 1) {
        len = ARGV_MAX - 1;
        flags |= EXEC_ARGV_TRUNCATED;
    }
    if (bpf_probe_read_user(&r->data[off], len & (ARGV_MAX - 1), (void *)arg_start) != 0)
        len = 0;
    r->argv_len = len;

    __u64 size = offsetof(struct exec_record, data) + off + (len & (ARGV_MAX - 1));
    fill_header(&r->h, RECORD_EXEC, size);
    r->h.flags = flags;
    submit(r, size);
    return 0;
}

static __always_inline int VARIANT(on_exit)(struct task_struct *task)
{
    /* sched_process_exit fires for every thread; report the process when its last thread exits. */
    if (KREAD(task, signal, live.counter) != 0 || is_self())
        return 0;
    struct exit_record r = {};
    fill_header(&r.h, RECORD_EXIT, sizeof(r));
    r.ppid = KREAD(task, real_parent, tgid);
    r.uid = KREAD(task, cred, uid.val);
    r.gid = KREAD(task, cred, gid.val);
    r.exit_code = KREAD(task, exit_code);
    r.start_ns = KREAD(task, group_leader, start_time);
    KCOMM(task, r.comm);
    submit(&r, sizeof(r));
    return 0;
}

static __always_inline int VARIANT(on_fork)(struct task_struct *parent, struct task_struct *child)
{
    /* Threads share their creator's tgid; only new processes count. */
    if (KREAD(child, pid) != KREAD(child, tgid) || is_self())
        return 0;
    struct fork_record r = {};
    fill_header(&r.h, RECORD_FORK, sizeof(r));
    r.child_pid = KREAD(child, tgid);
    r.uid = KREAD(parent, cred, uid.val);
    r.gid = KREAD(parent, cred, gid.val);
    r.child_start_ns = KREAD(child, start_time);
    KCOMM(parent, r.comm);
    submit(&r, sizeof(r));
    return 0;
}

