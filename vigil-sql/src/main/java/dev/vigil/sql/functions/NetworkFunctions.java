package dev.vigil.sql.functions;

/**
 * osquery's inet_aton (osquery/sql/sqlite_string.cpp) and in_cidr_block (osquery/sql/sqlite_network.cpp).
 */
public final class NetworkFunctions {

    private NetworkFunctions() {}

    /** inet_aton(IP): a dotted-quad IPv4 address as an unsigned 32-bit INTEGER; NULL if it is not one. */
    public static final class InetAton extends NamedFunction {
        public InetAton() {
            super("inet_aton", 1, "inet_aton(IP): the IPv4 address IP as an integer; NULL if IP is not one");
        }

        @Override
        public Object apply(Object[] args) {
            if (args[0] == null) {
                return null;
            }
            byte[] address = IpAddressLiteral.parseV4(SqliteValues.cText(args[0]));
            return address == null ? null : Integer.toUnsignedLong(toInt(address));
        }
    }

    /**
     * in_cidr_block(CIDR, IP): 1 if IP is one of the hosts of the network CIDR, else 0. Both must be TEXT (NULL is
     * an error, as in osquery) and IP decides the family CIDR is read in. The host range is boost::asio's
     * {@code network_v4::hosts()} / {@code network_v6::hosts()}: for IPv4 with a prefix below 32 it excludes the
     * network and broadcast addresses (so a /31 has no host), a /32 is its one address; for IPv6 it is every address
     * of the prefix, except that a network reaching the all-ones address (::/0, ff..ff/128) has none.
     */
    public static final class InCidrBlock extends NamedFunction {
        public InCidrBlock() {
            super("in_cidr_block", 2, "in_cidr_block(CIDR, IP): 1 if the IPv4 or IPv6 address IP is a host of the"
                    + " network CIDR, else 0");
        }

        @Override
        public Object apply(Object[] args) {
            if (!(args[0] instanceof String cidr)) {
                throw new IllegalArgumentException("CIDR must be a string");
            }
            if (!(args[1] instanceof String ip)) {
                throw new IllegalArgumentException("IP address must be a string");
            }
            byte[] address = IpAddressLiteral.parse(SqliteValues.cText(ip));
            if (address == null) {
                throw new IllegalArgumentException("IP address cannot be parsed");
            }
            String network = SqliteValues.cText(cidr);
            return address.length == 4 ? inV4Network(network, toInt(address)) : inV6Network(network, address);
        }

        private static long inV4Network(String cidr, int ip) {
            Network network = Network.parse(cidr, 32);
            byte[] base = network == null ? null : IpAddressLiteral.parseV4(network.address());
            if (base == null) {
                throw new IllegalArgumentException("CIDR for IP address v4 cannot be parsed");
            }
            int address = toInt(base);
            int mask = network.prefix() == 0 ? 0 : -1 << (32 - network.prefix());
            int first;
            int end; // exclusive; unsigned arithmetic wraps as boost's uint32 does
            if (network.prefix() == 32) {
                first = address;
                end = address + 1;
            } else {
                first = (address & mask) + 1;
                end = address | ~mask;
            }
            return Integer.compareUnsigned(ip, first) >= 0 && Integer.compareUnsigned(ip, end) < 0 ? 1 : 0;
        }

        private static long inV6Network(String cidr, byte[] ip) {
            Network network = Network.parse(cidr, 128);
            byte[] first = network == null ? null : IpAddressLiteral.parseV6WithZone(network.address());
            if (first == null) {
                throw new IllegalArgumentException("CIDR for IP address v6 cannot be parsed");
            }
            byte[] last = first.clone();
            for (int i = 0; i < 16; i++) {
                int networkBits = Math.clamp(network.prefix() - i * 8L, 0, 8);
                int hostMask = 0xff >>> networkBits;
                first[i] = (byte) (first[i] & ~hostMask);
                last[i] = (byte) (last[i] | hostMask);
            }
            byte[] end = increment(last);
            return java.util.Arrays.compareUnsigned(ip, first) >= 0
                    && java.util.Arrays.compareUnsigned(ip, end) < 0 ? 1 : 0;
        }

        /** The 128-bit successor, wrapping to :: after the all-ones address as boost's iterator does. */
        private static byte[] increment(byte[] address) {
            byte[] next = address.clone();
            for (int i = 15; i >= 0; i--) {
                if (++next[i] != 0) {
                    break;
                }
            }
            return next;
        }
    }

    /**
     * "ADDRESS/PREFIX" as boost's make_network_v4/v6 split it: a '/' that is not last, only decimal digits after
     * it, a prefix no larger than the family's width.
     */
    private record Network(String address, int prefix) {
        static Network parse(String cidr, int maxPrefix) {
            int slash = cidr.indexOf('/');
            if (slash < 0 || slash == cidr.length() - 1) {
                return null;
            }
            String digits = cidr.substring(slash + 1);
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            String significant = digits.replaceFirst("^0+(?=.)", "");
            if (significant.length() > 3 || Integer.parseInt(significant) > maxPrefix) {
                return null;
            }
            return new Network(cidr.substring(0, slash), Integer.parseInt(significant));
        }
    }

    private static int toInt(byte[] v4) {
        return (v4[0] & 0xff) << 24 | (v4[1] & 0xff) << 16 | (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
    }
}
