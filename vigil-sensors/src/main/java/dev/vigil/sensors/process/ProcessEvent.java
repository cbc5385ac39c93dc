package dev.vigil.sensors.process;

import dev.vigil.sensors.SensorEvent;

import java.util.List;
import java.util.Objects;

/**
 * One exec, exit or fork of a process, as the process sensor saw it. Fields a kind does not carry are null.
 *
 * @param type           what happened
 * @param monotonicNanos when, CLOCK_MONOTONIC
 * @param timeNanos      when, Unix epoch
 * @param pid            the process (for a fork: the parent)
 * @param tid            the thread that did it
 * @param ppid           the parent process id (for a fork: the parent's parent)
 * @param credentials    the process's credentials; exit and fork carry only uid and gid
 * @param cgroupId       the cgroup v2 id (exec only, else 0)
 * @param comm           the command name
 * @param image          what the process runs: path, cwd, argv; on exit, its last exec if the sensor saw it
 * @param waitStatus     exit only: the raw wait status (exit code in bits 8-15, terminating signal in bits 0-6)
 * @param durationNanos  exit only: how long the process lived, from fork to exit
 * @param childPid       fork only: the new process
 * @param executable     exec only: the executable file's mode, owner and times, read when the event arrived; null
 *                       if it could not be read
 */
public record ProcessEvent(Kind type, long monotonicNanos, long timeNanos, int pid, int tid, int ppid,
                           Credentials credentials, long cgroupId, String comm, Image image, Integer waitStatus,
                           Long durationNanos, Integer childPid, ExecutableFile executable) implements SensorEvent {

    /**
     * The executed file's inode, read by the exec handler as the file ran, as osquery's process_events reports it
     * from the audit PATH record.
     *
     * @param mode   the inode's mode in octal, such as {@code 0100755}
     * @param atime  seconds since the epoch, as are mtime and ctime
     * @param btime  birth time, from a stat(2) of the path when that still names this inode; null where the file
     *               system does not record it, or the path now names another file or none
     * @param device the file system's device in stat(2)'s st_dev encoding
     * @param inode  the inode number
     */
    public record ExecutableFile(String mode, long ownerUid, long ownerGid, long atime, long mtime, long ctime,
                                 Long btime, long device, long inode) {

        public ExecutableFile withBtime(Long birth) {
            return new ExecutableFile(mode, ownerUid, ownerGid, atime, mtime, ctime, birth, device, inode);
        }
    }

    public enum Kind {
        EXEC("exec"), EXIT("exit"), FORK("fork");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Credentials of a task (include/linux/cred.h); -1 where unknown; auid 4294967295 means "not set". */
    public record Credentials(long uid, long gid, long euid, long egid, long suid, long sgid, long fsuid, long fsgid,
                              long auid) {
        public static final long UNKNOWN = -1;

        public static Credentials of(long uid, long gid) {
            return new Credentials(uid, gid, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
        }
    }

    /**
     * What a process runs, from its exec.
     *
     * @param path          the executable's resolved path (symbolic links followed by the kernel)
     * @param cwd           the working directory at exec
     * @param argv          the arguments, as the process laid them out; may be cut short (see argvTruncated)
     * @param argvTruncated argv was longer than the sensor's limit ({@link ProcessRecordDecoder#ARGV_MAX} bytes)
     * @param pathTruncated path or cwd was deeper or longer than the sensor's limit
     * @param startNanos    CLOCK_MONOTONIC time the process was forked
     */
    public record Image(String path, String cwd, List<String> argv, boolean argvTruncated, boolean pathTruncated,
                        long startNanos) {
        public Image {
            argv = List.copyOf(argv);
        }

        /** argv joined with spaces, as osquery's cmdline columns show it. */
        public String cmdline() {
            return String.join(" ", argv);
        }
    }

    public ProcessEvent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(comm);
    }

    @Override
    public String kind() {
        return type.label();
    }

    /** exit only: the exit code (WEXITSTATUS), or null if a signal killed the process. */
    public Integer exitCode() {
        if (waitStatus == null || (waitStatus & 0x7f) != 0) {
            return null;
        }
        return (waitStatus >> 8) & 0xff;
    }

    /** exit only: the terminating signal (WTERMSIG), or null if the process exited. */
    public Integer termSignal() {
        if (waitStatus == null || (waitStatus & 0x7f) == 0) {
            return null;
        }
        return waitStatus & 0x7f;
    }

    /** The same event with another image (the sensor attaches an exit's last exec). */
    public ProcessEvent withImage(Image newImage) {
        return new ProcessEvent(type, monotonicNanos, timeNanos, pid, tid, ppid, credentials, cgroupId, comm, newImage,
                waitStatus, durationNanos, childPid, executable);
    }

    /** The same event with the executable's facts. */
    public ProcessEvent withExecutable(ExecutableFile file) {
        return new ProcessEvent(type, monotonicNanos, timeNanos, pid, tid, ppid, credentials, cgroupId, comm, image,
                waitStatus, durationNanos, childPid, file);
    }
}
