package dev.vigil.tables.process;

/**
 * The fields of /proc/[pid]/stat that the process tables use (proc_pid_stat(5)). Times are in clock ticks
 * ({@link Procfs#CLOCK_TICKS_PER_SECOND}); {@code startTicks} counts from boot.
 *
 * @param comm       field 2, the command name without its parentheses (may contain spaces and parentheses)
 * @param state      field 3, one letter: R, S, D, Z, T, t, X, I ...
 * @param parent     field 4, ppid
 * @param group      field 5, pgrp
 * @param flags      field 9, the kernel's PF_* flags (include/linux/sched.h)
 * @param userTicks  field 14, utime
 * @param systemTicks field 15, stime
 * @param nice       field 19
 * @param threads    field 20, num_threads
 * @param startTicks field 22, starttime
 */
public record ProcessStat(String comm, String state, long parent, long group, long flags, long userTicks,
                          long systemTicks, long nice, long threads, long startTicks) {

    /** PF_KTHREAD: the process is a kernel thread, which has no executable, cwd or root to read. */
    static final long PF_KTHREAD = 0x00200000;

    public boolean isKernelThread() {
        return (flags & PF_KTHREAD) != 0;
    }

    /**
     * Parses the one line of /proc/[pid]/stat. The command name is delimited by the first '(' and the last ')',
     * since it may itself contain both.
     *
     * @throws IllegalArgumentException if the text is not a stat line
     */
    public static ProcessStat parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 > text.length()) {
            throw new IllegalArgumentException("not a /proc/[pid]/stat line: " + abbreviate(text));
        }
        String[] f = text.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state), so field n is f[n - 3].
        if (f.length < 20) {
            throw new IllegalArgumentException("too few fields in /proc/[pid]/stat: " + abbreviate(text));
        }
        try {
            return new ProcessStat(text.substring(open + 1, close), f[0], Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseUnsignedLong(f[6]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[16]), Long.parseLong(f[17]),
                    Long.parseLong(f[19]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in /proc/[pid]/stat: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text.strip() : text.substring(0, 80) + "...";
    }
}
