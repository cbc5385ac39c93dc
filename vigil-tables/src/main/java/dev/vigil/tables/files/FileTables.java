package dev.vigil.tables.files;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables of files and their digests, at the paths a query names. */
public final class FileTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new FileTable(), new HashTable());
    }
}
