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

/**
 * osquery's {@code dns_resolvers}: the name servers, sort list and search domains the C library resolver uses,
 * from /etc/resolv.conf as glibc reads it. Rows are numbered from 0 within each type; options is the resolver's
 * option bit set (resolv.h RES_*), the same on every row. A name server's netmask is its address length in bits.
 * Without /etc/resolv.conf the table is unsupported and has no rows.
 */
public final class DnsResolversTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column ID = COLUMNS.integer("id", "Address type index or order");
    static final Column TYPE = COLUMNS.text("type", "Address type: sortlist, nameserver, search");
    static final Column ADDRESS = COLUMNS.text("address", "Resolver IP/IPv6 address");
    static final Column NETMASK = COLUMNS.text("netmask", "Address (sortlist) netmask length");
    static final Column OPTIONS = COLUMNS.bigint("options", "Resolver options");
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace", "Pids that contain a namespace",
            Column.Flag.HIDDEN);

    static final TableSpec SPEC = TableSpec.of("dns_resolvers", "Resolvers used by this host.", COLUMNS,
            "SELECT address FROM dns_resolvers WHERE type = 'nameserver'");

    private final Path resolvConf;
    /** Holds the host name whose domain is the default search domain (gethostname(2)). */
    private final Path hostnameFile;

    public DnsResolversTable(HostPaths host) {
        this.resolvConf = host.etc().resolve("resolv.conf");
        this.hostnameFile = host.proc().resolve("sys/kernel/hostname");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("resolver configuration", resolvConf);
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) throws IOException {
        String text;
        try {
            text = RawText.decode(Files.readAllBytes(resolvConf));
        } catch (NoSuchFileException e) {
            ctx.note(resolvConf + " does not exist");
            return;
        }
        String hostname = null;
        try {
            hostname = RawText.decode(Files.readAllBytes(hostnameFile)).strip();
        } catch (IOException e) {
            // no host name: no default search domain
        }
        ResolvConf conf = ResolvConf.parse(text, hostname);
        for (int i = 0; i < conf.nameservers().size(); i++) {
            String address = conf.nameservers().get(i);
            out.add(row(conf, i, "nameserver", address, address.contains(":") ? "128" : "32"));
        }
        for (int i = 0; i < conf.sortlist().size(); i++) {
            ResolvConf.SortEntry entry = conf.sortlist().get(i);
            out.add(row(conf, i, "sortlist", entry.address(), Integer.toString(entry.prefixLength())));
        }
        for (int i = 0; i < conf.search().size(); i++) {
            out.add(row(conf, i, "search", conf.search().get(i), null));
        }
    }

    private static Row row(ResolvConf conf, int id, String type, String address, String netmask) {
        return new Row(SPEC).set(ID, id).set(TYPE, type).set(ADDRESS, address).set(NETMASK, netmask)
                .set(OPTIONS, conf.options());
    }
}
