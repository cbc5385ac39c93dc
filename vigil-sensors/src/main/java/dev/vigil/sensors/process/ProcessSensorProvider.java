package dev.vigil.sensors.process;

import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorProvider;

import java.time.Clock;
import java.util.List;

/** The process sensor with process_events and bpf_process_events. */
public final class ProcessSensorProvider implements SensorProvider {
    @Override
    public String name() {
        return ProcessSensor.NAME;
    }

    @Override
    public Instance create(SensorOptions options, ExecutableIndex executables) {
        EventStore<ProcessEvent> store = new EventStore<>(options.eventsMax(), options.eventsExpiry(), Clock.systemUTC());
        return new Instance(new ProcessSensor(store), List.of(new ProcessEventsTable(store), new BpfProcessEventsTable(store)));
    }
}
