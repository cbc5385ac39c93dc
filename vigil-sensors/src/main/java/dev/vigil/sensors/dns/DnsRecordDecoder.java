package dev.vigil.sensors.dns;

import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.RecordReader;
import dev.vigil.sensors.TextCache;
import dev.vigil.sensors.WallClock;
import dev.vigil.sensors.socket.IpText;

import java.util.Arrays;
import java.util.List;

/**
 * Decodes dns.bpf.c's struct dns_record (host byte order; addresses in network order) into {@link DnsEvent}s. A
 * record is packed: after the fixed fields, {@code data} holds {@code addr_count} addresses of {@code ADDR_SIZE}
 * bytes, then {@code host_len} bytes of host and {@code service_len} bytes of service, each string with its NUL,
 * and the record ends there. Pure; offsets are checked against the object's BTF by a test.
 */
public final class DnsRecordDecoder {
    public static final int RECORD_DNS = 32;
    static final int UID = 24;
    static final int GID = 28;
    static final int RET = 32;
    static final int HINT_FAMILY = 36;
    static final int LATENCY = 40;
    static final int ADDR_COUNT = 48;
    static final int FUNCTION = 50;
    static final int HOST_LEN = 52;
    static final int SERVICE_LEN = 54;
    static final int COMM = 56;
    static final int DATA = 72;
    static final int HOST_MAX = 256;
    static final int SERVICE_MAX = 64;
    static final int ADDR_SIZE = 20;
    static final int ADDRS_MAX = 16;
    static final int SIZE = DATA + ADDRS_MAX * ADDR_SIZE + HOST_MAX + SERVICE_MAX;

    private final WallClock clock;
    private final TextCache texts = new TextCache();

    public DnsRecordDecoder(WallClock clock) {
        this.clock = clock;
    }

    /** The event of a record, without its executable's path; not thread-safe (a decoder serves one reader thread). */
    public DnsEvent decode(byte[] record) throws MalformedRecordException {
        if (record.length < DATA || record.length > SIZE) {
            throw new MalformedRecordException("not a DNS record: " + record.length + " bytes, expected "
                    + DATA + " to " + SIZE);
        }
        RecordReader r = new RecordReader(record);
        if (r.u16(0) != RECORD_DNS || r.u32(4) != record.length) {
            throw new MalformedRecordException("not a DNS record: type " + r.u16(0) + ", header size " + r.u32(4)
                    + ", " + record.length + " bytes");
        }
        int count = r.u16(ADDR_COUNT);
        int hostLength = r.u16(HOST_LEN);
        int serviceLength = r.u16(SERVICE_LEN);
        if (count > ADDRS_MAX) {
            throw new MalformedRecordException("DNS record with " + count + " addresses");
        }
        if (hostLength > HOST_MAX || serviceLength > SERVICE_MAX) {
            throw new MalformedRecordException("DNS record with a host of " + hostLength + " or a service of "
                    + serviceLength + " bytes");
        }
        int host = DATA + count * ADDR_SIZE;
        int service = host + hostLength;
        if (service + serviceLength != record.length) {
            throw new MalformedRecordException("DNS record of " + record.length + " bytes does not hold exactly "
                    + count + " addresses, a host of " + hostLength + " and a service of " + serviceLength + " bytes");
        }
        String[] addresses = new String[count];
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            int at = DATA + i * ADDR_SIZE;
            int family = r.u16(at);
            String text = switch (family) {
                case 2 -> r.formatted(at + 4, 4, 2, texts, b -> IpText.format(b, false));
                case 10 -> r.formatted(at + 4, 16, 10, texts, b -> IpText.format(b, true));
                default -> null;
            };
            if (text != null && !contains(addresses, distinct, text)) {
                addresses[distinct++] = text;
            }
        }
        String function = switch (r.u16(FUNCTION)) {
            case 1 -> "getaddrinfo";
            case 2 -> "gethostbyname";
            case 3 -> "gethostbyname2";
            case 4 -> "gethostbyname_r";
            case 5 -> "gethostbyname2_r";
            default -> throw new MalformedRecordException("unknown DNS function " + r.u16(FUNCTION));
        };
        long ktime = r.u64(8);
        return new DnsEvent(function, ktime, clock.toEpochNanos(ktime), r.s32(16), r.s32(20), r.u32(UID), r.u32(GID),
                r.cString(COMM, 16, texts), null, string(r, record, host, hostLength, "host"),
                string(r, record, service, serviceLength, "service"), r.s32(HINT_FAMILY), r.s32(RET), r.u64(LATENCY),
                List.of(Arrays.copyOf(addresses, distinct)));
    }

    private static boolean contains(String[] values, int count, String value) {
        for (int i = 0; i < count; i++) {
            if (values[i].equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A string of the data area, which must end with its NUL; "" for length 0 (a NULL argument). */
    private String string(RecordReader r, byte[] record, int offset, int length, String what) throws MalformedRecordException {
        if (length == 0) {
            return "";
        }
        if (record[offset + length - 1] != 0) {
            throw new MalformedRecordException("DNS record's " + what + " has no NUL");
        }
        return r.cString(offset, length, texts);
    }
}
