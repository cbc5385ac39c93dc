package dev.vigil.tables.process;

/**
 * The storage I/O counters of /proc/[pid]/io (proc_pid_io(5)), in bytes; a field the file lacks is null.
 * Reading the file needs ptrace access to the process (root, or the same user).
 *
 * @param readBytes           read_bytes: bytes this process caused to be fetched from storage
 * @param writeBytes          write_bytes: bytes this process caused to be sent to storage
 * @param cancelledWriteBytes cancelled_write_bytes: written to page cache, then truncated away before writeback
 */
public record ProcessIo(Long readBytes, Long writeBytes, Long cancelledWriteBytes) {

    public static ProcessIo parse(String text) {
        Long read = null;
        Long write = null;
        Long cancelled = null;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            Long value;
            try {
                value = Long.parseLong(line.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            switch (line.substring(0, colon)) {
                case "read_bytes" -> read = value;
                case "write_bytes" -> write = value;
                case "cancelled_write_bytes" -> cancelled = value;
                default -> {
                }
            }
        }
        return new ProcessIo(read, write, cancelled);
    }

    /** Bytes that reached storage: write_bytes less cancelled_write_bytes, as osquery reports; null if unknown. */
    public Long netWriteBytes() {
        if (writeBytes == null) {
            return null;
        }
        return writeBytes - (cancelledWriteBytes == null ? 0 : cancelledWriteBytes);
    }
}
