/**
 * osquery's SQL additions (string, regex, network, hashing, encoding, version and math functions) as
 * {@link dev.vigil.sql.spi.SqlFunction}s, with osquery's semantics: the same NULL handling, the same results for odd
 * input and the same error messages. Each function is a small public nested class with a no-arg constructor,
 * registered one per line in {@code META-INF/services/dev.vigil.sql.spi.SqlFunction}.
 *
 * <p>Arguments are converted the way SQLite's {@code sqlite3_value_text}, {@code sqlite3_value_double} and
 * {@code sqlite3_value_int} convert them for osquery's C++ code ({@link SqliteValues}), so {@code md5(42)} hashes
 * the text {@code "42"} and {@code sqrt('16')} is 4.0, as in osquery.
 */
package dev.vigil.sql.functions;
