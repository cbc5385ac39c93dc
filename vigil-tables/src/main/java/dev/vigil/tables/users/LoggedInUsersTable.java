package dev.vigil.tables.users;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * osquery's {@code logged_in_users}: the records of the utmp file, /run/utmp (/var/run is a link to /run). As
 * osquery does, records of pid 1 (init's run-level bookkeeping) are left out. On hosts without a utmp file
 * (containers, systems that track sessions only in logind) the table is unsupported and has no rows.
 */
public final class LoggedInUsersTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column TYPE = COLUMNS.text("type",
            "Login type: user, login, init, dead, boot_time, runlevel, new_time, old_time, accounting or empty");
    static final Column USER = COLUMNS.text("user", "User login name");
    static final Column TTY = COLUMNS.text("tty", "Device name");
    static final Column HOST = COLUMNS.text("host", "Remote hostname");
    static final Column TIME = COLUMNS.bigint("time", "Time entry was made, in seconds since the epoch");
    static final Column PID = COLUMNS.integer("pid", "Process (or thread) ID");
    static final TableSpec SPEC = TableSpec.of("logged_in_users", "Users with an active shell on the system.",
            COLUMNS,
            "SELECT user, tty, host, time FROM logged_in_users WHERE type = 'user'");

    private final Path utmpFile;

    public LoggedInUsersTable(HostPaths host) {
        this.utmpFile = host.run().resolve("utmp");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("utmp file", utmpFile);
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(utmpFile);
        } catch (NoSuchFileException e) {
            context.note(utmpFile + " does not exist");
            return;
        }
        for (UtmpRecord record : UtmpFile.parse(bytes)) {
            if (record.pid() == 1) {
                continue;
            }
            Row row = new Row(SPEC);
            row.set(TYPE, record.typeName());
            row.set(USER, record.user());
            row.set(TTY, record.line());
            row.set(HOST, record.host());
            row.set(TIME, record.seconds());
            row.set(PID, (long) record.pid());
            out.add(row);
        }
    }
}
