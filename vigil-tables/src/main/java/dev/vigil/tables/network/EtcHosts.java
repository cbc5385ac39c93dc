package dev.vigil.tables.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses hosts(5): one address and its names a line, separated by blanks; {@code #} starts a comment. Stateless.
 */
public final class EtcHosts {

    /** One line: the address and its host names joined by single spaces (null when the line names none). */
    public record Entry(String address, String hostnames) {
    }

    private EtcHosts() {
    }

    /** The entries of the file, in file order; comment and blank lines give none. */
    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields[0].isEmpty() || fields[0].startsWith("#")) {
                continue;
            }
            String address = fields[0];
            int hash = address.indexOf('#');
            if (hash > 0) {
                entries.add(new Entry(address.substring(0, hash), null));
                continue;
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i < fields.length && !fields[i].startsWith("#"); i++) {
                int inlineHash = fields[i].indexOf('#');
                if (inlineHash > 0) {
                    names.add(fields[i].substring(0, inlineHash));
                    break;
                }
                names.add(fields[i]);
            }
            entries.add(new Entry(address, names.isEmpty() ? null : String.join(" ", names)));
        }
        return entries;
    }
}
