package dev.vigil.sensors;

/**
 * An event a sensor delivered, as stored and as streamed to live listeners: {@code ProcessEvent}, {@code SocketEvent},
 * {@code DnsEvent}. Implementations are immutable records.
 */
public interface SensorEvent {

    /** What happened: exec, exit, fork, connect, accept, bind, listen, dns. */
    String kind();

    /** Process (thread group) id. */
    int pid();

    /** When it happened, in nanoseconds since the Unix epoch. */
    long timeNanos();

    /** When it happened, in CLOCK_MONOTONIC nanoseconds (the kernel's uptime clock). */
    long monotonicNanos();

    /** The task's command name (comm), at most 15 bytes. */
    String comm();
}
