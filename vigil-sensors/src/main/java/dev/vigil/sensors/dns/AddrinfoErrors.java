package dev.vigil.sensors.dns;

/** glibc's getaddrinfo(3) error codes (netdb.h), by value. */
public final class AddrinfoErrors {
    public static final int EAI_NONAME = -2;

    private AddrinfoErrors() {
    }

    /** The symbolic name, "" for 0, "EAI_<n>" for an unknown code. */
    public static String name(int code) {
        return switch (code) {
            case 0 -> "";
            case -1 -> "EAI_BADFLAGS";
            case -2 -> "EAI_NONAME";
            case -3 -> "EAI_AGAIN";
            case -4 -> "EAI_FAIL";
            case -5 -> "EAI_NODATA";
            case -6 -> "EAI_FAMILY";
            case -7 -> "EAI_SOCKTYPE";
            case -8 -> "EAI_SERVICE";
            case -9 -> "EAI_ADDRFAMILY";
            case -10 -> "EAI_MEMORY";
            case -11 -> "EAI_SYSTEM";
            case -12 -> "EAI_OVERFLOW";
            case -100 -> "EAI_INPROGRESS";
            case -101 -> "EAI_CANCELED";
            case -102 -> "EAI_NOTCANCELED";
            case -103 -> "EAI_ALLDONE";
            case -104 -> "EAI_INTR";
            case -105 -> "EAI_IDN_ENCODE";
            default -> "EAI_" + code;
        };
    }
}
