package dev.vigil.tables.packages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses dpkg's status file (/var/lib/dpkg/status) and its journal entries (updates/NNNN): stanzas of
 * {@code Field: value} lines separated by blank lines, a value continued on lines that start with a space or tab
 * (deb822(5), dpkg(1)). Stanzas without a Package field are skipped.
 */
public final class DpkgStatusFile {

    private DpkgStatusFile() {
    }

    /** Every stanza with every field. */
    public static List<DebPackage> parse(String text) {
        return parse(text, null);
    }

    /**
     * Every stanza, keeping only the named fields (lower case; Package is always kept): a status file is mostly
     * descriptions and conffile lists nobody asked for.
     *
     * @param keep the fields to keep, or null for all
     */
    public static List<DebPackage> parse(String text, Set<String> keep) {
        List<DebPackage> packages = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        String last = null;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (isBlank(text, start, stop)) {
                add(fields, packages);
                fields = new HashMap<>();
                last = null;
            } else {
                char first = text.charAt(start);
                if (first == ' ' || first == '\t') {
                    if (last != null) {
                        fields.merge(last, "\n" + text.substring(start + 1, stop), String::concat);
                    }
                } else if (first != '#') {
                    int colon = text.indexOf(':', start);
                    last = null;
                    if (colon > start && colon < stop) {
                        String name = text.substring(start, colon).trim().toLowerCase(Locale.ROOT);
                        if (keep == null || keep.contains(name) || name.equals("package")) {
                            last = name;
                            fields.put(name, text.substring(colon + 1, stop).trim());
                        }
                    }
                }
            }
            start = end + 1;
        }
        add(fields, packages);
        return packages;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void add(Map<String, String> fields, List<DebPackage> packages) {
        if (fields.containsKey("package")) {
            packages.add(new DebPackage(fields));
        }
    }
}
