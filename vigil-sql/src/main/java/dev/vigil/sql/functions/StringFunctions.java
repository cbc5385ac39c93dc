package dev.vigil.sql.functions;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * osquery's string functions split, concat and concat_ws (osquery/sql/sqlite_string.cpp). Text is handled as
 * osquery's C++ does: as bytes up to the first NUL.
 */
public final class StringFunctions {

    private StringFunctions() {}

    /**
     * split(STR, TOKENS, INDEX): STR split at every byte that is in TOKENS (boost::is_any_of), empty pieces
     * dropped, each remaining piece trimmed of white space, and the piece at INDEX returned; NULL if INDEX is out
     * of range or any argument is NULL. Empty TOKENS is an error.
     */
    public static final class Split extends NamedFunction {
        public Split() {
            super("split", 3, "split(STR, TOKENS, INDEX): the INDEX-th piece (from 0) of STR split at any character"
                    + " of TOKENS, empty pieces dropped; NULL if there is none");
        }

        @Override
        public Object apply(Object[] args) {
            if (args[0] == null || args[1] == null || args[2] == null) {
                return null;
            }
            byte[] input = SqliteValues.cString(args[0]);
            byte[] tokens = SqliteValues.cString(args[1]);
            int index = SqliteValues.toInt(args[2]);
            if (tokens.length == 0) {
                throw new IllegalArgumentException("Invalid input to split function");
            }
            List<byte[]> pieces = split(input, tokens);
            if (index < 0 || index >= pieces.size()) {
                return null;
            }
            return SqliteValues.textResult(pieces.get(index));
        }

        /** osquery::split(s, delims): boost::split on any delimiter byte, drop empty pieces, then trim each. */
        static List<byte[]> split(byte[] input, byte[] delimiters) {
            List<byte[]> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= input.length; i++) {
                if (i == input.length || contains(delimiters, input[i])) {
                    if (i > start) {
                        pieces.add(trim(input, start, i));
                    }
                    start = i + 1;
                }
            }
            return pieces;
        }

        private static boolean contains(byte[] set, byte b) {
            for (byte candidate : set) {
                if (candidate == b) {
                    return true;
                }
            }
            return false;
        }

        /** boost::algorithm::trim in the "C" locale: space, \t, \n, \v, \f, \r. */
        private static byte[] trim(byte[] s, int from, int to) {
            while (from < to && SqliteValues.isSpace(s[from])) {
                from++;
            }
            while (to > from && SqliteValues.isSpace(s[to - 1])) {
                to--;
            }
            return java.util.Arrays.copyOfRange(s, from, to);
        }
    }

    /** concat(ARG...): the arguments' text concatenated, NULLs skipped; NULL when called with no argument. */
    public static final class Concat extends NamedFunction {
        public Concat() {
            super("concat", -1, "concat(ARG, ...): the arguments concatenated as text, NULLs ignored");
        }

        @Override
        public Object apply(Object[] args) {
            return concatenate(new byte[0], args, 0);
        }
    }

    /**
     * concat_ws(SEP, ARG...): the arguments joined with SEP (a NULL SEP is empty), NULLs skipped. As in osquery, a
     * separator follows every non-NULL argument that is not the last argument, so a trailing NULL leaves a trailing
     * separator: {@code concat_ws('-', 'a', NULL)} is {@code 'a-'}. No argument at all is an error.
     */
    public static final class ConcatWs extends NamedFunction {
        public ConcatWs() {
            super("concat_ws", -1, "concat_ws(SEP, ARG, ...): the arguments joined with the separator SEP, NULLs"
                    + " ignored");
        }

        @Override
        public Object apply(Object[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("Missing separator to concat_ws");
            }
            byte[] separator = args[0] == null ? new byte[0] : SqliteValues.cString(args[0]);
            return concatenate(separator, args, 1);
        }
    }

    private static Object concatenate(byte[] separator, Object[] args, int first) {
        if (args.length == first) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = first; i < args.length; i++) {
            if (args[i] == null) {
                continue;
            }
            out.writeBytes(SqliteValues.cString(args[i]));
            if (i + 1 < args.length) {
                out.writeBytes(separator);
            }
        }
        return SqliteValues.textResult(out.toByteArray());
    }
}
