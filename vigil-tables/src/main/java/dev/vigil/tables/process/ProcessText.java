package dev.vigil.tables.process;

import dev.vigil.sql.text.RawText;

/** Parses the small per-process files whose format is a single value: cmdline and cgroup (proc_pid_cmdline(5), proc_pid_cgroup(5)). */
public final class ProcessText {
    private ProcessText() {
    }

    /**
     * The command line from /proc/[pid]/cmdline: the NUL-separated arguments joined by single spaces, with
     * leading and trailing whitespace removed, as osquery shows it. Empty for kernel threads and zombies.
     */
    public static String cmdline(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == 0) {
                copy[i] = ' ';
            }
        }
        return RawText.decode(copy).strip();
    }

    /**
     * The control group path from /proc/[pid]/cgroup. Each line is "hierarchy-ID:controllers:path"; the path may
     * contain colons. The cgroup v2 line ("0::path") is preferred; on a v1-only host the first line's path is
     * used, as osquery does. Null if no line has the expected shape.
     */
    public static String cgroupPath(String text) {
        String first = null;
        for (String line : text.split("\n")) {
            int a = line.indexOf(':');
            int b = a < 0 ? -1 : line.indexOf(':', a + 1);
            if (b < 0) {
                continue;
            }
            String path = line.substring(b + 1);
            if (line.startsWith("0::")) {
                return path;
            }
            if (first == null) {
                first = path;
            }
        }
        return first;
    }
}
