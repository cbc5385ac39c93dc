package dev.vigil.sql.spi;

/**
 * A scalar SQL function implemented in Java, such as osquery's {@code regex_match} or {@code sha256}. Found
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.vigil.sql.spi.SqlFunction}).
 *
 * <p>Arguments arrive as Long, Double, String, byte[] or null (SQL NULL); the result must be one of those.
 * Implementations are stateless and thread-safe. To fail the statement with a message, throw
 * {@link IllegalArgumentException}; any other exception also fails it, never the connection.
 */
public interface SqlFunction {

    /** The SQL name, lower case. */
    String name();

    /** The number of arguments, or -1 for any number. One name may be registered once per arity. */
    int arity();

    /** True if the same arguments always give the same result (lets SQLite optimise). */
    default boolean deterministic() {
        return true;
    }

    Object apply(Object[] args);

    /** One line for {@code .help} and the docs: signature and meaning. */
    String description();
}
