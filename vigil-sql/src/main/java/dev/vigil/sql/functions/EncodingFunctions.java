package dev.vigil.sql.functions;

/**
 * osquery's to_base64, from_base64 and conditional_to_base64 (osquery/sql/sqlite_encoding.cpp), on the whole
 * text of the argument (its UTF-8 bytes; a BLOB's own bytes). NULL gives NULL. See {@link OsqueryBase64}.
 */
public final class EncodingFunctions {

    private EncodingFunctions() {}

    public static final class ToBase64 extends NamedFunction {
        public ToBase64() {
            super("to_base64", 1, "to_base64(X): the base64 encoding of the text or blob X");
        }

        @Override
        public Object apply(Object[] args) {
            byte[] input = SqliteValues.textBytes(args[0]);
            return input == null ? null : OsqueryBase64.encode(input);
        }
    }

    /** The decoded bytes as TEXT when they are UTF-8 (otherwise a BLOB); the empty string for invalid base64. */
    public static final class FromBase64 extends NamedFunction {
        public FromBase64() {
            super("from_base64", 1, "from_base64(X): the base64 text X decoded; empty if X is not valid base64");
        }

        @Override
        public Object apply(Object[] args) {
            byte[] input = SqliteValues.textBytes(args[0]);
            return input == null ? null : SqliteValues.textResult(OsqueryBase64.decode(input));
        }
    }

    /** X unchanged when every byte is printable ASCII (0x20-0x7e), else its base64 encoding. */
    public static final class ConditionalToBase64 extends NamedFunction {
        public ConditionalToBase64() {
            super("conditional_to_base64", 1, "conditional_to_base64(X): X unchanged if it is printable ASCII,"
                    + " else its base64 encoding");
        }

        @Override
        public Object apply(Object[] args) {
            byte[] input = SqliteValues.textBytes(args[0]);
            if (input == null) {
                return null;
            }
            return OsqueryBase64.isPrintable(input) ? SqliteValues.textResult(input) : OsqueryBase64.encode(input);
        }
    }
}
