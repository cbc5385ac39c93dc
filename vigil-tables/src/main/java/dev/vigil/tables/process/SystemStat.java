package dev.vigil.tables.process;

/** Parses the system-wide /proc/stat (proc_stat(5)). */
public final class SystemStat {
    private SystemStat() {
    }

    /** The {@code btime} value: boot time in seconds since the epoch; null if the line is missing or malformed. */
    public static Long bootTime(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("btime ")) {
                try {
                    return Long.parseLong(line.substring(6).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
