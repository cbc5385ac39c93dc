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

import java.util.LinkedHashSet;
import java.util.Set;

/** osquery's {@code users}: the local accounts of /etc/passwd. */
public final class UsersTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column UID = COLUMNS.bigint("uid", "User ID", Column.Flag.INDEX);
    static final Column GID = COLUMNS.bigint("gid", "Group ID (unsigned)");
    static final Column UID_SIGNED = COLUMNS.bigint("uid_signed", "User ID as int64 signed (Apple)");
    static final Column GID_SIGNED = COLUMNS.bigint("gid_signed", "Default group ID as int64 signed (Apple)");
    static final Column USERNAME = COLUMNS.text("username", "Username");
    static final Column DESCRIPTION = COLUMNS.text("description", "Optional user description");
    static final Column DIRECTORY = COLUMNS.text("directory", "User's home directory");
    static final Column SHELL = COLUMNS.text("shell", "User's configured default shell");
    static final Column UUID = COLUMNS.text("uuid",
            "User's UUID (Apple) or SID (Windows); always empty on Linux", Column.Flag.INDEX);
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace",
            "Pids that contain a namespace", Column.Flag.ADDITIONAL, Column.Flag.HIDDEN);
    static final Column INCLUDE_REMOTE = COLUMNS.integer("include_remote",
            "1 to ask for remote (LDAP, SSSD) accounts too; Vigil reads only /etc/passwd and says so under --verbose",
            Column.Flag.HIDDEN);
    static final TableSpec SPEC = TableSpec.of("users",
            "Local user accounts (including domain accounts that have logged on locally (Windows)).", COLUMNS,
            "SELECT * FROM users WHERE uid = 1000",
            "SELECT * FROM users WHERE username = 'root'",
            "SELECT count(*) FROM users u, user_groups ug WHERE u.uid = ug.uid");

    private final HostPaths host;

    public UsersTable(HostPaths host) {
        this.host = host;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        Set<Long> uids = context.equalsLong(UID);
        Set<String> names = context.equalsText(USERNAME);
        Set<Long> includeRemote = new LinkedHashSet<>(context.equalsLong(INCLUDE_REMOTE));
        if (includeRemote.isEmpty()) {
            includeRemote.add(0L);
        }
        if (includeRemote.stream().anyMatch(v -> v != 0)) {
            context.note("include_remote: only local accounts in /etc/passwd are listed");
        }
        for (NamespaceRoots.Root root : NamespaceRoots.of(context, PID_WITH_NAMESPACE, host)) {
            for (PasswdEntry user : AccountDatabase.users(root, context)) {
                if (context.hasEquality(UID) && !uids.contains(user.uid())) {
                    continue;
                }
                if (context.hasEquality(USERNAME) && !names.contains(user.name())) {
                    continue;
                }
                for (long remote : includeRemote) {
                    out.add(row(user, root.pid(), remote));
                }
            }
        }
    }

    private static Row row(PasswdEntry user, long pid, long includeRemote) {
        Row row = new Row(SPEC);
        row.set(UID, user.uid());
        row.set(GID, user.gid());
        row.set(UID_SIGNED, IdNumbers.signed(user.uid()));
        row.set(GID_SIGNED, IdNumbers.signed(user.gid()));
        row.set(USERNAME, user.name());
        row.set(DESCRIPTION, user.gecos());
        row.set(DIRECTORY, user.directory());
        row.set(SHELL, user.shell());
        row.set(PID_WITH_NAMESPACE, pid);
        row.set(INCLUDE_REMOTE, includeRemote);
        return row;
    }
}
