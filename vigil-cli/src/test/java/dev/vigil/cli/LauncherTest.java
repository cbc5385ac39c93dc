package dev.vigil.cli;

import dev.vigil.testkit.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's shell functions (scripts/lib.sh), run by bash against a copy in a scratch tree: the start-up cache
 * is recorded again when a jar or the JVM options changed, and apt-get's log never goes through a fixed /tmp name.
 */
class LauncherTest {
    private static final Path LIB = Path.of("..", "scripts", "lib.sh").toAbsolutePath().normalize();

    /** A scratch Vigil tree holding lib.sh, so VIGIL_ROOT (derived from its place) is the scratch tree. */
    private static Path tree(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("scripts"));
        Files.copy(LIB, dir.resolve("scripts/lib.sh"));
        Files.createDirectories(dir.resolve("vigil-cli/target/lib"));
        Files.writeString(dir.resolve("vigil-cli/target/vigil-cli.jar"), "jar");
        Files.writeString(dir.resolve("vigil-cli/target/lib/vigil-sql-0.1.0-SNAPSHOT.jar"), "jar");
        return dir;
    }

    private static String bash(Path root, String script) throws Exception {
        CommandLineTest.RawRun r = CommandLineTest.run(List.of("bash", "-c",
                "source \"$1/scripts/lib.sh\"; " + script, "bash", root.toString()), Map.of(), null);
        return new String(r.out(), StandardCharsets.UTF_8).strip() + new String(r.err(), StandardCharsets.UTF_8).strip();
    }

    private static final String STALE = "if aot_cache_is_stale; then echo stale; else echo fresh; fi";

    @Test
    void theStartUpCacheIsStaleWhenAJarOrTheJvmOptionsChanged(@TempDir Path dir) throws Exception {
        Path root = tree(dir);
        assertThat(bash(root, STALE)).isEqualTo("stale"); // none recorded
        Path aot = root.resolve("vigil-cli/target/vigil.aot");
        Files.writeString(aot, "cache");
        Files.setLastModifiedTime(root.resolve("vigil-cli/target/vigil-cli.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(root.resolve("vigil-cli/target/lib/vigil-sql-0.1.0-SNAPSHOT.jar"),
                FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(bash(root, STALE)).as("no record of the options it was made for").isEqualTo("stale");
        bash(root, "printf '%s' \"${VIGIL_MODULE_ARGS[*]}\" > \"$VIGIL_AOT.args\"");
        assertThat(bash(root, STALE)).isEqualTo("fresh");
        // ./run-tests rebuilt a jar: the JVM would refuse the cache, silently under -Xlog:aot=off
        Files.setLastModifiedTime(root.resolve("vigil-cli/target/lib/vigil-sql-0.1.0-SNAPSHOT.jar"),
                FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(bash(root, STALE)).isEqualTo("stale");
        Files.setLastModifiedTime(root.resolve("vigil-cli/target/lib/vigil-sql-0.1.0-SNAPSHOT.jar"),
                FileTime.from(Instant.now().minusSeconds(60)));
        Files.writeString(root.resolve("vigil-cli/target/vigil.aot.args"), "--enable-native-access=ALL-UNNAMED -cp x");
        assertThat(bash(root, STALE)).as("recorded for other JVM options").isEqualTo("stale");
    }

    @Test
    void aptGetsLogIsAPrivateFileNotALinkPlantedInTmp(@TempDir Path dir) throws Exception {
        Requirements.requireRoot(); // ensure_packages only installs as root
        Path root = tree(dir);
        Path planted = Path.of("/tmp/vigil-apt.log");
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "must stay as it is");
        Files.deleteIfExists(planted);
        Files.createSymbolicLink(planted, victim);
        try {
            // a package that is "missing", and an apt-get that fails, so the log is written and kept
            String out = bash(root, "missing_packages() { printf ' vigil-no-such-package'; }; "
                    + "apt-get() { echo 'apt-get output'; return 100; }; ensure_packages vigil-no-such-package");
            assertThat(Files.readString(victim)).isEqualTo("must stay as it is");
            String log = out.replaceAll("(?s).*see (\\S+).*", "$1");
            assertThat(log).startsWith("/tmp/vigil-apt.").isNotEqualTo(planted.toString());
            assertThat(Files.getPosixFilePermissions(Path.of(log)))
                    .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(Path.of(log))).contains("apt-get output");
            Files.deleteIfExists(Path.of(log));
        } finally {
            Files.deleteIfExists(planted);
        }
    }
}
