package dev.vigil.sensors.dns;

import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.Objects;

import static dev.vigil.sql.spi.Column.Flag.HIDDEN;

/**
 * {@code dns_lookup_events}: every getaddrinfo(3) and gethostbyname(3)-family call into glibc seen by the DNS
 * sensor. Vigil's own table.
 */
public final class DnsLookupEventsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.bigint("pid", "Process ID of the caller");
    static final Column TID = COLUMNS.bigint("tid", "Thread ID of the caller");
    static final Column UID = COLUMNS.bigint("uid", "User ID of the caller");
    static final Column COMM = COLUMNS.text("comm", "Command name of the caller");
    static final Column PATH = COLUMNS.text("path", "Path of the caller's executable");
    static final Column HOST = COLUMNS.text("host", "The name looked up");
    static final Column SERVICE = COLUMNS.text("service", "The service (port name or number) looked up, if any");
    static final Column FAMILY = COLUMNS.integer("family", "Address family asked for: 0 any, 2 IPv4, 10 IPv6, -1 not given");
    static final Column RETURN_CODE = COLUMNS.integer("return_code", "The result: 0 on success; for getaddrinfo a negative EAI_* code, for the gethostbyname family h_errno (1 HOST_NOT_FOUND, 2 TRY_AGAIN, 3 NO_RECOVERY, 4 NO_DATA, -1 NETDB_INTERNAL; 255 if it could not be read)");
    static final Column ERROR = COLUMNS.text("error", "What failed, such as EAI_NONAME or HOST_NOT_FOUND; empty on success");
    static final Column LATENCY_NS = COLUMNS.bigint("latency_ns", "Time spent in getaddrinfo, in nanoseconds");
    static final Column ADDRESSES = COLUMNS.text("addresses", "The distinct addresses of the first answers, comma-separated");
    static final Column FUNCTION = COLUMNS.text("function", "The resolver function called: getaddrinfo, gethostbyname, gethostbyname2, gethostbyname_r or gethostbyname2_r");
    static final Column TIME = COLUMNS.bigint("time", "Time of the lookup in UNIX time");
    static final Column EID = COLUMNS.text("eid", "Event ID", HIDDEN);
    static final TableSpec SPEC = TableSpec.evented("dns_lookup_events",
            "Name lookups through glibc's resolver functions, with their answers and latency, from the eBPF DNS sensor.",
            COLUMNS, "SELECT comm, host, error, latency_ns, addresses FROM dns_lookup_events WHERE return_code != 0");

    private final EventStore<DnsEvent> store;
    private final ExecutableIndex executables;

    /** @param executables fills the path of processes gone from /proc when the event was read */
    public DnsLookupEventsTable(EventStore<DnsEvent> store, ExecutableIndex executables) {
        this.store = Objects.requireNonNull(store);
        this.executables = Objects.requireNonNull(executables);
    }

    public DnsLookupEventsTable(EventStore<DnsEvent> store) {
        this(store, new ExecutableIndex());
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        var pids = context.equalsLong(PID);
        var hosts = context.equalsText(HOST);
        for (EventStore.Stored<DnsEvent> stored : store.forScan(context)) {
            DnsEvent e = stored.event();
            if (!pids.isEmpty() && !pids.contains((long) e.pid()) || !hosts.isEmpty() && !hosts.contains(e.host())) {
                continue;
            }
            Row row = new Row(SPEC);
            row.set(PID, e.pid());
            row.set(TID, e.tid());
            row.set(UID, e.uid());
            row.set(COMM, e.comm());
            row.set(PATH, e.path() != null ? e.path() : executables.pathAt(e.pid(), e.monotonicNanos()));
            row.set(HOST, e.host());
            row.set(SERVICE, e.service());
            row.set(FAMILY, e.family());
            row.set(RETURN_CODE, e.returnCode());
            row.set(ERROR, e.error());
            row.set(LATENCY_NS, e.latencyNanos());
            row.set(ADDRESSES, String.join(",", e.addresses()));
            row.set(FUNCTION, e.function());
            row.set(TIME, e.timeNanos() / 1_000_000_000L);
            row.set(EID, Long.toString(stored.eid()));
            out.add(row);
        }
    }
}
