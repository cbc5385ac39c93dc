package dev.vigil.sensors.process;

import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.RecordReader;
import dev.vigil.sensors.TextCache;
import dev.vigil.sensors.WallClock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decodes the records of process.bpf.c (struct exec_record, exit_record, fork_record; host byte order) into
 * {@link ProcessEvent}s. Pure: bytes in, event out; a record that does not fit its type's layout is rejected
 * with {@link MalformedRecordException}. The offsets below mirror the C structs and are checked against the
 * compiled object's BTF by a test.
 */
public final class ProcessRecordDecoder {
    public static final int RECORD_EXEC = 1;
    public static final int RECORD_EXIT = 2;
    public static final int RECORD_FORK = 3;
    /** The longest argv (all arguments with their NULs) an exec record carries, in bytes. */
    public static final int ARGV_MAX = 4095;

    static final int EXEC_ARGV_TRUNCATED = 0x1;
    static final int EXEC_PATH_TRUNCATED = 0x2;
    static final int EXEC_CWD_TRUNCATED = 0x4;

    // struct record_header
    static final int H_TYPE = 0;
    static final int H_FLAGS = 2;
    static final int H_SIZE = 4;
    static final int H_KTIME = 8;
    static final int H_TGID = 16;
    static final int H_TID = 20;
    static final int HEADER_SIZE = 24;
    // struct exec_record
    static final int EXEC_PPID = 24;
    static final int EXEC_UID = 28;
    static final int EXEC_GID = 32;
    static final int EXEC_EUID = 36;
    static final int EXEC_EGID = 40;
    static final int EXEC_SUID = 44;
    static final int EXEC_SGID = 48;
    static final int EXEC_FSUID = 52;
    static final int EXEC_FSGID = 56;
    static final int EXEC_AUID = 60;
    static final int EXEC_OLD_TID = 64;
    static final int EXEC_FILE_MODE = 68;
    static final int EXEC_CGROUP_ID = 72;
    static final int EXEC_START_NS = 80;
    static final int EXEC_COMM = 88;
    static final int EXEC_PATH_LEN = 104;
    static final int EXEC_CWD_LEN = 106;
    static final int EXEC_ARGV_LEN = 108;
    static final int EXEC_FILE_UID = 112;
    static final int EXEC_FILE_GID = 116;
    static final int EXEC_FILE_INO = 120;
    static final int EXEC_FILE_ATIME = 128;
    static final int EXEC_FILE_MTIME = 136;
    static final int EXEC_FILE_CTIME = 144;
    static final int EXEC_FILE_DEV = 152;
    /** Where the packed path, cwd and argv start. */
    static final int EXEC_DATA = 160;
    static final int PATH_SLOT = 512;
    // struct exit_record
    static final int EXIT_PPID = 24;
    static final int EXIT_UID = 28;
    static final int EXIT_GID = 32;
    static final int EXIT_CODE = 36;
    static final int EXIT_START_NS = 40;
    static final int EXIT_COMM = 48;
    static final int EXIT_SIZE = 64;
    // struct fork_record
    static final int FORK_CHILD_PID = 24;
    static final int FORK_UID = 28;
    static final int FORK_GID = 32;
    static final int FORK_CHILD_START_NS = 40;
    static final int FORK_COMM = 48;
    static final int FORK_SIZE = 64;
    static final int COMM_SIZE = 16;

    private final WallClock clock;
    /** Command names and paths repeat from exec to exec: decoded once, then shared. */
    private final TextCache texts = new TextCache();

    public ProcessRecordDecoder(WallClock clock) {
        this.clock = clock;
    }

    /** Not thread-safe: a decoder serves one reader thread. */
    public ProcessEvent decode(byte[] record) throws MalformedRecordException {
        RecordReader r = new RecordReader(record);
        int type = r.u16(H_TYPE);
        long size = r.u32(H_SIZE);
        if (size != record.length) {
            throw new MalformedRecordException("record type " + type + " says " + size + " bytes, has " + record.length);
        }
        long ktime = r.u64(H_KTIME);
        int pid = r.s32(H_TGID);
        int tid = r.s32(H_TID);
        return switch (type) {
            case RECORD_EXEC -> exec(r, ktime, pid, tid);
            case RECORD_EXIT -> {
                requireSize(r, EXIT_SIZE, "exit");
                long start = r.u64(EXIT_START_NS);
                yield new ProcessEvent(ProcessEvent.Kind.EXIT, ktime, clock.toEpochNanos(ktime), pid, tid,
                        r.s32(EXIT_PPID), ProcessEvent.Credentials.of(r.u32(EXIT_UID), r.u32(EXIT_GID)), 0,
                        r.cString(EXIT_COMM, COMM_SIZE, texts), null, r.s32(EXIT_CODE), start > 0 && ktime >= start ? ktime - start : null,
                        null, null);
            }
            case RECORD_FORK -> {
                requireSize(r, FORK_SIZE, "fork");
                yield new ProcessEvent(ProcessEvent.Kind.FORK, ktime, clock.toEpochNanos(ktime), pid, tid, 0,
                        ProcessEvent.Credentials.of(r.u32(FORK_UID), r.u32(FORK_GID)), 0,
                        r.cString(FORK_COMM, COMM_SIZE, texts), null, null, null, r.s32(FORK_CHILD_PID), null);
            }
            default -> throw new MalformedRecordException("unknown process record type " + type);
        };
    }

