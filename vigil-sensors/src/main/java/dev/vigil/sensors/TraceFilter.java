package dev.vigil.sensors;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which live events a trace shows, as {@code vigil trace [exec|exit|fork|connect|accept|bind|listen|dns|all]
 * [--pid N] [--comm NAME]} asks: event kinds (empty or "all" for every kind), a process id, a command name.
 * Immutable.
 *
 * @param kinds event kinds as {@link SensorEvent#kind()} names them; empty for all
 * @param pid   only this process, or null
 * @param comm  only this command name (exact, as the kernel's 15-byte comm), or null
 */
public record TraceFilter(Set<String> kinds, Integer pid, String comm) implements Predicate<SensorEvent> {
    /** Every kind a trace can ask for. */
    public static final Set<String> KINDS = Set.of("exec", "exit", "fork", "connect", "accept", "bind", "listen", "dns");

    public TraceFilter {
        kinds = kinds.contains("all") ? Set.of() : Set.copyOf(kinds);
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown event kind '" + kind + "'; expected one of "
                        + String.join(", ", KINDS.stream().sorted().toList()) + " or all");
            }
        }
        if (comm != null && comm.length() > 15) {
            comm = comm.substring(0, 15);
        }
    }

    public static TraceFilter all() {
        return new TraceFilter(Set.of(), null, null);
    }

    /** The sensors that produce the kinds asked for (process, socket, dns). */
    public Set<String> sensors() {
        if (kinds.isEmpty()) {
            return Set.of("process", "socket", "dns");
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String kind : kinds) {
            out.add(switch (kind.toLowerCase(Locale.ROOT)) {
                case "exec", "exit", "fork" -> "process";
                case "dns" -> "dns";
                default -> "socket";
            });
        }
        return Set.copyOf(out);
    }

    @Override
    public boolean test(SensorEvent event) {
        return (kinds.isEmpty() || kinds.contains(event.kind()))
                && (pid == null || event.pid() == pid)
                && (comm == null || Objects.equals(comm, event.comm()));
    }
}
