package dev.vigil.sensors.dns;

import dev.vigil.sensors.EventColumns;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.EventTable;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.TableSpec;

import java.util.List;
import java.util.function.Supplier;

import static dev.vigil.sql.spi.Column.Flag.HIDDEN;

/**
 * {@code dns_lookup_events}: every getaddrinfo(3) and gethostbyname(3)-family call into glibc seen by the DNS
 * sensor. Vigil's own table.
 */
public final class DnsLookupEventsTable extends EventTable<DnsEvent> {
    private static final EventColumns<DnsEvent> COLUMNS = new EventColumns<>();
    static final Column PID = COLUMNS.bigint("pid", "Process ID of the caller", e -> (long) e.event().pid());
    static final Column TID = COLUMNS.bigint("tid", "Thread ID of the caller", e -> (long) e.event().tid());
    static final Column UID = COLUMNS.bigint("uid", "User ID of the caller", e -> e.event().uid());
    static final Column COMM = COLUMNS.text("comm", "Command name of the caller", e -> e.event().comm());
    static final Column PATH = COLUMNS.text("path", "Path of the caller's executable", e -> e.path(e.event().path()));
    static final Column HOST = COLUMNS.text("host", "The name looked up", e -> e.event().host());
    static final Column SERVICE = COLUMNS.text("service", "The service (port name or number) looked up, if any", e -> e.event().service());
    static final Column FAMILY = COLUMNS.integer("family", "Address family asked for: 0 any, 2 IPv4, 10 IPv6, -1 not given", e -> e.event().family());
    static final Column RETURN_CODE = COLUMNS.integer("return_code", "The result: 0 on success; for getaddrinfo a negative EAI_* code, for the gethostbyname family h_errno (1 HOST_NOT_FOUND, 2 TRY_AGAIN, 3 NO_RECOVERY, 4 NO_DATA, -1 NETDB_INTERNAL; 255 if it could not be read)", e -> e.event().returnCode());
    static final Column ERROR = COLUMNS.text("error", "What failed, such as EAI_NONAME or HOST_NOT_FOUND; empty on success", e -> e.event().error());
    static final Column LATENCY_NS = COLUMNS.bigint("latency_ns", "Time spent in getaddrinfo, in nanoseconds", e -> e.event().latencyNanos());
    static final Column ADDRESSES = COLUMNS.text("addresses", "The distinct addresses of the first answers, comma-separated", e -> String.join(",", e.event().addresses()));
    static final Column FUNCTION = COLUMNS.text("function", "The resolver function called: getaddrinfo, gethostbyname, gethostbyname2, gethostbyname_r or gethostbyname2_r", e -> e.event().function());
    static final Column TIME = COLUMNS.bigint("time", "Time of the lookup in UNIX time", e -> e.time());
    static final Column EID = COLUMNS.text("eid", "Event ID", e -> Long.toString(e.eid()), HIDDEN);
    static final TableSpec SPEC = TableSpec.evented("dns_lookup_events",
            "Name lookups through glibc's resolver functions, with their answers and latency, from the eBPF DNS sensor.",
            COLUMNS.columns(), "SELECT comm, host, error, latency_ns, addresses FROM dns_lookup_events WHERE return_code != 0");

    public DnsLookupEventsTable(EventStores<DnsEvent> stores, ExecutableIndex executables, Supplier<SensorStatus> sensor) {
        super(SPEC, COLUMNS, stores, List.of(DnsSensor.KIND), executables, sensor);
    }
}