    private ProcessEvent exec(RecordReader r, long ktime, int pid, int tid) throws MalformedRecordException {
        if (r.size() < EXEC_DATA) {
            throw new MalformedRecordException("exec record of " + r.size() + " bytes, shorter than its " + EXEC_DATA + "-byte head");
        }
        int flags = r.u16(H_FLAGS);
        int pathLen = r.u16(EXEC_PATH_LEN);
        int cwdLen = r.u16(EXEC_CWD_LEN);
        int argvLen = r.u16(EXEC_ARGV_LEN);
        if (pathLen > PATH_SLOT || cwdLen > PATH_SLOT || argvLen > ARGV_MAX || EXEC_DATA + pathLen + cwdLen + argvLen != r.size()) {
            throw new MalformedRecordException("exec record lengths out of range: path " + pathLen + ", cwd " + cwdLen
                    + ", argv " + argvLen + " in " + r.size() + " bytes");
        }
        ProcessEvent.Credentials credentials = new ProcessEvent.Credentials(r.u32(EXEC_UID), r.u32(EXEC_GID),
                r.u32(EXEC_EUID), r.u32(EXEC_EGID), r.u32(EXEC_SUID), r.u32(EXEC_SGID), r.u32(EXEC_FSUID),
                r.u32(EXEC_FSGID), r.u32(EXEC_AUID));
        List<String> argv = r.nulSeparated(EXEC_DATA + pathLen + cwdLen, argvLen);
        ProcessEvent.Image image = new ProcessEvent.Image(
                cachedPath(r, EXEC_DATA, pathLen), cachedPath(r, EXEC_DATA + pathLen, cwdLen), argv,
                (flags & EXEC_ARGV_TRUNCATED) != 0, (flags & (EXEC_PATH_TRUNCATED | EXEC_CWD_TRUNCATED)) != 0,
                r.u64(EXEC_START_NS));
        ProcessEvent.ExecutableFile file = new ProcessEvent.ExecutableFile(modeText(r.u32(EXEC_FILE_MODE)),
                r.u32(EXEC_FILE_UID), r.u32(EXEC_FILE_GID), r.s64(EXEC_FILE_ATIME), r.s64(EXEC_FILE_MTIME),
                r.s64(EXEC_FILE_CTIME), null, userDevice(r.u32(EXEC_FILE_DEV)), r.u64(EXEC_FILE_INO));
        return new ProcessEvent(ProcessEvent.Kind.EXEC, ktime, clock.toEpochNanos(ktime), pid, tid, r.s32(EXEC_PPID),
                credentials, r.u64(EXEC_CGROUP_ID), r.cString(EXEC_COMM, COMM_SIZE, texts), image, null, null, null, file);
    }

    /** A mode as osquery prints it: octal, type bits included ("0100755" for a regular executable). */
    static String modeText(long mode) {
        return String.format("%07o", mode & 0xffff);
    }

    /**
     * A kernel dev_t (major in the top 12 bits, minor in the low 20) in the encoding stat(2) reports in st_dev
     * (glibc's makedev), so the two can be compared.
     */
    static long userDevice(long kernelDev) {
        long major = kernelDev >>> 20;
        long minor = kernelDev & 0xfffff;
        return (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xffL) << 12) | ((major & ~0xfffL) << 32);
    }

    private String cachedPath(RecordReader r, int offset, int length) throws MalformedRecordException {
        return r.formatted(offset, length, 1, texts, bytes -> {
            try {
                return path(new RecordReader(bytes).nulSeparated(0, bytes.length));
            } catch (MalformedRecordException e) {
                throw new IllegalStateException(e); // cannot happen: the whole array is in bounds
            }
        });
    }

    /** Joins path components written leaf first (see read_path in process.bpf.c) into an absolute path. */
    static String path(List<String> leafFirst) {
        List<String> parts = new ArrayList<>(leafFirst);
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) {
            return "/";
        }
        Collections.reverse(parts);
        return "/" + String.join("/", parts);
    }

    private static void requireSize(RecordReader r, int size, String what) throws MalformedRecordException {
        if (r.size() != size) {
            throw new MalformedRecordException(what + " record of " + r.size() + " bytes, expected " + size);
        }
    }
}
