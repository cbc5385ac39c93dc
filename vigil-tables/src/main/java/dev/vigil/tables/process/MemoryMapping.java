package dev.vigil.tables.process;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of /proc/[pid]/maps (proc_pid_maps(5)): "start-end perms offset major:minor inode [pathname]".
 *
 * @param start       start address, lower-case hex without "0x", as the kernel prints it
 * @param end         end address (exclusive), same form
 * @param permissions four letters: r, w, x, and p (private, copy on write) or s (shared); '-' when absent
 * @param offset      offset into the mapped file, in bytes
 * @param device      "major:minor" in hex, "00:00" for anonymous memory
 * @param inode       the mapped file's inode; 0 for anonymous memory and pseudo regions
 * @param path        the file, a pseudo region such as [heap], [stack] or [vdso], or empty for anonymous memory.
 *                    The kernel escapes newlines as "\012" and appends " (deleted)" for unlinked files
 */
public record MemoryMapping(String start, String end, String permissions, long offset, String device, long inode,
                            String path) {

    /** True for a named region that is not a file ([heap], [stack], [vdso] ...): inode 0 with a name, as osquery. */
    public boolean pseudo() {
        return inode == 0 && !path.isEmpty();
    }

    /** Parses the whole file; lines that do not have the five leading fields are skipped. */
    public static List<MemoryMapping> parse(String text) {
        List<MemoryMapping> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            MemoryMapping mapping = parseLine(line);
            if (mapping != null) {
                out.add(mapping);
            }
        }
        return out;
    }

    /** One line, or null if it is malformed. */
    static MemoryMapping parseLine(String line) {
        String[] f = line.strip().split("\\s+", 6);
        if (f.length < 5) {
            return null;
        }
        int dash = f[0].indexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            return new MemoryMapping(f[0].substring(0, dash), f[0].substring(dash + 1), f[1],
                    Long.parseUnsignedLong(f[2], 16), f[3], Long.parseLong(f[4]), f.length == 6 ? f[5].strip() : "");
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
