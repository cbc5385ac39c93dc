package dev.vigil.sensors.socket;

/** IP addresses as text: IPv4 dotted quads, IPv6 in RFC 5952's canonical form ("::1", "::ffff:127.0.0.1"). */
public final class IpText {
    private IpText() {
    }

    /** The address in the first 4 (IPv4) or 16 (IPv6) bytes, network order. */
    public static String format(byte[] address, boolean ipv6) {
        if (!ipv6) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
        }
        boolean mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff;
        if (mapped) {
            return "::ffff:" + (address[12] & 0xff) + "." + (address[13] & 0xff) + "." + (address[14] & 0xff) + "."
                    + (address[15] & 0xff);
        }
        // The longest run of two or more zero groups (the first if tied) becomes "::" (RFC 5952 section 4.2).
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
