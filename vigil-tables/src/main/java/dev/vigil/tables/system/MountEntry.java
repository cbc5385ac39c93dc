package dev.vigil.tables.system;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of /proc/mounts (/proc/self/mounts), in the fstab(5) format the kernel writes: {@code device
 * mount-point type options dump pass}, with space, tab, newline and backslash in a field written as the octal
 * escapes \040, \011, \012 and \134.
 */
public record MountEntry(String device, String path, String type, String options) {

    public static List<MountEntry> parseAll(String procMounts) {
        List<MountEntry> entries = new ArrayList<>();
        for (String line : procMounts.split("\n")) {
            String[] f = line.trim().split("[ \t]+");
            if (f.length < 4) {
                continue;
            }
            entries.add(new MountEntry(unescape(f[0]), unescape(f[1]), unescape(f[2]), unescape(f[3])));
        }
        return entries;
    }

    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
