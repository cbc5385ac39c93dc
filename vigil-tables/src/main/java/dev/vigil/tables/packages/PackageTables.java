package dev.vigil.tables.packages;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables of installed software packages. */
public final class PackageTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new DebPackagesTable(host));
    }
}
