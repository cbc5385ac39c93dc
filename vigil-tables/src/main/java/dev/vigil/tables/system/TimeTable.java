package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * osquery's {@code time}: the current time, one row. The date parts are UTC, as osquery gives them; only
 * {@code local_timezone} names the host's zone (the JVM's default zone, from TZ or /etc/localtime).
 */
public final class TimeTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column WEEKDAY = COLUMNS.text("weekday", "Current weekday in the system");
    static final Column YEAR = COLUMNS.integer("year", "Current year in the system");
    static final Column MONTH = COLUMNS.integer("month", "Current month in the system");
    static final Column DAY = COLUMNS.integer("day", "Current day in the system");
    static final Column HOUR = COLUMNS.integer("hour", "Current hour in the system");
    static final Column MINUTES = COLUMNS.integer("minutes", "Current minutes in the system");
    static final Column SECONDS = COLUMNS.integer("seconds", "Current seconds in the system");
    static final Column TIMEZONE = COLUMNS.text("timezone", "Current timezone in the system");
    static final Column LOCAL_TIMEZONE = COLUMNS.text("local_timezone", "Current local timezone in the system");
    static final Column UNIX_TIME = COLUMNS.integer("unix_time", "Current UNIX time in the system");
    static final Column TIMESTAMP = COLUMNS.text("timestamp", "Current timestamp (log format) in the system");
    static final Column DATETIME = COLUMNS.text("datetime", "Current date and time (ISO format) in the system");
    static final Column ISO_8601 = COLUMNS.text("iso_8601", "Current time (ISO format) in the system");
    static final TableSpec SPEC = TableSpec.of("time", "Track current date and time in the system.", COLUMNS,
            "SELECT unix_time, iso_8601, local_timezone FROM time");

    /** asctime(3)'s layout, "Wed Sep  1 10:27:52 2011", to which osquery appends " UTC". */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    private final Clock clock;

    /** The time comes from the JVM's clock and zone, so no host file is read. */
    public TimeTable(HostPaths host) {
        this(Clock.systemDefaultZone());
    }

    /** For tests: a fixed clock; its zone is the local zone. */
    TimeTable(Clock clock) {
        this.clock = clock;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        out.add(row(Instant.ofEpochSecond(clock.instant().getEpochSecond()), clock.getZone()));
    }

    static Row row(Instant now, ZoneId localZone) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        Row row = new Row(SPEC);
        row.set(WEEKDAY, utc.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        row.set(YEAR, utc.getYear());
        row.set(MONTH, utc.getMonthValue());
        row.set(DAY, utc.getDayOfMonth());
        row.set(HOUR, utc.getHour());
        row.set(MINUTES, utc.getMinute());
        row.set(SECONDS, utc.getSecond());
        row.set(TIMEZONE, "UTC");
        row.set(LOCAL_TIMEZONE, zoneAbbreviation(now, localZone));
        row.set(UNIX_TIME, now.getEpochSecond());
        row.set(TIMESTAMP, ASCTIME.format(utc) + " UTC");
        row.set(DATETIME, ISO.format(utc));
        row.set(ISO_8601, ISO.format(utc));
        return row;
    }

    /** The zone's abbreviation at that instant, as strftime's %Z gives it ("CET", "CEST", "UTC"). */
    static String zoneAbbreviation(Instant now, ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC) || zone.getId().equals("Etc/UTC") || zone.getId().equals("UTC")) {
            return "UTC";
        }
        String name = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(now.atZone(zone));
        return name.isEmpty() ? "UTC" : name;
    }
}
