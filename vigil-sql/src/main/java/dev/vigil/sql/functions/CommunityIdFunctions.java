package dev.vigil.sql.functions;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * osquery's community_id_v1 and community_id_v1_strict (osquery/sql/sqlite_hashing.cpp): the Community ID v1 of a
 * flow (https://github.com/corelight/community-id-spec), as Zeek and Suricata compute it for TCP, UDP and SCTP.
 *
 * <p>"1:" + base64(sha1(seed . saddr . daddr . proto . 0 . sport . dport)), with the seed and ports as big-endian
 * 16-bit numbers and the endpoints ordered so that the smaller address (then the smaller port) comes first. As in
 * osquery, the ports are used as given for every protocol (no ICMP type/code mapping), and the addresses must be
 * TEXT, the ports, protocol and seed INTEGERs. community_id_v1 returns NULL for bad input; the _strict form fails
 * the statement with the reason.
 */
public final class CommunityIdFunctions {

    private CommunityIdFunctions() {}

    private static final String SIGNATURE = "(SRC_IP, DST_IP, SRC_PORT, DST_PORT, PROTOCOL";

    public static final class CommunityIdV1 extends NamedFunction {
        public CommunityIdV1() {
            super("community_id_v1", 5, "community_id_v1" + SIGNATURE + "): the Community ID v1 hash of the flow"
                    + " with seed 0; NULL if an argument is invalid");
        }

        @Override
        public Object apply(Object[] args) {
            return lenient(args);
        }
    }

    public static final class CommunityIdV1Seeded extends NamedFunction {
        public CommunityIdV1Seeded() {
            super("community_id_v1", 6, "community_id_v1" + SIGNATURE + ", SEED): the Community ID v1 hash of the"
                    + " flow with a 16-bit SEED; NULL if an argument is invalid");
        }

        @Override
        public Object apply(Object[] args) {
            return lenient(args);
        }
    }

    public static final class CommunityIdV1Strict extends NamedFunction {
        public CommunityIdV1Strict() {
            super("community_id_v1_strict", 5, "community_id_v1_strict" + SIGNATURE + "): community_id_v1, but an"
                    + " invalid argument is an error");
        }

        @Override
        public Object apply(Object[] args) {
            return communityId(args);
        }
    }

    public static final class CommunityIdV1StrictSeeded extends NamedFunction {
        public CommunityIdV1StrictSeeded() {
            super("community_id_v1_strict", 6, "community_id_v1_strict" + SIGNATURE + ", SEED): community_id_v1"
                    + " with a seed, but an invalid argument is an error");
        }

        @Override
        public Object apply(Object[] args) {
            return communityId(args);
        }
    }

    private static Object lenient(Object[] args) {
        try {
            return communityId(args);
        } catch (IllegalArgumentException invalid) {
            return null; // osquery logs a warning and returns NULL
        }
    }

    /** The Community ID of args (5 or 6 of them), or an IllegalArgumentException with osquery's message. */
    static String communityId(Object[] args) {
        int seed = 0;
        if (args.length == 6) {
            if (!(args[5] instanceof Long seed64)) {
                throw new IllegalArgumentException("Community ID seed must be an integer");
            }
            if (seed64 < Short.MIN_VALUE || seed64 > Short.MAX_VALUE) {
                throw new IllegalArgumentException("Community ID seed must fit in 2 bytes");
            }
            seed = seed64.intValue();
        }
        if (!(args[0] instanceof String && args[1] instanceof String)) {
            throw new IllegalArgumentException("Community ID IPs must be strings");
        }
        byte[] saddr = IpAddressLiteral.parse(SqliteValues.cText(args[0]));
        if (saddr == null) {
            throw new IllegalArgumentException("Community ID saddr cannot be parsed as IP");
        }
        byte[] daddr = IpAddressLiteral.parse(SqliteValues.cText(args[1]));
        if (daddr == null) {
            throw new IllegalArgumentException("Community ID daddr cannot be parsed as IP");
        }
        if (!(args[2] instanceof Long sport && args[3] instanceof Long dport)) {
            throw new IllegalArgumentException("Community ID ports must be integers");
        }
        if (sport < 0 || sport > 0xffff || dport < 0 || dport > 0xffff) {
            throw new IllegalArgumentException("Community ID ports must fit in 2 bytes");
        }
        if (!(args[4] instanceof Long proto)) {
            throw new IllegalArgumentException("Community ID protocol must be an integer");
        }
        if (proto < 0 || proto > 0xff) {
            throw new IllegalArgumentException("Community ID protocol must fit in 1 byte");
        }
        int order = compareAddresses(saddr, daddr);
        if (!(order < 0 || (order == 0 && sport < dport))) {
            byte[] address = saddr;
            saddr = daddr;
            daddr = address;
            Long port = sport;
            sport = dport;
            dport = port;
        }
        ByteArrayOutputStream tuple = new ByteArrayOutputStream(40);
        writeShort(tuple, seed);
        tuple.writeBytes(saddr);
        tuple.writeBytes(daddr);
        tuple.write(proto.intValue());
        tuple.write(0);
        writeShort(tuple, sport.intValue());
        writeShort(tuple, dport.intValue());
        return "1:" + Base64.getEncoder().encodeToString(sha1(tuple.toByteArray()));
    }

    /** boost::asio::ip::address's order: every IPv4 address before every IPv6 one, then by bytes. */
    private static int compareAddresses(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return a.length - b.length;
        }
        return Arrays.compareUnsigned(a, b);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
