package dev.vigil.sensors.dns;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.HostRoots;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
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
        Requirements.requireBpf();
    }

    @ParameterizedTest
    @EnumSource(value = HookKind.class, names = {"UPROBE_MULTI", "UPROBE"})
    void lookupsOfLocalhostAndAnInvalidNameAreSeen(HookKind kind, @TempDir Path root) throws Exception {
        Requirements.require(kind != HookKind.UPROBE_MULTI || new FeatureProbe().check(kind, "getaddrinfo") == null,
                "no uprobe_multi links on this kernel");
        List<DnsEvent> live = new CopyOnWriteArrayList<>();
        try (DnsSensor sensor = new DnsSensor(EventStores.withDefaults(java.util.List.of(DnsSensor.KIND)))) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), HostRoots.forcing(root, kind, null), live::add);
            assertThat(sensor.status().state()).as(String.valueOf(sensor.status())).isEqualTo(SensorStatus.State.RUNNING);
            assertThat(sensor.status().hook()).isEqualTo(kind.sectionPrefix());
            assertThat(sensor.attachedLibcs()).isNotEmpty();

            long good = run("getent", "ahosts", "localhost");
            String invalid = "vigil-" + UUID.randomUUID() + ".invalid";
            long bad = run("getent", "ahosts", invalid);

            assertThat(Requirements.waitFor(() -> live.stream().anyMatch(e -> e.pid() == bad))).as("events %s", live).isTrue();
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

    /**
     * The gethostbyname family, each call once (glibc's gethostbyname calls gethostbyname_r inside: that inner call
     * must not show as a second lookup), with h_errno as the caller saw it.
     */
    @Test
    void gethostbynameFamilyIsSeenOncePerCallWithItsHErrno(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("lookup.c");
        Files.writeString(source, """
                #include <netdb.h>
                #include <stdio.h>
                #include <sys/socket.h>
                int main(int argc, char **argv) {
                    struct hostent *a = gethostbyname(argv[1]);
                    struct hostent *b = gethostbyname2(argv[2], AF_INET6);
                    int b_err = h_errno;
                    struct hostent he, he2, *c = NULL, *d = NULL;
                    char buf[8192], buf2[8192];
                    int c_err = 0, d_err = 0;
                    int c_rc = gethostbyname_r(argv[1], &he, buf, sizeof buf, &c, &c_err);
                    int d_rc = gethostbyname2_r(argv[2], AF_INET, &he2, buf2, sizeof buf2, &d, &d_err);
                    printf("%d %d %d %d %d %d %d\\n", a != NULL, b != NULL, b_err, c != NULL && c_rc == 0, d != NULL,
                           d_rc, d_err);
                    return 0;
                }
                """);
        Path binary = dir.resolve("lookup");
        compile(source, binary);
        List<DnsEvent> live = new CopyOnWriteArrayList<>();
        try (DnsSensor sensor = new DnsSensor(EventStores.withDefaults(java.util.List.of(DnsSensor.KIND)))) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            String invalid = "vigil-" + UUID.randomUUID() + ".invalid";
            Process child = new ProcessBuilder(binary.toString(), "localhost", invalid).redirectErrorStream(true).start();
            String[] said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long pid = child.pid();
            assertThat(said).as("the child's own results").startsWith("1", "0").hasSize(7);
            assertThat(said[3]).as("gethostbyname_r found localhost").isEqualTo("1");
            assertThat(said[4]).as("gethostbyname2_r found nothing").isEqualTo("0");
            assertThat(Requirements.waitFor(() -> live.stream().filter(e -> e.pid() == pid).count() >= 4)).as("%s", live).isTrue();
            Thread.sleep(200); // an inner call reported on its own would come in right behind
            List<DnsEvent> mine = live.stream().filter(e -> e.pid() == pid).toList();
            assertThat(mine).extracting(DnsEvent::function)
                    .containsExactly("gethostbyname", "gethostbyname2", "gethostbyname_r", "gethostbyname2_r");

            DnsEvent v4 = mine.get(0);
            assertThat(v4.host()).isEqualTo("localhost");
            assertThat(v4.returnCode()).isZero();
            assertThat(v4.addresses()).contains("127.0.0.1");
            assertThat(v4.family()).isEqualTo(2);
            DnsEvent v6 = mine.get(1);
            assertThat(v6.host()).isEqualTo(invalid);
            assertThat(v6.family()).isEqualTo(10);
            assertThat(v6.returnCode()).as("h_errno").isEqualTo(Integer.parseInt(said[2])).isNotZero();
            assertThat(v6.error()).isIn("HOST_NOT_FOUND", "TRY_AGAIN", "NO_RECOVERY", "NO_DATA", "NETDB_INTERNAL");
            DnsEvent r4 = mine.get(2);
            assertThat(r4.host()).isEqualTo("localhost");
            assertThat(r4.returnCode()).isZero();
            assertThat(r4.addresses()).contains("127.0.0.1");
            DnsEvent r6 = mine.get(3);
            assertThat(r6.host()).isEqualTo(invalid);
            assertThat(r6.family()).isEqualTo(2);
            assertThat(r6.returnCode()).as("h_errno").isEqualTo(Integer.parseInt(said[6])).isNotZero();
            assertThat(r6.addresses()).isEmpty();
        }
    }

    /**
     * The answer walk and the hints against what glibc itself returned: a child prints, for each of its lookups, the
     * family it asked for and the distinct addresses in its result list; the sensor must report the same. The cases
     * cover no hints, hints on the heap far from the result pointer (two reads instead of one window), a list of
     * several nodes (the answer window moves), and a non-root caller (uid and gid from the task's credentials).
     */
    @Test
    void familiesAndAnswersMatchWhatTheCallerGot(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("answers.c");
        Files.writeString(source, """
                #include <arpa/inet.h>
                #include <netdb.h>
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <sys/socket.h>
                static void show(const char *tag, int family, struct addrinfo *res, int rc) {
                    char seen[16][INET6_ADDRSTRLEN]; int n = 0;
                    printf("%s|%d|%d|", tag, family, rc);
                    for (struct addrinfo *ai = res; ai && n < 16; ai = ai->ai_next) {
                        char text[INET6_ADDRSTRLEN];
                        const void *a = ai->ai_family == AF_INET ? (void *) &((struct sockaddr_in *) ai->ai_addr)->sin_addr
                                                                 : (void *) &((struct sockaddr_in6 *) ai->ai_addr)->sin6_addr;
                        inet_ntop(ai->ai_family, a, text, sizeof text);
                        int dup = 0;
                        for (int i = 0; i < n; i++) dup |= strcmp(seen[i], text) == 0;
                        if (!dup) { printf(n ? ",%s" : "%s", text); strcpy(seen[n++], text); }
                    }
                    printf("\\n");
                    if (res) freeaddrinfo(res);
                }
                int main(void) {
                    struct addrinfo *res = NULL;
                    int rc = getaddrinfo("localhost", NULL, NULL, &res);            /* no hints: family -1 */
                    show("localhost", -1, res, rc);
                    struct addrinfo *hints = calloc(1, 4096);                        /* hints far from res */
                    hints->ai_family = AF_INET6; hints->ai_flags = AI_NUMERICHOST;
                    res = NULL; rc = getaddrinfo("::1", "443", hints, &res);
                    show("::1", AF_INET6, res, rc);
                    struct addrinfo near = {0};                                      /* many nodes: 2 families x 3 types */
                    near.ai_flags = AI_PASSIVE;
                    res = NULL; rc = getaddrinfo(NULL, "53", &near, &res);
                    show("", AF_UNSPEC, res, rc);
                    return 0;
                }
                """);
        Path binary = dir.resolve("answers");
        compile(source, binary);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<DnsEvent> live = new CopyOnWriteArrayList<>();
        try (DnsSensor sensor = new DnsSensor(EventStores.withDefaults(java.util.List.of(DnsSensor.KIND)))) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary.toString())
                    .redirectErrorStream(true).start();
            List<String> printed = new String(p.getInputStream().readAllBytes()).lines().toList();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("%s", printed).isZero();
            assertThat(printed).hasSize(3);
            assertThat(Requirements.waitFor(() -> live.stream().filter(e -> e.pid() == p.pid()).count() == 3)).as("%s", live).isTrue();
            List<DnsEvent> mine = live.stream().filter(e -> e.pid() == p.pid()).toList();
            for (int i = 0; i < 3; i++) {
                String[] truth = printed.get(i).split("\\|", -1);
                DnsEvent e = mine.get(i);
                assertThat(e.host()).isEqualTo(truth[0]);
                assertThat(e.family()).as(e.host()).isEqualTo(Integer.parseInt(truth[1]));
                assertThat(e.returnCode()).as(e.host()).isEqualTo(Integer.parseInt(truth[2]));
                assertThat(String.join(",", e.addresses())).as(e.host()).isEqualTo(truth[3]);
                assertThat(e.uid()).isEqualTo(65534);
                assertThat(e.gid()).isEqualTo(65534);
            }
            assertThat(mine.get(2).addresses()).as("several nodes").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aLibcMappedAfterStartIsCoveredByARescan(@TempDir Path dir) throws Exception {
        Path loader = Path.of("/lib64/ld-linux-x86-64.so.2");
        assumeTrue(Files.exists(loader), "x86-64 glibc loader not found");
        Path libc = new LibcLocator().find().getFirst().path();
        Files.copy(libc, dir.resolve("libc.so.6")); // a new inode: a libc no probe is attached to yet
        List<DnsEvent> live = new CopyOnWriteArrayList<>();
        try (DnsSensor sensor = new DnsSensor(EventStores.withDefaults(java.util.List.of(DnsSensor.KIND)))) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            int before = sensor.attachedLibcs().size();
            Process holder = new ProcessBuilder(loader.toString(), "--library-path", dir.toString(), "/bin/sleep", "20").start();
            try {
                assertThat(Requirements.waitFor(() -> {
                    try {
                        return sensor.rescan() == 1;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).isTrue();
                assertThat(sensor.attachedLibcs()).hasSize(before + 1);
                String host = "vigil-" + UUID.randomUUID() + ".invalid";
                long pid = run(loader.toString(), "--library-path", dir.toString(), "/usr/bin/getent", "ahosts", host);
                assertThat(Requirements.waitFor(() -> live.stream().anyMatch(e -> e.pid() == pid && e.host().equals(host))))
                        .as("%s", live).isTrue();
                assertThat(sensor.rescan()).isZero();
            } finally {
                holder.destroy();
            }
        }
    }

    /** Runs a command to completion; returns its pid. */
    /** Compiles a test's C child; skips the test only where gcc is not installed, fails it if the source does not build. */
    private static void compile(Path source, Path binary) throws Exception {
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", source.toString(), "-o", binary.toString()).inheritIO().start();
        } catch (java.io.IOException e) {
            Requirements.require(false, "gcc is not installed: " + e.getMessage());
            return;
        }
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as("gcc " + source).isZero();
    }

    private static long run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }
}
