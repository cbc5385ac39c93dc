package dev.vigil.tables.process;

/**
 * The fields of /proc/[pid]/status that the process tables use (proc_pid_status(5)). Memory sizes are in KiB as
 * the kernel prints them ("kB" there means 1024 bytes); they are null for kernel threads, which have no memory of
 * their own.
 *
 * @param name     Name: the command name, as the kernel escapes it
 * @param uids     Uid: real, effective, saved set, filesystem; null if missing
 * @param gids     Gid: same order; null if missing
 * @param vmSizeKb VmSize: total virtual memory
 * @param vmRssKb  VmRSS: resident set size
 * @param vmLckKb  VmLck: locked (unpageable) memory
 */
public record ProcessStatus(String name, long[] uids, long[] gids, Long vmSizeKb, Long vmRssKb, Long vmLckKb) {

    /** Parses the "Key:\tvalue" lines; unknown and malformed lines are ignored. */
    public static ProcessStatus parse(String text) {
        String name = null;
        long[] uids = null;
        long[] gids = null;
        Long vmSize = null;
        Long vmRss = null;
        Long vmLck = null;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
            switch (line.substring(0, colon)) {
                case "Name" -> name = value;
                case "Uid" -> uids = ids(value);
                case "Gid" -> gids = ids(value);
                case "VmSize" -> vmSize = kilobytes(value);
                case "VmRSS" -> vmRss = kilobytes(value);
                case "VmLck" -> vmLck = kilobytes(value);
                default -> {
                }
            }
        }
        return new ProcessStatus(name, uids, gids, vmSize, vmRss, vmLck);
    }

    /** Bytes from a KiB value, or null. */
    public static Long bytes(Long kilobytes) {
        return kilobytes == null ? null : kilobytes * 1024;
    }

    /** The whitespace-separated numbers of a Uid: or Gid: line (real, effective, saved, filesystem), or null. */
    private static long[] ids(String value) {
        long[] ids = new long[4];
        int count = 0;
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int start = i;
            long v = 0;
            while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                v = v * 10 + (value.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                if (i < n) {
                    return null; // not a number
                }
                break;
            }
            if (i < n && !Character.isWhitespace(value.charAt(i))) {
                return null;
            }
            if (count == ids.length) {
                ids = java.util.Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = v;
        }
        return count < 3 ? null : java.util.Arrays.copyOf(ids, count);
    }

    private static Long kilobytes(String value) {
        String number = value.endsWith("kB") ? value.substring(0, value.length() - 2).strip() : value;
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
