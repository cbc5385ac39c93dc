package dev.vigil.cli;

import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;
import dev.vigil.sql.Engine;

import java.util.function.Consumer;

/**
 * The engine a command on this host uses: every table and function found through ServiceLoader plus the event
 * tables. With sensors, it owns the running sensors and stops them on close; without, the event tables exist
 * and are empty (a one-shot query has no time to collect events). Not thread-safe; closed by its creator.
 */
final class HostEngine implements AutoCloseable {
    private final SensorRuntime sensors;
    private final Engine engine;

    private HostEngine(SensorRuntime sensors) {
        this.sensors = sensors;
        Engine.Builder builder = Engine.builder().addServiceLoaderTables().addServiceLoaderFunctions();
        sensors.tables().forEach(builder::addTable);
        this.engine = builder.build();
    }

    /** An engine whose event tables stay empty: no sensor is started. */
    static Engine open() {
        return new HostEngine(SensorRuntime.idle(SensorOptions.defaults())).engine;
    }

    /** An engine fed by every sensor this host can run; sensors that cannot run are reported to {@code warnings}. */
    static HostEngine withSensors(SensorOptions options, Consumer<String> warnings) {
        return new HostEngine(SensorRuntime.start(options, warnings));
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        sensors.close();
    }
}
