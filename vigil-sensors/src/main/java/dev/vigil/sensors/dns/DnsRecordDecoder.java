package dev.vigil.sensors.dns;

import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.RecordReader;
import dev.vigil.sensors.WallClock;
import dev.vigil.sensors.socket.IpText;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes dns.bpf.c's struct dns_record (host byte order; addresses in network order) into {@link DnsEvent}s. A
 * record carries only the answer slots in use: its length is {@code ADDRS + addr_count * ADDR_SIZE} (records of
 * the full {@code SIZE}, as earlier builds wrote them, decode too).
 * Pure; offsets are checked against the object's BTF by a test.
 */
public final class DnsRecordDecoder {
    public static final int RECORD_DNS = 32;
    static final int UID = 24;
    static final int GID = 28;
    static final int RET = 32;
    static final int HINT_FAMILY = 36;
    static final int LATENCY = 40;
    static final int ADDR_COUNT = 48;
    static final int FUNCTION = 52;
    static final int COMM = 56;
    static final int HOST = 72;
    static final int HOST_MAX = 256;
    static final int SERVICE = 328;
    static final int SERVICE_MAX = 64;
    static final int ADDRS = 392;
    static final int ADDR_SIZE = 20;
    static final int ADDRS_MAX = 16;
    static final int SIZE = 712;

    private final WallClock clock;

    public DnsRecordDecoder(WallClock clock) {
        this.clock = clock;
    }

    public DnsEvent decode(byte[] record) throws MalformedRecordException {
        if (record.length < ADDRS || record.length > SIZE) {
            throw new MalformedRecordException("not a DNS record: " + record.length + " bytes, expected "
                    + ADDRS + " to " + SIZE);
        }
        RecordReader r = new RecordReader(record);
        if (r.u16(0) != RECORD_DNS || r.u32(4) != record.length) {
            throw new MalformedRecordException("not a DNS record: type " + r.u16(0) + ", header size " + r.u32(4)
                    + ", " + record.length + " bytes");
        }
        long count = r.u32(ADDR_COUNT);
        if (count > ADDRS_MAX) {
            throw new MalformedRecordException("DNS record with " + count + " addresses");
        }
        if (ADDRS + count * ADDR_SIZE > record.length) {
            throw new MalformedRecordException("DNS record of " + record.length + " bytes cannot hold " + count
                    + " addresses");
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            int at = ADDRS + i * ADDR_SIZE;
            int family = r.u16(at);
            if (family == 2) {
                addresses.add(IpText.format(r.slice(at + 4, 4), false));
            } else if (family == 10) {
                addresses.add(IpText.format(r.slice(at + 4, 16), true));
            }
        }
        String function = switch (r.u16(FUNCTION)) {
            case 1 -> "getaddrinfo";
            case 2 -> "gethostbyname";
            case 3 -> "gethostbyname2";
            default -> throw new MalformedRecordException("unknown DNS function " + r.u16(FUNCTION));
        };
        long ktime = r.u64(8);
        return new DnsEvent(function, ktime, clock.toEpochNanos(ktime), r.s32(16), r.s32(20), r.u32(UID), r.u32(GID),
                r.cString(COMM, 16), null, r.cString(HOST, HOST_MAX), r.cString(SERVICE, SERVICE_MAX),
                r.s32(HINT_FAMILY), r.s32(RET), r.u64(LATENCY), List.copyOf(addresses));
    }
}
