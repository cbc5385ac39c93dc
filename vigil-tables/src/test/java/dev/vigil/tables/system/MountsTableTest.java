package dev.vigil.tables.system;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.tables.FixtureFiles;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MountsTableTest {

    @Test
    void mountLinesUnescapeOctal() throws Exception {
        List<MountEntry> mounts = MountEntry.parseAll(Files.readString(FixtureFiles.path("system/proc/mounts")));

        assertThat(mounts).hasSize(6);
        assertThat(mounts.get(3)).isEqualTo(new MountEntry("/dev/sdb1", "/media/my disk", "vfat", "rw,relatime,fmask=0022"));
        assertThat(mounts.get(4).device()).isEqualTo("back\\slash");
        assertThat(mounts.get(4).path()).isEqualTo("/mnt/tab\there");
        assertThat(MountEntry.unescape("a\\04")).isEqualTo("a\\04");
    }

    @Test
    void tableRowsFromFixtureMeasureOnlyReachableNonAutofsMounts(@TempDir Path dir) throws Exception {
        HostPaths host = FakeHost.in(dir).copy("/proc/mounts", FixtureFiles.path("system/proc/mounts")).paths();
        List<Row> rows = TableScan.of(new MountsTable(host), List.of()).rows();

        assertThat(rows).extracting(r -> r.get(MountsTable.PATH)).containsExactly("/sys", "/proc", "/",
                "/media/my disk", "/mnt/tab\there", "/proc/sys/fs/binfmt_misc");
        Row slash = rows.get(2);
        assertThat(slash.get(MountsTable.FLAGS)).isEqualTo("rw,relatime,errors=remount-ro");
        assertThat((Long) slash.get(MountsTable.BLOCKS)).isPositive();
        assertThat(rows.get(3).get(MountsTable.BLOCKS)).as("no such mount point in the fake host").isNull();
        assertThat(rows.get(5).get(MountsTable.BLOCKS)).as("autofs is not measured").isNull();
        assertThat(rows).allSatisfy(r -> assertThat(r.get(MountsTable.INODES)).isNull());
    }

    @Test
    void withoutProcMountsTheTableIsUnsupportedAndHasNoRows(@TempDir Path dir) throws Exception {
        FakeHost empty = FakeHost.in(dir);
        MountsTable table = new MountsTable(empty.paths());

        assertThat(table.unsupported()).hasValueSatisfying(
                reason -> assertThat(reason).contains(empty.path("/proc/mounts").toString()));
        TableScan scan = TableScan.of(table, List.of());
        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
    }

    @Test
    void mountsOnThisHostAreFindmntsAndRootIsMeasuredLikeStatF() throws Exception {
        List<Row> rows = TableScan.of(new MountsTable(HostPaths.live()), List.of()).rows();
        List<String> paths = new ArrayList<>();
        rows.forEach(r -> paths.add((String) r.get(MountsTable.PATH)));
        List<String> findmnt = HostCommand.run("findmnt", "--kernel", "--noheadings", "--raw",
                "--output", "TARGET").lines().map(MountsTableTest::unhex).toList();
        List<String> selfMounts = MountEntry.parseAll(Files.readString(Path.of("/proc/self/mounts"))).stream()
                .map(MountEntry::path).toList();

        assertThat(paths).contains("/").containsExactlyInAnyOrderElementsOf(selfMounts);
        assertThat(paths).containsAll(findmnt);

        String[] statF = HostCommand.run("stat", "-f", "-c", "%S %b %f %a", "/").trim().split(" ");
        Row root = rows.stream().filter(r -> r.get(MountsTable.PATH).equals("/")).reduce((a, b) -> b).orElseThrow();
        assertThat(root.get(MountsTable.BLOCKS_SIZE)).isEqualTo(Long.parseLong(statF[0]));
        assertThat(root.get(MountsTable.BLOCKS)).isEqualTo(Long.parseLong(statF[1]));
        long slack = Math.max(1024, Long.parseLong(statF[1]) / 100);
        assertThat((Long) root.get(MountsTable.BLOCKS_FREE)).isCloseTo(Long.parseLong(statF[2]),
                org.assertj.core.api.Assertions.within(slack));
        assertThat((Long) root.get(MountsTable.BLOCKS_AVAILABLE)).isCloseTo(Long.parseLong(statF[3]),
                org.assertj.core.api.Assertions.within(slack));
    }

    /** findmnt --raw writes unsafe characters as \xHH. */
    private static String unhex(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            if (raw.startsWith("\\x", i) && i + 4 <= raw.length()) {
                out.append((char) Integer.parseInt(raw.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(raw.charAt(i));
            }
        }
        return out.toString();
    }
}
