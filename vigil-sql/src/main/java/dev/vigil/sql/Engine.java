package dev.vigil.sql;

import dev.vigil.sql.introspection.VigilColumnsTable;
import dev.vigil.sql.introspection.VigilTablesTable;
import dev.vigil.sql.spi.SqlFunction;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.sqlite.SqliteException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The SQL engine: a fixed set of tables and functions, and sessions (SQLite connections) that see them all.
 * Thread-safe; each {@link Session} is confined to one thread at a time, and any number may run at once.
 */
public final class Engine implements AutoCloseable {
    private final Map<String, Table> tables;
    private final List<SqlFunction> functions;

    private Engine(Map<String, Table> tables, List<SqlFunction> functions) {
        this.tables = Collections.unmodifiableMap(tables);
        this.functions = List.copyOf(functions);
    }

    /** An engine with every table (reading the live host) and function found through ServiceLoader. */
    public static Engine withServiceLoader() {
        return builder().addProvidedTables(dev.vigil.sql.spi.HostPaths.live()).addServiceLoaderFunctions().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Tables by name, in name order, including vigil_tables and vigil_columns. */
    public Map<String, Table> tables() {
        return tables;
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public List<SqlFunction> functions() {
        return functions;
    }

    /** True if the SQL text ends with a complete statement (a ';' outside quotes and comments). */
    public static boolean isComplete(String sql) {
        return dev.vigil.sql.sqlite.SqliteConnection.isComplete(sql);
    }

    /** The SQLite library version, e.g. "3.40.1". */
    public static String sqliteVersion() {
        return dev.vigil.sql.sqlite.SqliteConnection.libraryVersion();
    }

    /** Opens a session (a connection with every table and function registered). */
    public Session openSession() throws SqlException {
        try {
            return new Session(this);
        } catch (SqliteException e) {
            throw new SqlException(e.getMessage(), e);
        } catch (LinkageError e) {
            // a native binding failed to initialise (no libsqlite3, no native access): report the root cause
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new SqlException(root.getMessage() == null ? root.toString() : root.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // Tables own no resources; sensors that feed event tables are closed by whoever started them.
    }

    /** Collects tables and functions; not thread-safe. */
    public static final class Builder {
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final Map<String, SqlFunction> functions = new LinkedHashMap<>();

        public Builder addTable(Table table) {
            String name = table.spec().name();
            if (tables.putIfAbsent(name, table) != null) {
                throw new IllegalArgumentException("two tables named " + name + ": "
                        + tables.get(name).getClass().getName() + " and " + table.getClass().getName());
            }
            return this;
        }

        /** Every table of every {@link dev.vigil.sql.spi.TableProvider} found through ServiceLoader, built for the host. */
        public Builder addProvidedTables(dev.vigil.sql.spi.HostPaths host) {
            for (Table t : dev.vigil.sql.spi.TableProvider.loadAll(host)) {
                addTable(t);
            }
            return this;
        }

        public Builder addFunction(SqlFunction function) {
            String key = function.name() + "/" + function.arity();
            if (functions.putIfAbsent(key, function) != null) {
                throw new IllegalArgumentException("function " + key + " registered twice");
            }
            return this;
        }

        public Builder addServiceLoaderFunctions() {
            for (SqlFunction f : ServiceLoader.load(SqlFunction.class)) {
                addFunction(f);
            }
            return this;
        }

        public Engine build() {
            List<Table> all = new ArrayList<>(tables.values());
            Map<String, Table> sorted = new LinkedHashMap<>();
            List<Table> introspected = new ArrayList<>(all);
            VigilTablesTable vigilTables = new VigilTablesTable(() -> List.copyOf(sortedView(introspected)));
            VigilColumnsTable vigilColumns = new VigilColumnsTable(() -> List.copyOf(sortedView(introspected)));
            introspected.add(vigilTables);
            introspected.add(vigilColumns);
            for (Table t : sortedView(introspected)) {
                sorted.put(t.spec().name(), t);
            }
            return new Engine(sorted, new ArrayList<>(functions.values()));
        }

        private static List<Table> sortedView(List<Table> tables) {
            List<Table> copy = new ArrayList<>(tables);
            copy.sort(Comparator.comparing(t -> t.spec().name()));
            return copy;
        }
    }
}
