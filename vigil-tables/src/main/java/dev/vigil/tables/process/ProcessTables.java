package dev.vigil.tables.process;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables of running processes read from procfs: the processes, their files, memory and environment. */
public final class ProcessTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new ProcessesTable(host), new ProcessOpenFilesTable(host), new ProcessMemoryMapTable(host),
                new ProcessEnvsTable(host));
    }
}
