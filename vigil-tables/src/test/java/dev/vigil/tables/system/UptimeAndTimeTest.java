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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UptimeAndTimeTest {

    @TempDir
    Path dir;

    @Test
    void uptimeSplitsTotalSeconds() throws Exception {
        HostPaths host = FakeHost.in(dir).copy("/proc/uptime", FixtureFiles.path("system/proc/uptime")).paths();
        Row r = TableScan.of(new UptimeTable(host), List.of()).rows().getFirst();

        // 1209785 s = 14 days 0 h 3 min 5 s
        assertThat(r.get(UptimeTable.TOTAL_SECONDS)).isEqualTo(1_209_785L);
        assertThat(r.get(UptimeTable.DAYS)).isEqualTo(14L);
        assertThat(r.get(UptimeTable.HOURS)).isEqualTo(0L);
        assertThat(r.get(UptimeTable.MINUTES)).isEqualTo(3L);
        assertThat(r.get(UptimeTable.SECONDS)).isEqualTo(5L);
        assertThat(UptimeTable.parseSeconds("garbage")).isNull();
    }

    @Test
    void withoutProcUptimeTheTableIsUnsupportedAndHasNoRows() throws Exception {
        FakeHost empty = FakeHost.in(dir);
        UptimeTable table = new UptimeTable(empty.paths());

        assertThat(table.unsupported()).hasValueSatisfying(
                reason -> assertThat(reason).contains(empty.path("/proc/uptime").toString()));
        TableScan scan = TableScan.of(table, List.of());
        assertThat(scan.rows()).isEmpty();
        assertThat(scan.notes()).singleElement().asString().contains("/proc/uptime");
    }

    @Test
    void malformedUptimeFails() {
        HostPaths host = FakeHost.in(dir).file("/proc/uptime", "garbage\n").paths();

        assertThatThrownBy(() -> TableScan.of(new UptimeTable(host), List.of())).hasMessageContaining("uptime");
    }

    @Test
    void uptimeOnThisHostIsProcUptime() throws Exception {
        double before = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split("\\s+")[0]);
        Row r = TableScan.of(new UptimeTable(HostPaths.live()), List.of()).rows().getFirst();
        double after = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split("\\s+")[0]);

        long total = (Long) r.get(UptimeTable.TOTAL_SECONDS);
        assertThat(total).isBetween((long) before, (long) after);
        assertThat((Long) r.get(UptimeTable.DAYS) * 86_400 + (Long) r.get(UptimeTable.HOURS) * 3_600
                + (Long) r.get(UptimeTable.MINUTES) * 60 + (Long) r.get(UptimeTable.SECONDS)).isEqualTo(total);
    }

    @Test
    void timeFieldsForAFixedInstant() {
        // 2024-03-05T07:08:09Z is a Tuesday; Berlin is on CET then.
        Row r = TimeTable.row(Instant.parse("2024-03-05T07:08:09Z"), ZoneId.of("Europe/Berlin"));

        assertThat(r.get(TimeTable.WEEKDAY)).isEqualTo("Tuesday");
        assertThat(r.get(TimeTable.YEAR)).isEqualTo(2024L);
        assertThat(r.get(TimeTable.MONTH)).isEqualTo(3L);
        assertThat(r.get(TimeTable.DAY)).isEqualTo(5L);
        assertThat(r.get(TimeTable.HOUR)).isEqualTo(7L);
        assertThat(r.get(TimeTable.MINUTES)).isEqualTo(8L);
        assertThat(r.get(TimeTable.SECONDS)).isEqualTo(9L);
        assertThat(r.get(TimeTable.TIMEZONE)).isEqualTo("UTC");
        assertThat(r.get(TimeTable.LOCAL_TIMEZONE)).isEqualTo("CET");
        assertThat(r.get(TimeTable.UNIX_TIME)).isEqualTo(1_709_622_489L);
        assertThat(r.get(TimeTable.TIMESTAMP)).isEqualTo("Tue Mar  5 07:08:09 2024 UTC");
        assertThat(r.get(TimeTable.DATETIME)).isEqualTo("2024-03-05T07:08:09Z");
        assertThat(r.get(TimeTable.ISO_8601)).isEqualTo("2024-03-05T07:08:09Z");
    }

    @Test
    void localTimezoneFollowsDaylightSavingAndUtcStaysUtc() {
        assertThat(TimeTable.zoneAbbreviation(Instant.parse("2024-07-01T00:00:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("CEST");
        assertThat(TimeTable.zoneAbbreviation(Instant.EPOCH, ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(TimeTable.zoneAbbreviation(Instant.EPOCH, ZoneId.of("Etc/UTC"))).isEqualTo("UTC");
    }

    @Test
    void timeTableUsesItsClockTruncatedToSeconds() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2030-12-31T23:59:59.900Z"), ZoneOffset.UTC);

        Row r = TableScan.of(new TimeTable(clock), List.of()).rows().getFirst();

        assertThat(r.get(TimeTable.ISO_8601)).isEqualTo("2030-12-31T23:59:59Z");
    }

    @Test
    void timeOnThisHostIsWithinSecondsOfDate() throws Exception {
        long date = Long.parseLong(HostCommand.run("date", "+%s").trim());
        Row r = TableScan.of(new TimeTable(HostPaths.live()), List.of()).rows().getFirst();

        assertThat((Long) r.get(TimeTable.UNIX_TIME)).isCloseTo(date, within(5L));
        assertThat(r.get(TimeTable.ISO_8601))
                .isEqualTo(Instant.ofEpochSecond((Long) r.get(TimeTable.UNIX_TIME)).toString());
    }
}
