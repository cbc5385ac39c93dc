package dev.vigil.sensors.socket;

import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorProvider;

import java.time.Clock;
import java.util.List;

/** The socket sensor with socket_events and bpf_socket_events. */
public final class SocketSensorProvider implements SensorProvider {
    @Override
    public String name() {
        return SocketSensor.NAME;
    }

    @Override
    public Instance create(SensorOptions options, ExecutableIndex executables) {
        EventStore<SocketEvent> store = new EventStore<>(options.eventsMax(), options.eventsExpiry(), Clock.systemUTC());
        return new Instance(new SocketSensor(store), List.of(new SocketEventsTable(store, executables), new BpfSocketEventsTable(store, executables)));
    }
}
