package dev.vigil.sensors.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The stat(2) that gives an executed file its birth time, matched by device and inode; no privileges needed. */
class ExecutableBirthTest {

    @Test
    void statGivesDeviceInodeAndABirthTimeOrNone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino");
        ProcessSensor.Birth birth = ProcessSensor.stat(file.toString());
        assertThat(birth).isNotNull();
        assertThat(birth.device()).isEqualTo((Long) a.get("dev"));
        assertThat(birth.inode()).isEqualTo((Long) a.get("ino"));
        // this machine's file system may keep no birth time (stat -c %W prints 0): then null, never 0 or the mtime
        if (birth.btime() != null) {
            assertThat(birth.btime()).isBetween(now - 60, now + 60);
        }
        assertThat(ProcessSensor.stat(dir.resolve("missing").toString())).isNull();
    }

    @Test
    void birthTimeWhereTheFileSystemKeepsOne() throws Exception {
        Path shm = Path.of("/dev/shm"); // tmpfs keeps birth times
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm");
        Path file = Files.createTempFile(shm, "vigil-birth-", "");
        try {
            long now = Instant.now().getEpochSecond();
            // a birth time equal to the mtime cannot be told from the JDK's stand-in for a missing one: set it back
            Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(981_173_106)));
            ProcessSensor.Birth birth = ProcessSensor.stat(file.toString());
            assumeTrue(birth != null && birth.btime() != null, "this kernel's tmpfs keeps no birth time");
            assertThat(birth.btime()).isBetween(now - 60, now + 60);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
