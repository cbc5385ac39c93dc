package dev.vigil.sensors;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.sensors.dns.DnsEvent;
import dev.vigil.sensors.process.ProcessEvent;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.Table;
import dev.vigil.testkit.OpenDescriptors;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime on this kernel (as root), and on a fake host without privileges. */
class SensorRuntimeTest {

    @Test
    void childProcessAppearsInEventTablesWithItsExitCode(@TempDir Path dir) throws Exception {
        Requirements.requireBpf();
        String marker = "vigil-runtime-" + UUID.randomUUID();
        List<String> warnings = new ArrayList<>();
        List<SensorEvent> live = new CopyOnWriteArrayList<>();
        try (SensorRuntime runtime = SensorRuntime.start(SensorOptions.defaults().withLowLatency(true), warnings::add);
             SensorRuntime.Subscription subscription = runtime.subscribe(live::add)) {
            assertThat(warnings).isEmpty();
            Process child = new ProcessBuilder("/bin/sh", "-c", "exit 3", marker).directory(dir.toFile()).start();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long pid = child.pid();
            assertThat(Requirements.waitFor(() -> live.stream().anyMatch(e -> e.kind().equals("exit") && e.pid() == pid))).isTrue();

            Row exec = only(rows(runtime, "process_events"), "pid", pid, "cmdline", "/bin/sh -c exit 3 " + marker);
            assertThat(value(exec, "parent")).isEqualTo(ProcessHandle.current().pid());
            assertThat(value(exec, "uid")).isEqualTo(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
            assertThat(value(exec, "path")).isEqualTo(Path.of("/bin/sh").toRealPath().toString());
            assertThat(value(exec, "cwd")).isEqualTo(dir.toRealPath().toString());

            Row exit = only(rows(runtime, "bpf_process_events"), "pid", pid, "syscall", "exit");
            assertThat(value(exit, "exit_code")).isEqualTo("3");
            assertThat(value(exit, "cmdline")).isEqualTo("/bin/sh -c exit 3 " + marker);
            assertThat(value(exit, "parent")).isEqualTo(ProcessHandle.current().pid());

            Row sensor = only(rows(runtime, "vigil_sensors"), "sensor", "process", "state", "running");
            assertThat(value(sensor, "hook")).isIn("tp_btf", "raw_tp");
            assertThat((Long) value(sensor, "delivered")).isPositive();

            SensorEvent execEvent = live.stream().filter(e -> e.kind().equals("exec") && e.pid() == pid
                    && EventFormatter.json(e).contains(marker)).findFirst().orElseThrow();
            assertThat(EventFormatter.line(execEvent)).contains("exec").contains(Long.toString(pid)).contains(marker);
        }
    }

    @Test
    void liveEventsGetTheExecutableTheTablesShow() throws Exception {
        // A DNS or socket event of a process that exited before its event was read has no path from /proc; the
        // tables fill it from the exec events seen, and so must vigil trace.
        SensorRuntime runtime = SensorRuntime.idle(SensorOptions.defaults());
        ProcessEvent exec = new dev.vigil.sensors.process.ProcessRecordDecoder(new WallClock(0))
                .decode(SensorRuntimeTest.class.getResourceAsStream("/records/exec-sh-exit3.bin").readAllBytes());
        runtime.dispatch(exec);
        DnsEvent lookup = new DnsEvent("getaddrinfo", exec.monotonicNanos() + 1000, 0, exec.pid(), exec.pid(), 0, 0,
                "sh", null, "example.org", "", 0, 0, 1000, List.of());
        assertThat(((DnsEvent) runtime.withExecutable(lookup)).path()).isEqualTo("/usr/bin/dash");
        DnsEvent before = lookup.withPath(null);
        DnsEvent earlier = new DnsEvent("getaddrinfo", exec.monotonicNanos() - 1000, 0, exec.pid(), exec.pid(), 0, 0,
                "sh", null, "example.org", "", 0, 0, 1000, List.of());
        assertThat(((DnsEvent) runtime.withExecutable(earlier)).path()).isNull();
        assertThat(runtime.withExecutable(before.withPath("/bin/x"))).isEqualTo(before.withPath("/bin/x"));
    }

    @Test
    void stoppingLeavesNoBpfDescriptorsAndKeepsCounters() throws Exception {
        Requirements.requireBpf();
        SensorRuntime.start(SensorOptions.defaults(), w -> { }).close();
        List<String> before = OpenDescriptors.bpf();
        SensorRuntime runtime = SensorRuntime.start(SensorOptions.defaults(), w -> { });
        assertThat(OpenDescriptors.bpf()).hasSizeGreaterThan(before.size());
        new ProcessBuilder("/bin/true").start().waitFor();
        assertThat(Requirements.waitFor(() -> process(runtime).delivered() > 0)).isTrue();
        runtime.close();
        runtime.close();
        assertThat(OpenDescriptors.bpf()).containsExactlyInAnyOrderElementsOf(before);
        SensorStatus stopped = process(runtime);
        assertThat(stopped.state()).isEqualTo(SensorStatus.State.STOPPED);
        assertThat(stopped.seen()).isPositive();
        assertThat(rows(runtime, "bpf_process_events")).isNotEmpty();
    }

    private static SensorStatus process(SensorRuntime runtime) {
        return runtime.statuses().stream().filter(s -> s.sensor().equals("process")).findFirst().orElseThrow();
    }


    @Test
    void withoutPrivilegesSensorsAreUnsupportedAndTablesEmpty(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(root.resolve("proc/self/status"), "Name:\tjava\nCapEff:\t0000000000000000\n");
        List<String> warnings = new ArrayList<>();
        try (SensorRuntime runtime = SensorRuntime.start(SensorOptions.defaults(), warnings::add, new FeatureProbe(root))) {
            assertThat(warnings).hasSize(runtime.statuses().size()).allSatisfy(w -> assertThat(w).contains("CAP_BPF"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("sensor process unsupported"));
            Row sensor = only(rows(runtime, "vigil_sensors"), "sensor", "process", "state", "unsupported");
            assertThat((String) value(sensor, "reason")).contains("root");
            assertThat(rows(runtime, "process_events")).isEmpty();
            assertThat(rows(runtime, "bpf_process_events")).isEmpty();
            assertThat(rows(runtime, "socket_events")).isEmpty();
        }
    }

    @Test
    void sensorsNotStartedAreListedAsStoppedWithTheReason(@TempDir Path root) throws Exception {
        try (SensorRuntime idle = SensorRuntime.idle(SensorOptions.defaults())) {
            List<Row> rows = rows(idle, "vigil_sensors");
            assertThat(rows).extracting(r -> value(r, "sensor")).containsExactly("dns", "process", "socket");
            assertThat(rows).allSatisfy(r -> {
                assertThat(value(r, "state")).isEqualTo("stopped");
                assertThat(value(r, "reason")).isEqualTo(SensorRuntime.IDLE_REASON);
            });
        }
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(root.resolve("proc/self/status"), "Name:\tjava\nCapEff:\t0000000000000000\n");
        List<String> warnings = new ArrayList<>();
        try (SensorRuntime onlyDns = SensorRuntime.start(SensorOptions.defaults().withSensors(java.util.Set.of("dns")),
                warnings::add, new FeatureProbe(root))) {
            assertThat(warnings).hasSize(1).allSatisfy(w -> assertThat(w).contains("sensor dns unsupported"));
            only(rows(onlyDns, "vigil_sensors"), "sensor", "dns", "state", "unsupported");
            Row process = only(rows(onlyDns, "vigil_sensors"), "sensor", "process", "state", "stopped");
            assertThat(value(process, "reason")).isEqualTo(SensorRuntime.DISABLED_REASON);
            assertThat(onlyDns.statuses()).extracting(SensorStatus::sensor).containsExactly("dns", "process", "socket");
        }
    }

    static List<Row> rows(SensorRuntime runtime, String name) throws Exception {
        Table table = runtime.tables().stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
        List<Row> rows = new ArrayList<>();
        table.generate(QueryContext.all(table.spec()), rows::add);
        return rows;
    }

    static Object value(Row row, String column) {
        return row.get(row.spec().column(column).orElseThrow());
    }

    /** The one row whose columns have these values (pairs of column name and value). */
    static Row only(List<Row> rows, Object... columnValues) {
        List<Row> matching = rows.stream().filter(r -> {
            for (int i = 0; i < columnValues.length; i += 2) {
                if (!columnValues[i + 1].equals(value(r, (String) columnValues[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(matching).as("rows with %s among %s", List.of(columnValues), rows).hasSize(1);
        return matching.getFirst();
    }
}
