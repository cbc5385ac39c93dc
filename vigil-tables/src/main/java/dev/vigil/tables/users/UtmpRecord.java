package dev.vigil.tables.users;

/**
 * One record of the utmp file, as utmp(5) describes it.
 *
 * @param type         ut_type: EMPTY (0), RUN_LVL (1), BOOT_TIME (2), NEW_TIME (3), OLD_TIME (4), INIT_PROCESS
 *                     (5), LOGIN_PROCESS (6), USER_PROCESS (7), DEAD_PROCESS (8), ACCOUNTING (9)
 * @param pid          ut_pid
 * @param line         ut_line: the tty name without /dev/
 * @param id           ut_id: the terminal suffix or inittab ID
 * @param user         ut_user
 * @param host         ut_host: the remote host, or the kernel version for boot records
 * @param seconds      ut_tv.tv_sec, seconds since the epoch
 * @param microseconds ut_tv.tv_usec
 */
public record UtmpRecord(int type, int pid, String line, String id, String user, String host, long seconds,
                         long microseconds) {

    /** osquery's name for the record type: "user", "login", "boot_time", "dead" ...; "unknown" otherwise. */
    public String typeName() {
        return switch (type) {
            case 0 -> "empty";
            case 1 -> "runlevel";
            case 2 -> "boot_time";
            case 3 -> "new_time";
            case 4 -> "old_time";
            case 5 -> "init";
            case 6 -> "login";
            case 7 -> "user";
            case 8 -> "dead";
            case 9 -> "accounting";
            default -> "unknown";
        };
    }
}
