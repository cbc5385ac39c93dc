package dev.vigil.tables.system;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables about the kernel, the machine, its mounts and its clock. */
public final class SystemTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new KernelInfoTable(host), new KernelModulesTable(host), new OsVersionTable(host),
                new SystemInfoTable(host), new UptimeTable(host), new MountsTable(host), new TimeTable(host));
    }
}
