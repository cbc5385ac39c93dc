package dev.vigil.tables.process;

import dev.vigil.os.FileStat;
import dev.vigil.os.HostFiles;
import dev.vigil.os.OsException;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.text.RawText;

import java.util.Optional;

/**
 * osquery's {@code processes}: one row per process, from /proc/[pid]/{stat,status,cmdline,exe,cwd,root,io,cgroup}.
 * Files are read only for the columns the query uses; {@code pid = } and {@code pid IN (...)} read only those
 * processes.
 *
 * <p>Units follow osquery: user_time and system_time in milliseconds, start_time in seconds since the epoch
 * (boot time from /proc/stat's btime plus starttime in clock ticks), sizes in bytes. Vigil reports sizes as
 * KiB × 1024 (osquery multiplies by 1000) and wired_size as VmLck, the memory locked into RAM (osquery reports 0).
 */
public final class ProcessesTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID", Column.Flag.INDEX);
    static final Column NAME = COLUMNS.text("name", "The process path or shorthand argv[0]");
    static final Column PATH = COLUMNS.text("path", "Path to executed binary");
    static final Column CMDLINE = COLUMNS.text("cmdline", "Complete argv");
    static final Column STATE = COLUMNS.text("state", "Process state");
    static final Column CWD = COLUMNS.text("cwd", "Process current working directory");
    static final Column ROOT = COLUMNS.text("root", "Process virtual root directory");
    static final Column UID = COLUMNS.bigint("uid", "Unsigned user ID");
    static final Column GID = COLUMNS.bigint("gid", "Unsigned group ID");
    static final Column EUID = COLUMNS.bigint("euid", "Unsigned effective user ID");
    static final Column EGID = COLUMNS.bigint("egid", "Unsigned effective group ID");
    static final Column SUID = COLUMNS.bigint("suid", "Unsigned saved user ID");
    static final Column SGID = COLUMNS.bigint("sgid", "Unsigned saved group ID");
    static final Column ON_DISK = COLUMNS.integer("on_disk", "The process path exists yes=1, no=0, unknown=-1");
    static final Column WIRED_SIZE = COLUMNS.bigint("wired_size", "Bytes of unpageable memory used by process");
    static final Column RESIDENT_SIZE = COLUMNS.bigint("resident_size", "Bytes of private memory used by process");
    static final Column TOTAL_SIZE = COLUMNS.bigint("total_size", "Total virtual memory size");
    static final Column USER_TIME = COLUMNS.bigint("user_time", "CPU time in milliseconds spent in user space");
    static final Column SYSTEM_TIME = COLUMNS.bigint("system_time", "CPU time in milliseconds spent in kernel space");
    static final Column DISK_BYTES_READ = COLUMNS.bigint("disk_bytes_read", "Bytes read from disk");
    static final Column DISK_BYTES_WRITTEN = COLUMNS.bigint("disk_bytes_written", "Bytes written to disk");
    static final Column START_TIME = COLUMNS.bigint("start_time", "Process start time in seconds since Epoch");
    static final Column PARENT = COLUMNS.bigint("parent", "Process parent's PID");
    static final Column PGROUP = COLUMNS.bigint("pgroup", "Process group");
    static final Column THREADS = COLUMNS.integer("threads", "Number of threads used by process");
    static final Column NICE = COLUMNS.integer("nice", "Process nice level (-20 to 20, default 0)");
    static final Column CGROUP_PATH = COLUMNS.text("cgroup_path",
            "The full hierarchical path of the process's control group");

    static final TableSpec SPEC = TableSpec.of("processes", "All running processes on the host system.", COLUMNS,
            "SELECT pid, name, path, cmdline FROM processes WHERE pid = 1",
            "SELECT pid, name, path FROM processes WHERE on_disk = 0");

    private static final String DELETED_SUFFIX = " (deleted)";

    private final HostPaths host;
    private final Procfs procfs;

    public ProcessesTable(HostPaths host) {
        this.host = host;
        this.procfs = new Procfs(host.proc());
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return procfs.unavailable();
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        Long bootTime = context.isUsed(START_TIME) ? procfs.bootTime() : null;
        for (long pid : procfs.pids(context, PID)) {
            Row row = readProcess(context, pid, bootTime);
            if (row != null) {
                out.add(row);
            }
        }
    }

    /** The row of one process, or null if it vanished. */
    private Row readProcess(QueryContext context, long pid, Long bootTime) {
        String statText = procfs.readText(pid, "stat");
        if (statText == null) {
            return null;
        }
        ProcessStat stat;
        try {
            stat = ProcessStat.parse(statText);
        } catch (IllegalArgumentException e) {
            // the stat of a process that exits while it is read can come back empty or cut: skipped, as osquery does
            context.note("pid " + pid + ": " + e.getMessage());
            return null;
        }
        Row row = new Row(SPEC);
        row.set(PID, pid);
        row.set(STATE, stat.state());
        row.set(PARENT, stat.parent());
        row.set(PGROUP, stat.group());
        row.set(NICE, stat.nice());
        row.set(THREADS, stat.threads());
        row.set(USER_TIME, stat.userTicks() * 1000 / Procfs.CLOCK_TICKS_PER_SECOND);
        row.set(SYSTEM_TIME, stat.systemTicks() * 1000 / Procfs.CLOCK_TICKS_PER_SECOND);
        if (bootTime != null) {
            row.set(START_TIME, bootTime + stat.startTicks() / Procfs.CLOCK_TICKS_PER_SECOND);
        }

        if (context.isAnyUsed(NAME, UID, GID, EUID, EGID, SUID, SGID, WIRED_SIZE, RESIDENT_SIZE, TOTAL_SIZE)) {
            String statusText = procfs.readText(pid, "status");
            ProcessStatus status = statusText == null ? null : ProcessStatus.parse(statusText);
            row.set(NAME, status != null && status.name() != null ? status.name() : stat.comm());
            if (status != null) {
                setIds(row, status.uids(), UID, EUID, SUID);
                setIds(row, status.gids(), GID, EGID, SGID);
                row.set(WIRED_SIZE, ProcessStatus.bytes(status.vmLckKb()));
                row.set(RESIDENT_SIZE, ProcessStatus.bytes(status.vmRssKb()));
                row.set(TOTAL_SIZE, ProcessStatus.bytes(status.vmSizeKb()));
            }
        }
        // Kernel threads have no exe, cwd or root: skip the readlinks, whose failures are costly exceptions.
        boolean kernelThread = stat.isKernelThread();
        if (context.isAnyUsed(PATH, ON_DISK)) {
            setPathAndOnDisk(row, pid, kernelThread ? null : procfs.readLink(pid, "exe"));
        }
        if (context.isUsed(CMDLINE)) {
            byte[] cmdline = procfs.readBytes(pid, "cmdline");
            if (cmdline != null) {
                row.set(CMDLINE, ProcessText.cmdline(cmdline));
            }
        }
        if (context.isUsed(CWD) && !kernelThread) {
            row.set(CWD, procfs.readLink(pid, "cwd"));
        }
        if (context.isUsed(ROOT) && !kernelThread) {
            row.set(ROOT, procfs.readLink(pid, "root"));
        }
        if (context.isAnyUsed(DISK_BYTES_READ, DISK_BYTES_WRITTEN)) {
            String io = procfs.readText(pid, "io");
            if (io != null) {
                ProcessIo counters = ProcessIo.parse(io);
                row.set(DISK_BYTES_READ, counters.readBytes());
                row.set(DISK_BYTES_WRITTEN, counters.netWriteBytes());
            }
        }
        if (context.isUsed(CGROUP_PATH)) {
            String cgroup = procfs.readText(pid, "cgroup");
            if (cgroup != null) {
                row.set(CGROUP_PATH, ProcessText.cgroupPath(cgroup));
            }
        }
        return row;
    }

    private static void setIds(Row row, long[] ids, Column real, Column effective, Column saved) {
        if (ids != null) {
            row.set(real, ids[0]);
            row.set(effective, ids[1]);
            row.set(saved, ids[2]);
        }
    }

    /**
     * Sets path and on_disk the way osquery does: on_disk is -1 when the exe link is unreadable (kernel threads,
     * no permission), 1 when the binary exists, 0 when it does not. The kernel appends " (deleted)" to the link of
     * an unlinked binary; the suffix is removed unless a file of that very name is the running binary.
     */
    private void setPathAndOnDisk(Row row, long pid, String exe) {
        if (exe == null) {
            row.set(ON_DISK, -1L);
            return;
        }
        FileStat onDisk = stat(hostName(exe));
        if (!exe.endsWith(DELETED_SUFFIX)) {
            row.set(PATH, exe);
            row.set(ON_DISK, onDisk != null);
            return;
        }
        if (onDisk != null && onDisk.sameFile(stat(RawText.encode(procfs.processDirectory(pid).resolve("exe").toString())))) {
            row.set(PATH, exe);
            row.set(ON_DISK, 1L);
            return;
        }
        row.set(PATH, exe.substring(0, exe.length() - DELETED_SUFFIX.length()));
        row.set(ON_DISK, 0L);
    }

    /** The raw name of a host path under this table's root (the path itself on the live host). */
    private byte[] hostName(String path) {
        byte[] name = RawText.encode(path);
        if (host.isLive()) {
            return name;
        }
        byte[] root = RawText.encode(host.root().toString());
        byte[] out = java.util.Arrays.copyOf(root, root.length + name.length);
        System.arraycopy(name, 0, out, root.length, name.length);
        return out;
    }

    /** stat(2), following links; null if the name leads nowhere. */
    private static FileStat stat(byte[] name) {
        try {
            return HostFiles.stat(name);
        } catch (OsException e) {
            return null;
        }
    }
}
