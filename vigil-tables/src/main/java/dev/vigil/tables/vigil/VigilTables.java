package dev.vigil.tables.vigil;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables about this Vigil process itself. */
public final class VigilTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new VigilInfoTable(host));
    }
}
