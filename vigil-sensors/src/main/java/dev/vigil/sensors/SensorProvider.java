package dev.vigil.sensors;

import dev.vigil.sql.spi.Table;

import java.util.List;

/**
 * A kind of sensor, found through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.vigil.sensors.SensorProvider}):
 * it creates the sensor and the event tables that read its store. Implementations are stateless.
 */
public interface SensorProvider {

    /** The sensor's name, as {@code vigil_sensors} and {@link SensorOptions#sensors()} know it. */
    String name();

    /**
     * A new, not yet started sensor with its store sized by the options, and its tables over that store.
     *
     * @param executables what processes ran, fed by the process sensor; tables may use it to fill paths
     */
    Instance create(SensorOptions options, ExecutableIndex executables);

    /** A sensor and the tables reading its events. */
    record Instance(BpfSensor<?> sensor, List<Table> tables) {
        public Instance {
            tables = List.copyOf(tables);
        }
    }
}
