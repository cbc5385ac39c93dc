package dev.vigil.tables.users;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the passwd(5) format of /etc/passwd. Lines that are blank, comments, NIS compat entries ({@code +}/
 * {@code -}), or that lack seven fields or valid unsigned 32-bit IDs are skipped, as glibc's files backend does.
 */
public final class PasswdFile {

    private PasswdFile() {
    }

    public static List<PasswdEntry> parse(String text) {
        List<PasswdEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length != 7 || f[0].isEmpty()) {
                continue;
            }
            long uid = IdNumbers.parse(f[2]);
            long gid = IdNumbers.parse(f[3]);
            if (uid < 0 || gid < 0) {
                continue;
            }
            entries.add(new PasswdEntry(f[0], uid, gid, f[4], f[5], f[6]));
        }
        return entries;
    }
}
