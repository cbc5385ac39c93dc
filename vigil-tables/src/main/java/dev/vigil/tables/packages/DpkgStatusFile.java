package dev.vigil.tables.packages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses dpkg's status file (/var/lib/dpkg/status) and its journal entries (updates/NNNN): stanzas of
 * {@code Field: value} lines separated by blank lines, a value continued on lines that start with a space or tab
 * (deb822(5), dpkg(1)). Stanzas without a Package field are skipped.
 */
public final class DpkgStatusFile {

    private DpkgStatusFile() {
    }

    public static List<DebPackage> parse(String text) {
        List<DebPackage> packages = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                add(fields, packages);
                fields = new LinkedHashMap<>();
                last = null;
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                fields.merge(last, "\n" + line.substring(1), String::concat);
            } else if (line.charAt(0) != '#') {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    fields.put(last, line.substring(colon + 1).trim());
                }
            }
        }
        add(fields, packages);
        return packages;
    }

    private static void add(Map<String, String> fields, List<DebPackage> packages) {
        if (fields.containsKey("package")) {
            packages.add(new DebPackage(fields));
        }
    }
}
