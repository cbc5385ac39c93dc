package dev.vigil.tables.users;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.tables.system.NamespaceRoots;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * osquery's {@code user_groups}: for each user of /etc/passwd (the first line per UID), its primary group and
 * every group of /etc/group that lists it as a member — what getgrouplist(3) returns, as osquery reports.
 */
public final class UserGroupsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column UID = COLUMNS.bigint("uid", "User ID", Column.Flag.INDEX);
    static final Column GID = COLUMNS.bigint("gid", "Group ID", Column.Flag.INDEX);
    static final TableSpec SPEC = TableSpec.of("user_groups", "Local system user group relationships.", COLUMNS,
            "SELECT g.groupname FROM user_groups ug JOIN groups g USING (gid) WHERE ug.uid = 0");

    private final HostPaths host;

    public UserGroupsTable(HostPaths host) {
        this.host = host;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        NamespaceRoots.Root root = new NamespaceRoots.Root(0, host);
        Set<Long> uids = context.equalsLong(UID);
        Set<Long> gids = context.equalsLong(GID);
        List<GroupEntry> groups = AccountDatabase.groups(root, context);
        Set<Long> seenUids = new HashSet<>();
        for (PasswdEntry user : AccountDatabase.users(root, context)) {
            if (!seenUids.add(user.uid()) || (context.hasEquality(UID) && !uids.contains(user.uid()))) {
                continue;
            }
            for (long gid : groupsOf(user, groups)) {
                if (context.hasEquality(GID) && !gids.contains(gid)) {
                    continue;
                }
                Row row = new Row(SPEC);
                row.set(UID, user.uid());
                row.set(GID, gid);
                out.add(row);
            }
        }
    }

    /** The user's primary GID first, then the GIDs of the groups naming it as a member, each once. */
    static Set<Long> groupsOf(PasswdEntry user, List<GroupEntry> groups) {
        Set<Long> gids = new LinkedHashSet<>();
        gids.add(user.gid());
        for (GroupEntry group : groups) {
            if (group.members().contains(user.name())) {
                gids.add(group.gid());
            }
        }
        return gids;
    }
}
