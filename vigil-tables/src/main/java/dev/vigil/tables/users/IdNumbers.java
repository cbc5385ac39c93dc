package dev.vigil.tables.users;

/** User and group IDs: unsigned 32-bit numbers (uid_t, gid_t), shown signed in the {@code *_signed} columns. */
final class IdNumbers {

    private IdNumbers() {
    }

    /** The ID in decimal text, or -1 if it is not a number in 0..4294967295. */
    static long parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 10) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        long value = Long.parseLong(t);
        return value > 0xFFFF_FFFFL ? -1 : value;
    }

    /** The ID as the signed 32-bit number a C {@code int32_t} cast gives: 4294967294 becomes -2. */
    static long signed(long id) {
        return (int) id;
    }
}
