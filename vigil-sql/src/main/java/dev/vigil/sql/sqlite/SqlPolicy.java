package dev.vigil.sql.sqlite;

import java.util.Locale;
import java.util.Set;

/**
 * What SQL may do in Vigil, which runs as root and takes SQL from people and fleet servers: read the host's
 * tables and compute, as osquery users do, but never reach the file system or native memory through SQLite
 * itself. The decision behind the connection's authorizer (sqlite3_set_authorizer, https://sqlite.org/c3ref/set_authorizer.html);
 * pure and thread-safe.
 *
 * <p>Refused, with the reason returned by {@link #denial}:
 * <ul>
 *   <li>{@code ATTACH} and {@code DETACH}: attaching a file creates or opens a database anywhere, as root;</li>
 *   <li>{@code CREATE VIRTUAL TABLE} and {@code DROP} of one: fts3/fts4/fts5, rtree and dbstat are not host tables;
 *       an fts3 table with a forged tokenizer is the classic SQLite code-execution primitive;</li>
 *   <li>the functions {@code fts3_tokenizer} (its one-argument form returns a native pointer, its two-argument
 *       form installs one) and {@code load_extension};</li>
 *   <li>every {@code PRAGMA} but the read-only ones listed in {@link #PRAGMAS}.</li>
 * </ul>
 * Temporary tables and views stay allowed: they live in the connection's own memory.
 */
public final class SqlPolicy {
    // Action codes of sqlite3.h
    static final int SQLITE_PRAGMA = 19;
    static final int SQLITE_ATTACH = 24;
    static final int SQLITE_DETACH = 25;
    static final int SQLITE_CREATE_VTABLE = 29;
    static final int SQLITE_DROP_VTABLE = 30;
    static final int SQLITE_FUNCTION = 31;

    /**
     * Pragmas that only report on the connection's schema, functions and build (with or without an argument such
     * as a table name), and case_sensitive_like, which only changes how LIKE compares.
     */
    static final Set<String> PRAGMAS = Set.of("table_info", "table_xinfo", "table_list", "index_list", "index_info",
            "index_xinfo", "function_list", "module_list", "pragma_list", "compile_options", "collation_list",
            "database_list", "foreign_key_list", "encoding", "data_version", "case_sensitive_like");

    private static final Set<String> FUNCTIONS = Set.of("fts3_tokenizer", "load_extension");

    private SqlPolicy() {
    }

    /**
     * Why the action is refused, or null if it is allowed.
     *
     * @param action one of SQLite's authorizer action codes
     * @param first  the action's first detail (a pragma's or module's name, an attached file), may be null
     * @param second its second detail (a pragma's argument, a function's name), may be null
     */
    public static String denial(int action, String first, String second) {
        return switch (action) {
            case SQLITE_ATTACH, SQLITE_DETACH -> "ATTACH and DETACH are not allowed: Vigil's SQL reads the host's "
                    + "tables and opens no database files";
            case SQLITE_CREATE_VTABLE, SQLITE_DROP_VTABLE -> "CREATE VIRTUAL TABLE is not allowed: the host's tables "
                    + "already exist (.tables lists them)";
            case SQLITE_FUNCTION -> second != null && FUNCTIONS.contains(second.toLowerCase(Locale.ROOT))
                    ? second + "() is not allowed: it reaches SQLite's native memory or loads native code" : null;
            case SQLITE_PRAGMA -> first != null && PRAGMAS.contains(first.toLowerCase(Locale.ROOT)) ? null
                    : "PRAGMA " + first + " is not allowed: Vigil allows only the pragmas that report on the schema, "
                    + String.join(", ", PRAGMAS.stream().sorted().toList());
            default -> null;
        };
    }
}
