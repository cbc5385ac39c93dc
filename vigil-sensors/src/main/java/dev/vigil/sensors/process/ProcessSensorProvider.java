package dev.vigil.sensors.process;

import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorProvider;

import java.util.List;

/** The process sensor with process_events and bpf_process_events. */
public final class ProcessSensorProvider implements SensorProvider {
    @Override
    public String name() {
        return ProcessSensor.NAME;
    }

    @Override
    public Instance create(SensorOptions options, ExecutableIndex executables) {
        EventStores<ProcessEvent> stores = new EventStores<>(options, ProcessSensor.KINDS);
        ProcessSensor sensor = new ProcessSensor(stores);
        return new Instance(sensor, List.of(new ProcessEventsTable(stores, executables, sensor::status),
                new BpfProcessEventsTable(stores, executables, sensor::status)));
    }
}
