package dev.vigil.host;

import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;
import dev.vigil.sql.Engine;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * This host as a SQL engine: every provided table built for the host's paths, osquery's functions, and the event
 * tables of the sensors, running or idle. What the shell, one-shot queries, the daemon and the fleet server's local
 * checks all start from. Owns the sensors it started and stops them on close; the engine itself holds nothing to
 * free. Not thread-safe to build or close; the engine it serves is thread-safe.
 *
 * <pre>{@code
 * try (HostEngine host = HostEngine.withSensors(HostPaths.live(), SensorOptions.defaults(), System.err::println);
 *      Session session = host.engine().openSession()) {
 *     session.query("SELECT pid, path FROM process_events");
 * }
 * }</pre>
 */
public final class HostEngine implements AutoCloseable {
    private final SensorRuntime sensors;
    private final Engine engine;

    private HostEngine(HostPaths host, SensorRuntime sensors) {
        this.sensors = sensors;
        Engine.Builder builder = Engine.builder().addProvidedTables(host).addServiceLoaderFunctions();
        sensors.tables().forEach(builder::addTable);
        this.engine = builder.build();
    }

    /** An engine whose event tables stay empty: no sensor is started (a one-shot query has no time to collect). */
    public static HostEngine idle(HostPaths host) {
        return new HostEngine(host, SensorRuntime.idle(SensorOptions.defaults()));
    }

    /** An engine fed by the sensors the options enable; those that cannot run are reported to {@code warnings}. */
    public static HostEngine withSensors(HostPaths host, SensorOptions options, Consumer<String> warnings) {
        return new HostEngine(host, SensorRuntime.start(options, warnings));
    }

    public Engine engine() {
        return engine;
    }

    /** The sensors behind the event tables (running or not), for their status and live events. */
    public SensorRuntime sensors() {
        return sensors;
    }

    /** A table that cannot produce rows on this host, and why. */
    public record UnsupportedTable(String name, String reason) {
    }

    /** The tables that cannot produce rows on this host now, in name order, with their reasons. */
    public List<UnsupportedTable> unsupportedTables() {
        List<UnsupportedTable> out = new ArrayList<>();
        for (Table table : engine.tables().values()) {
            table.unsupported().ifPresent(reason -> out.add(new UnsupportedTable(table.spec().name(), reason)));
        }
        return out;
    }

    @Override
    public void close() {
        sensors.close();
    }
}
