package dev.vigil.bench;

/**
 * One tracer's measurement in one run of a workload.
 *
 * @param value      the workload's figure: wall milliseconds (exec storm) or nanoseconds per call (getaddrinfo)
 * @param events     events the tracer received for the workload; -1 where not counted
 * @param expected   events the workload caused
 * @param drops      events the tracer reported lost; -1 where it has no such counter
 * @param cpuNanos   CPU the tracer's own process(es) used during the run; -1 for no tracer
 * @param delivered  Vigil only: every event delivered into the event stores during the run (all kinds)
 */
record Run(double value, long events, long expected, long drops, long cpuNanos, long delivered) {

    static Run untraced(double value) {
        return new Run(value, -1, -1, -1, -1, -1);
    }
}
