package dev.vigil.tables.sockets;

/** The names osquery gives the TCP states of the "st" column of /proc/net/tcp[6] (include/net/tcp_states.h). */
public final class TcpState {
    private static final String[] NAMES = {
            "UNKNOWN", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSED",
            "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};

    private TcpState() {
    }

    /** The name of a state given as hex digits ("0A" is LISTEN); "UNKNOWN" for anything else. */
    public static String name(String hex) {
        try {
            int state = Integer.parseInt(hex, 16);
            return state > 0 && state < NAMES.length ? NAMES[state] : NAMES[0];
        } catch (NumberFormatException e) {
            return NAMES[0];
        }
    }
}
