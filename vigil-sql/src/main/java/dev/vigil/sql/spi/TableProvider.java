package dev.vigil.sql.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A group of tables built for one host, found through {@link ServiceLoader}
 * ({@code META-INF/services/dev.vigil.sql.spi.TableProvider}): one provider per area of a module (processes,
 * sockets, users ...), which constructs each of its tables with the {@link HostPaths} to read. The one registry of
 * tables; a new table is one line in its area's provider. Implementations are stateless.
 */
public interface TableProvider {

    /** New instances of this area's tables, reading the host at these places. */
    List<Table> tables(HostPaths host);

    /** The tables of every provider on the class path (or module path), in provider order. */
    static List<Table> loadAll(HostPaths host) {
        List<Table> tables = new ArrayList<>();
        for (TableProvider provider : ServiceLoader.load(TableProvider.class, TableProvider.class.getClassLoader())) {
            tables.addAll(provider.tables(host));
        }
        return tables;
    }
}
