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
import java.util.Set;

/** osquery's {@code groups}: the local groups of /etc/group, one row per GID (the first line wins). */
public final class GroupsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column GID = COLUMNS.bigint("gid", "Unsigned int64 group ID", Column.Flag.INDEX);
    static final Column GID_SIGNED = COLUMNS.bigint("gid_signed", "A signed int64 version of gid");
    static final Column GROUPNAME = COLUMNS.text("groupname", "Canonical local group name");
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace",
            "Pids that contain a namespace", Column.Flag.ADDITIONAL, Column.Flag.HIDDEN);
    static final TableSpec SPEC = TableSpec.of("groups", "Local system groups.", COLUMNS,
            "SELECT * FROM groups WHERE gid = 0");

    private final HostPaths host;

    public GroupsTable(HostPaths host) {
        this.host = host;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        Set<Long> gids = context.equalsLong(GID);
        for (NamespaceRoots.Root root : NamespaceRoots.of(context, PID_WITH_NAMESPACE, host)) {
            Set<Long> seen = new HashSet<>();
            for (GroupEntry group : AccountDatabase.groups(root, context)) {
                if (!seen.add(group.gid()) || (context.hasEquality(GID) && !gids.contains(group.gid()))) {
                    continue;
                }
                Row row = new Row(SPEC);
                row.set(GID, group.gid());
                row.set(GID_SIGNED, IdNumbers.signed(group.gid()));
                row.set(GROUPNAME, group.name());
                row.set(PID_WITH_NAMESPACE, root.pid());
                out.add(row);
            }
        }
    }
}
