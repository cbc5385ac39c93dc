package dev.vigil.tables.vigil;

import dev.vigil.sql.Engine;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.text.RawText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** {@code vigil_info}: this Vigil process, like osquery_info (version, pid, start time, build, configuration). */
public final class VigilInfoTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.integer("pid", "Process ID of this Vigil process");
    static final Column UUID_COLUMN = COLUMNS.text("uuid",
            "Host identifier: the SMBIOS product UUID when readable, else /etc/machine-id");
    static final Column INSTANCE_ID = COLUMNS.text("instance_id", "Random identifier of this Vigil process run");
    static final Column VERSION = COLUMNS.text("version", "Vigil version");
    static final Column BUILD_TIME = COLUMNS.text("build_time", "When this Vigil build was made (UTC, ISO 8601)");
    static final Column CONFIG_SOURCE = COLUMNS.text("config_source",
            "Where the configuration came from; 'embedded defaults' when none was given");
    static final Column CONFIG_VALID = COLUMNS.integer("config_valid", "1 if the configuration in force is valid");
    static final Column START_TIME = COLUMNS.bigint("start_time", "When this process started, seconds since the epoch");
    static final Column SQLITE_VERSION = COLUMNS.text("sqlite_version", "Version of the SQLite library in use");
    static final Column JAVA_VERSION = COLUMNS.text("java_version", "Version of the Java runtime");
    static final Column PLATFORM = COLUMNS.text("platform", "Operating system and machine, e.g. linux/amd64");
    static final TableSpec SPEC = TableSpec.of("vigil_info",
            "Information about this Vigil process: version, pid, start time, build and configuration.", COLUMNS,
            "SELECT version, pid, start_time, config_source FROM vigil_info");

    private static final String INSTANCE = UUID.randomUUID().toString();
    private static final Properties BUILD = loadBuildProperties();

    private final HostPaths host;

    public VigilInfoTable(HostPaths host) {
        this.host = host;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        ProcessHandle self = ProcessHandle.current();
        Row row = new Row(SPEC);
        row.set(PID, self.pid());
        row.set(UUID_COLUMN, hostUuid(host));
        row.set(INSTANCE_ID, INSTANCE);
        row.set(VERSION, BUILD.getProperty("version"));
        row.set(BUILD_TIME, BUILD.getProperty("build_time"));
        row.set(CONFIG_SOURCE, "embedded defaults");
        row.set(CONFIG_VALID, 1L);
        self.info().startInstant().map(Instant::getEpochSecond).ifPresent(s -> row.set(START_TIME, s));
        row.set(SQLITE_VERSION, Engine.sqliteVersion());
        row.set(JAVA_VERSION, Runtime.version().toString());
        row.set(PLATFORM, System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/" + System.getProperty("os.arch"));
        out.add(row);
    }

    /** The SMBIOS product UUID (root only on most systems), else the systemd machine id; null if neither. */
    static String hostUuid(HostPaths host) {
        for (Path file : List.of(host.sys().resolve("class/dmi/id/product_uuid"), host.etc().resolve("machine-id"))) {
            try {
                String value = RawText.decode(Files.readAllBytes(file)).strip();
                if (!value.isEmpty()) {
                    return value.toLowerCase(java.util.Locale.ROOT);
                }
            } catch (IOException | SecurityException e) {
                // try the next source
            }
        }
        return null;
    }

    private static Properties loadBuildProperties() {
        Properties p = new Properties();
        try (InputStream in = VigilInfoTable.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading Vigil's build.properties", e);
        }
        return p;
    }
}
