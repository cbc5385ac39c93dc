package dev.vigil.tables.users;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the group(5) format of /etc/group. Blank, comment, NIS compat ({@code +}/{@code -}) and malformed
 * lines (not four fields, GID not an unsigned 32-bit number) are skipped.
 */
public final class GroupFile {

    private GroupFile() {
    }

    public static List<GroupEntry> parse(String text) {
        List<GroupEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length != 4 || f[0].isEmpty()) {
                continue;
            }
            long gid = IdNumbers.parse(f[2]);
            if (gid < 0) {
                continue;
            }
            List<String> members = new ArrayList<>();
            for (String member : f[3].split(",")) {
                if (!member.isBlank()) {
                    members.add(member.trim());
                }
            }
            entries.add(new GroupEntry(f[0], gid, members));
        }
        return entries;
    }
}
