package dev.vigil.sensors;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.sensors.process.ProcessSensor;
import dev.vigil.testkit.OpenDescriptors;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring-buffer reader that stops on an error makes its sensor {@code failed}, with the error, instead of a sensor
 * that says it runs while nothing reaches the tables. The error is forced for real: the reader's epoll descriptor
 * is replaced by /dev/null (dup2), so its next epoll_wait fails with EINVAL.
 */
class ReaderFailureTest {

    @Test
    void aReaderThatStopsMakesItsSensorFailed() throws Throwable {
        Requirements.requireBpf();
        List<String> before = OpenDescriptors.matching(t -> t.contains("eventpoll"));
        try (ProcessSensor sensor = new ProcessSensor(EventStores.withDefaults(ProcessSensor.KINDS))) {
            sensor.start(SensorOptions.defaults(), new FeatureProbe(), e -> { });
            assertThat(sensor.status().state()).isEqualTo(SensorStatus.State.RUNNING);
            List<String> epolls = new ArrayList<>(OpenDescriptors.matching(t -> t.contains("eventpoll")));
            epolls.removeAll(before);
            assertThat(epolls).hasSize(1);
            int epoll = Integer.parseInt(epolls.getFirst().split(" ")[0]);
            replaceWithDevNull(epoll);
            assertThat(Requirements.waitFor(() -> sensor.status().state() == SensorStatus.State.FAILED)).isTrue();
            assertThat(sensor.status().reason()).contains("polling ring buffer events").contains("EINVAL");
        }
    }

    /** dup2(open("/dev/null"), fd): fd now names /dev/null; its owner still closes it. */
    private static void replaceWithDevNull(int fd) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle open = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        MethodHandle dup2 = linker.downcallHandle(linker.defaultLookup().find("dup2").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int devNull = (int) open.invokeExact(arena.allocateFrom("/dev/null"), 0);
            assertThat(devNull).isNotNegative();
            assertThat((int) dup2.invokeExact(devNull, fd)).isEqualTo(fd);
            int ignored = (int) close.invokeExact(devNull);
        }
    }
}
