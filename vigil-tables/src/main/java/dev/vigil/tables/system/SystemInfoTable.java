package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * osquery's {@code system_info}: names, CPU, memory and the DMI (SMBIOS) identity of the machine, one row.
 * Hardware and board columns come from /sys/class/dmi/id (sysfs-firmware-dmi-tables): empty on machines without
 * DMI (many VMs, ARM boards), and serial numbers need root.
 */
public final class SystemInfoTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column HOSTNAME = COLUMNS.text("hostname", "Network hostname including domain");
    static final Column UUID = COLUMNS.text("uuid", "Unique ID provided by the system");
    static final Column CPU_TYPE = COLUMNS.text("cpu_type", "CPU type");
    static final Column CPU_SUBTYPE = COLUMNS.text("cpu_subtype", "CPU subtype");
    static final Column CPU_BRAND = COLUMNS.text("cpu_brand", "CPU brand string, contains vendor and model");
    static final Column CPU_PHYSICAL_CORES = COLUMNS.integer("cpu_physical_cores",
            "Number of physical CPU cores in to the system");
    static final Column CPU_LOGICAL_CORES = COLUMNS.integer("cpu_logical_cores",
            "Number of logical CPU cores available to the system");
    static final Column CPU_SOCKETS = COLUMNS.integer("cpu_sockets",
            "Number of processor sockets in the system");
    static final Column CPU_MICROCODE = COLUMNS.text("cpu_microcode", "Microcode version");
    static final Column PHYSICAL_MEMORY = COLUMNS.bigint("physical_memory", "Total physical memory in bytes");
    static final Column HARDWARE_VENDOR = COLUMNS.text("hardware_vendor", "Hardware vendor");
    static final Column HARDWARE_MODEL = COLUMNS.text("hardware_model", "Hardware model");
    static final Column HARDWARE_VERSION = COLUMNS.text("hardware_version", "Hardware version");
    static final Column HARDWARE_SERIAL = COLUMNS.text("hardware_serial", "Device serial number");
    static final Column BOARD_VENDOR = COLUMNS.text("board_vendor", "Board vendor");
    static final Column BOARD_MODEL = COLUMNS.text("board_model", "Board model");
    static final Column BOARD_VERSION = COLUMNS.text("board_version", "Board version");
    static final Column BOARD_SERIAL = COLUMNS.text("board_serial", "Board serial number");
    static final Column COMPUTER_NAME = COLUMNS.text("computer_name", "Friendly computer name (optional)");
    static final Column LOCAL_HOSTNAME = COLUMNS.text("local_hostname", "Local hostname (optional)");
    static final TableSpec SPEC = TableSpec.of("system_info", "System information for identification.", COLUMNS,
            "SELECT hostname, cpu_brand, physical_memory FROM system_info");

    private final Path procRoot;
    private final Path etcHosts;
    private final Path dmiRoot;

    public SystemInfoTable(HostPaths host) {
        this.procRoot = host.proc();
        this.etcHosts = host.etc().resolve("hosts");
        this.dmiRoot = host.sys().resolve("class/dmi/id");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        Row row = new Row(SPEC);
        Optional<String> hostname = HostNames.hostname(procRoot);
        row.set(COMPUTER_NAME, hostname.orElse(null));
        if (hostname.isPresent() && context.isAnyUsed(HOSTNAME, LOCAL_HOSTNAME)) {
            String hosts = TextFiles.readIfExists(etcHosts).orElse("");
            String fqdn = HostNames.fullyQualified(hostname.get(), hosts);
            row.set(HOSTNAME, fqdn);
            row.set(LOCAL_HOSTNAME, fqdn);
        }
        row.set(UUID, dmi("product_uuid").map(s -> s.toUpperCase(Locale.ROOT)).orElse(null));
        row.set(CPU_TYPE, MachineArchitecture.of(procRoot));
        CpuInfo cpu = CpuInfo.parse(TextFiles.readIfExists(procRoot.resolve("cpuinfo")).orElse(""));
        row.set(CPU_SUBTYPE, cpu.model());
        row.set(CPU_BRAND, cpu.brand());
        row.set(CPU_PHYSICAL_CORES, cpu.physicalCores() == null ? null : (long) cpu.physicalCores());
        row.set(CPU_LOGICAL_CORES, cpu.logicalCores() == 0 ? null : (long) cpu.logicalCores());
        row.set(CPU_SOCKETS, cpu.sockets() == null ? null : (long) cpu.sockets());
        row.set(CPU_MICROCODE, cpu.microcode());
        row.set(PHYSICAL_MEMORY, TextFiles.readIfExists(procRoot.resolve("meminfo"))
                .map(CpuInfo::memTotalBytes).orElse(null));
        row.set(HARDWARE_VENDOR, dmi("sys_vendor").orElse(null));
        row.set(HARDWARE_MODEL, dmi("product_name").orElse(null));
        row.set(HARDWARE_VERSION, dmi("product_version").orElse(null));
        row.set(HARDWARE_SERIAL, dmi("product_serial").orElse(null));
        row.set(BOARD_VENDOR, dmi("board_vendor").orElse(null));
        row.set(BOARD_MODEL, dmi("board_name").orElse(null));
        row.set(BOARD_VERSION, dmi("board_version").orElse(null));
        row.set(BOARD_SERIAL, dmi("board_serial").orElse(null));
        out.add(row);
    }

    private Optional<String> dmi(String attribute) {
        return TextFiles.readTrimmedQuietly(dmiRoot.resolve(attribute));
    }
}
