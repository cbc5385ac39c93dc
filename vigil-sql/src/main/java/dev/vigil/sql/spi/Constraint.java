package dev.vigil.sql.spi;

/**
 * One WHERE-clause constraint SQLite offered to a table and the table accepted: {@code column op value}.
 * The engine always re-checks every constraint on the rows a generator returns, so a generator may use a
 * constraint to do less work but never has to filter exactly.
 *
 * @param column the constrained column
 * @param op     the operator
 * @param value  {@link Long}, {@link Double}, {@link String}, {@code byte[]} or null (SQL NULL)
 */
public record Constraint(Column column, Op op, Object value) {

    /** The operators of sqlite3_index_info's aConstraint[].op that tables can use. */
    public enum Op {
        EQ, GT, LE, LT, GE, LIKE, GLOB, REGEXP, NE, IS, ISNOT, ISNULL, ISNOTNULL, MATCH;

        /** The operator as SQL text, for plans and messages. */
        public String sql() {
            return switch (this) {
                case EQ -> "=";
                case GT -> ">";
                case LE -> "<=";
                case LT -> "<";
                case GE -> ">=";
                case NE -> "<>";
                case ISNOT -> "IS NOT";
                case ISNOTNULL -> "IS NOT NULL";
                case ISNULL -> "IS NULL";
                default -> name();
            };
        }
    }

    /** The value as text, as SQLite would cast it; null for SQL NULL. */
    public String text() {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }

    /** The value as an integer if it is one or parses as one. */
    public java.util.OptionalLong integer() {
        return switch (value) {
            case Long l -> java.util.OptionalLong.of(l);
            case Double d when d == Math.rint(d) -> java.util.OptionalLong.of(d.longValue());
            case String s -> {
                try {
                    yield java.util.OptionalLong.of(Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    yield java.util.OptionalLong.empty();
                }
            }
            case null, default -> java.util.OptionalLong.empty();
        };
    }

    @Override
    public String toString() {
        return column.name() + " " + op.sql() + (op == Op.ISNULL || op == Op.ISNOTNULL ? "" : " " + value);
    }
}
