package dev.vigil.tables.network;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.text.RawText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** osquery's {@code etc_hosts}: the lines of /etc/hosts. Without the file the table is unsupported and has no rows. */
public final class EtcHostsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column ADDRESS = COLUMNS.text("address", "IP address mapping");
    static final Column HOSTNAMES = COLUMNS.text("hostnames", "Raw hosts mapping");
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace", "Pids that contain a namespace",
            Column.Flag.HIDDEN);

    static final TableSpec SPEC = TableSpec.of("etc_hosts", "Line-parsed /etc/hosts.", COLUMNS,
            "SELECT * FROM etc_hosts WHERE address NOT IN ('127.0.0.1', '::1')");

    private final Path file;

    public EtcHostsTable(HostPaths host) {
        this.file = host.etc().resolve("hosts");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("hosts file", file);
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) throws IOException {
        String text;
        try {
            text = RawText.decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            ctx.note(file + " does not exist");
            return;
        }
        for (EtcHosts.Entry e : EtcHosts.parse(text)) {
            out.add(new Row(SPEC).set(ADDRESS, e.address()).set(HOSTNAMES, e.hostnames()));
        }
    }
}
