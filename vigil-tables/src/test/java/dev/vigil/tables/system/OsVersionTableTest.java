package dev.vigil.tables.system;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.tables.FixtureFiles;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OsVersionTableTest {
    @TempDir
    Path dir;

    /** An Ubuntu host whose process 4242 is an Alpine container with only /usr/lib/os-release. */
    private HostPaths ubuntuHost() {
        return FakeHost.in(dir).copy("/proc", FixtureFiles.path("system/proc"))
                .copy("/etc/os-release", FixtureFiles.path("system/root/etc/os-release")).paths();
    }

    @Test
    void osReleaseQuotingAndEscapes() {
        Map<String, String> values = OsRelease.parse("""
                # comment
                NAME="Fedora Linux"
                ID=fedora
                VARIANT='Server Edition'
                QUOTED="say \\"hi\\" \\$HOME"
                EMPTY=
                not a variable
                """);

        assertThat(values).containsExactly(Map.entry("NAME", "Fedora Linux"), Map.entry("ID", "fedora"),
                Map.entry("VARIANT", "Server Edition"), Map.entry("QUOTED", "say \"hi\" $HOME"),
                Map.entry("EMPTY", ""));
    }

    @Test
    void versionIdSplitsIntoNumbers() {
        assertThat(OsVersionTable.versionParts("22.04")).containsExactly(22, 4, 0);
        assertThat(OsVersionTable.versionParts("3.19.1")).containsExactly(3, 19, 1);
        assertThat(OsVersionTable.versionParts("12")).containsExactly(12, 0, 0);
        assertThat(OsVersionTable.versionParts("rolling")).containsExactly(0, 0, 0);
        assertThat(OsVersionTable.versionParts(null)).containsExactly(0, 0, 0);
    }

    @Test
    void rowFromUbuntuFixture() throws Exception {
        Row r = TableScan.of(new OsVersionTable(ubuntuHost()), List.of()).rows().getFirst();

        assertThat(r.get(OsVersionTable.NAME)).isEqualTo("Ubuntu");
        assertThat(r.get(OsVersionTable.VERSION)).isEqualTo("22.04.3 LTS (Jammy Jellyfish)");
        assertThat(r.get(OsVersionTable.MAJOR)).isEqualTo(22L);
        assertThat(r.get(OsVersionTable.MINOR)).isEqualTo(4L);
        assertThat(r.get(OsVersionTable.PATCH)).isEqualTo(0L);
        assertThat(r.get(OsVersionTable.BUILD)).isNull();
        assertThat(r.get(OsVersionTable.PLATFORM)).isEqualTo("ubuntu");
        assertThat(r.get(OsVersionTable.PLATFORM_LIKE)).isEqualTo("debian");
        assertThat(r.get(OsVersionTable.CODENAME)).isEqualTo("jammy");
        assertThat(r.get(OsVersionTable.ARCH)).isEqualTo("x86_64");
        assertThat(r.get(OsVersionTable.PID_WITH_NAMESPACE)).isEqualTo(0L);
    }

    @Test
    void containerRootFallsBackToUsrLibOsRelease() throws Exception {
        Row r = TableScan.of(new OsVersionTable(ubuntuHost()),
                List.of(TableScan.eq(OsVersionTable.PID_WITH_NAMESPACE, 4242L))).rows().getFirst();

        assertThat(r.get(OsVersionTable.NAME)).isEqualTo("Alpine Linux");
        assertThat(r.get(OsVersionTable.PATCH)).isEqualTo(1L);
        assertThat(r.get(OsVersionTable.CODENAME)).isNull();
        assertThat(r.get(OsVersionTable.PID_WITH_NAMESPACE)).isEqualTo(4242L);
    }

    @Test
    void withoutOsReleaseOsquerysDefaults() throws Exception {
        HostPaths host = FakeHost.in(dir).copy("/proc", FixtureFiles.path("system/proc")).paths();
        Row r = TableScan.of(new OsVersionTable(host), List.of()).rows().getFirst();

        assertThat(r.get(OsVersionTable.NAME)).isEqualTo("Unknown");
        assertThat(r.get(OsVersionTable.PLATFORM)).isEqualTo("posix");
        assertThat(r.get(OsVersionTable.MAJOR)).isEqualTo(0L);
    }

    @Test
    void mountNamespaceIdIsTheLinksInode(@TempDir Path fakeProc) throws Exception {
        Files.createDirectories(fakeProc.resolve("77/ns"));
        Files.createSymbolicLink(fakeProc.resolve("77/ns/mnt"), Path.of("mnt:[4026532001]"));

        assertThat(MountNamespace.idOf(fakeProc, 77)).isEqualTo("4026532001");
        assertThat(MountNamespace.idOf(fakeProc, 78)).isNull();
    }

    @Test
    void javaArchitectureNamesMapToUnames() {
        assertThat(MachineArchitecture.fromJavaName("amd64")).isEqualTo("x86_64");
        assertThat(MachineArchitecture.fromJavaName("aarch64")).isEqualTo("aarch64");
    }
}
