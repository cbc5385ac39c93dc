package dev.vigil.sensors.socket;

import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorProvider;

import java.util.List;

/** The socket sensor with socket_events and bpf_socket_events. */
public final class SocketSensorProvider implements SensorProvider {
    @Override
    public String name() {
        return SocketSensor.NAME;
    }

    @Override
    public Instance create(SensorOptions options, ExecutableIndex executables) {
        EventStores<SocketEvent> stores = new EventStores<>(options, SocketSensor.KINDS);
        SocketSensor sensor = new SocketSensor(stores);
        return new Instance(sensor, List.of(new SocketEventsTable(stores, executables, sensor::status),
                new BpfSocketEventsTable(stores, executables, sensor::status)));
    }
}
