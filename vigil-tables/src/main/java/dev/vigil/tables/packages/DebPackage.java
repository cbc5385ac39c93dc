package dev.vigil.tables.packages;

import java.util.Locale;
import java.util.Map;

/**
 * One package stanza of dpkg's status database (deb-control(5) fields as dpkg-query shows them).
 *
 * @param fields field names (lower case) to values; multi-line values keep their newlines
 */
public record DebPackage(Map<String, String> fields) {

    public DebPackage {
        fields = Map.copyOf(fields);
    }

    /** A field's value by its case-insensitive name; null if absent. */
    public String field(String name) {
        return fields.get(name.toLowerCase(Locale.ROOT));
    }

    public String name() {
        return field("Package");
    }

    public String architecture() {
        return field("Architecture");
    }

    public String version() {
        return field("Version");
    }

    /** The Status field, "want flag status": "install ok installed", "deinstall ok config-files" ... */
    public String status() {
        return field("Status");
    }

    /**
     * True unless the package's state (the Status field's third word) is "not-installed": dpkg keeps records of
     * removed and purged packages, which osquery and {@code dpkg-query -W} leave out.
     */
    public boolean isPresent() {
        String status = status();
        if (status == null) {
            return false;
        }
        String[] words = status.trim().split("\\s+");
        return words.length == 3 && !words[2].equals("not-installed");
    }

    /**
     * The Debian revision of the version, the part after the last hyphen (deb-version(7)): "1ubuntu2" in
     * "2:1.2.3-1ubuntu2"; null for a native package without one.
     */
    public String revision() {
        String version = version();
        if (version == null) {
            return null;
        }
        int dash = version.lastIndexOf('-');
        return dash < 0 ? null : version.substring(dash + 1);
    }

    /** Installed-Size, an estimate in KiB (deb-control(5)); null if absent or not a number. */
    public Long installedSizeKiB() {
        String size = field("Installed-Size");
        if (size == null) {
            return null;
        }
        try {
            return Long.parseLong(size.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
