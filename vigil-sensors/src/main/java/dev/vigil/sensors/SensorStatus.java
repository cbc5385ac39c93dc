package dev.vigil.sensors;

/**
 * A sensor's state and counters, as {@code vigil_sensors} shows them.
 *
 * @param sensor    the sensor's name (process, socket, dns)
 * @param state     running, unsupported (this host lacks what it needs), failed (an error while starting, or its
 *                  ring-buffer reader stopped on an error) or stopped (closed, or never started in this run)
 * @param reason    why it is unsupported, failed or not started; null while running
 * @param hook      the hook kind in use (tp_btf, raw_tp, tracepoint, kprobe, fentry, uprobe); null if none
 * @param seen      events the kernel side produced (per-CPU counter)
 * @param delivered events decoded and stored
 * @param dropped   events lost because the ring buffer was full (per-CPU counter)
 * @param malformed records that could not be decoded, skipped
 * @param evicted   events dropped from the tables because their kind's store was full (events_max)
 * @param expired   events dropped from the tables because they were older than events_expiry
 */
public record SensorStatus(String sensor, State state, String reason, String hook, long seen, long delivered,
                           long dropped, long malformed, long evicted, long expired) {

    public enum State {
        STOPPED, RUNNING, UNSUPPORTED, FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
