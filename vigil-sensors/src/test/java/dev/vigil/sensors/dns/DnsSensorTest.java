package dev.vigil.sensors.dns;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.RootOnly;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The DNS sensor on this kernel, against lookups by getent(1) children, which call glibc's getaddrinfo. */
class DnsSensorTest {

    @BeforeEach
    void privileged() {
        RootOnly.assumeBpfPrivileges();
    }

    @Test
    void lookupsOfLocalhostAndAnInvalidNameAreSeen() throws Exception {
        List<DnsEvent> live = new CopyOnWriteArrayList<>();
        try (DnsSensor sensor = new DnsSensor(new EventStore<>())) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            assertThat(sensor.status().state()).as(String.valueOf(sensor.status())).isEqualTo(SensorStatus.State.RUNNING);
            assertThat(sensor.status().hook()).isEqualTo("uprobe");
            assertThat(sensor.attachedLibcs()).isNotEmpty();

            long good = run("getent", "ahosts", "localhost");
            String invalid = "vigil-" + UUID.randomUUID() + ".invalid";
            long bad = run("getent", "ahosts", invalid);

            assertThat(RootOnly.waitFor(() -> live.stream().anyMatch(e -> e.pid() == bad))).as("events %s", live).isTrue();
            DnsEvent ok = live.stream().filter(e -> e.pid() == good && e.host().equals("localhost")).findFirst().orElseThrow();
            assertThat(ok.function()).isEqualTo("getaddrinfo");
            assertThat(ok.returnCode()).isZero();
            assertThat(ok.error()).isEmpty();
            assertThat(ok.latencyNanos()).isPositive();
            assertThat(ok.addresses()).containsAnyOf("127.0.0.1", "::1");
            assertThat(ok.comm()).isEqualTo("getent");
            if (ok.path() != null) { // read from /proc when the event arrived: null once getent has exited
                assertThat(ok.path()).endsWith("/getent");
            }

            DnsEvent failed = live.stream().filter(e -> e.pid() == bad).findFirst().orElseThrow();
            assertThat(failed.host()).isEqualTo(invalid);
            assertThat(failed.returnCode()).isEqualTo(AddrinfoErrors.EAI_NONAME);
            assertThat(failed.error()).isEqualTo("EAI_NONAME");
            assertThat(failed.addresses()).isEmpty();
        }
    }

    @Test
    void gethostbynameIsSeen(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("lookup.c");
        Files.writeString(source, """
                #include <netdb.h>
                #include <stdio.h>
                #include <sys/socket.h>
                int main(int argc, char **argv) {
                    struct hostent *a = gethostbyname(argv[1]);
                    struct hostent *b = gethostbyname2(argv[2], AF_INET6);
                    printf("%d %d\\n", a != NULL, b != NULL);
                    return 0;
                }
                """);
        Path binary = dir.resolve("lookup");
        Process gcc = new ProcessBuilder("gcc", source.toString(), "-o", binary.toString()).inheritIO().start();
        assumeTrue(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0, "gcc unavailable");
        List<DnsEvent> live = new CopyOnWriteArrayList<>();
        try (DnsSensor sensor = new DnsSensor(new EventStore<>())) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            String invalid = "vigil-" + UUID.randomUUID() + ".invalid";
            long pid = run(binary.toString(), "localhost", invalid);
            assertThat(RootOnly.waitFor(() -> live.stream().filter(e -> e.pid() == pid).count() == 2)).as("%s", live).isTrue();
            DnsEvent v4 = live.stream().filter(e -> e.pid() == pid && e.function().equals("gethostbyname")).findFirst().orElseThrow();
            assertThat(v4.host()).isEqualTo("localhost");
            assertThat(v4.returnCode()).isZero();
            assertThat(v4.addresses()).contains("127.0.0.1");
            assertThat(v4.family()).isEqualTo(2);
            DnsEvent v6 = live.stream().filter(e -> e.pid() == pid && e.function().equals("gethostbyname2")).findFirst().orElseThrow();
            assertThat(v6.host()).isEqualTo(invalid);
            assertThat(v6.family()).isEqualTo(10);
            assertThat(v6.returnCode()).isEqualTo(1);
            assertThat(v6.error()).isEqualTo("gethostbyname2 returned NULL");
        }
    }

    @Test
    void aLibcMappedAfterStartIsCoveredByARescan(@TempDir Path dir) throws Exception {
        Path loader = Path.of("/lib64/ld-linux-x86-64.so.2");
        assumeTrue(Files.exists(loader), "x86-64 glibc loader not found");
        Path libc = new LibcLocator().find().getFirst().path();
        Files.copy(libc, dir.resolve("libc.so.6")); // a new inode: a libc no probe is attached to yet
        List<DnsEvent> live = new CopyOnWriteArrayList<>();
        try (DnsSensor sensor = new DnsSensor(new EventStore<>())) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            int before = sensor.attachedLibcs().size();
            Process holder = new ProcessBuilder(loader.toString(), "--library-path", dir.toString(), "/bin/sleep", "20").start();
            try {
                assertThat(RootOnly.waitFor(() -> {
                    try {
                        return sensor.rescan() == 1;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).isTrue();
                assertThat(sensor.attachedLibcs()).hasSize(before + 1);
                String host = "vigil-" + UUID.randomUUID() + ".invalid";
                long pid = run(loader.toString(), "--library-path", dir.toString(), "/usr/bin/getent", "ahosts", host);
                assertThat(RootOnly.waitFor(() -> live.stream().anyMatch(e -> e.pid() == pid && e.host().equals(host))))
                        .as("%s", live).isTrue();
                assertThat(sensor.rescan()).isZero();
            } finally {
                holder.destroy();
            }
        }
    }

    /** Runs a command to completion; returns its pid. */
    private static long run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }
}
