package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.Constraint;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What xBestIndex chose for one scan and xFilter carries out: the constraints handed to the generator, in
 * argv order, and the columns the statement reads. Travels between the two as idxStr text that SQLite owns,
 * e.g. {@code "u=ff;3=EQ;3=EQ+in;5=LIKE"}. Immutable.
 *
 * @param terms       one per argv entry of xFilter
 * @param columnsUsed sqlite3_index_info.colUsed: bit n for column n, bit 63 for column 63 and beyond
 */
record ScanPlan(List<Term> terms, long columnsUsed) {

    /** One constraint: the column index, operator, and whether its value is a whole IN list. */
    record Term(int column, Constraint.Op op, boolean inList) {
    }

    String encode() {
        StringBuilder sb = new StringBuilder("u=").append(Long.toHexString(columnsUsed));
        for (Term t : terms) {
            sb.append(';').append(t.column()).append('=').append(t.op().name());
            if (t.inList()) {
                sb.append("+in");
            }
        }
        return sb.toString();
    }

    static ScanPlan decode(String text) {
        String[] parts = text.split(";");
        if (!parts[0].startsWith("u=")) {
            throw new IllegalArgumentException("bad scan plan: " + text);
        }
        long used = Long.parseUnsignedLong(parts[0].substring(2), 16);
        List<Term> terms = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            boolean in = p.endsWith("+in");
            String op = p.substring(eq + 1, in ? p.length() - 3 : p.length());
            terms.add(new Term(Integer.parseInt(p.substring(0, eq)), Constraint.Op.valueOf(op), in));
        }
        return new ScanPlan(List.copyOf(terms), used);
    }

    /** The used columns as a BitSet over {@code columnCount} columns (bit 63 covers the rest). */
    BitSet usedColumns(int columnCount) {
        BitSet set = new BitSet(columnCount);
        for (int i = 0; i < columnCount; i++) {
            int bit = Math.min(i, 63);
            if ((columnsUsed & (1L << bit)) != 0) {
                set.set(i);
            }
        }
        return set;
    }

    /** Maps sqlite3_index_info's op byte (SQLITE_INDEX_CONSTRAINT_*) to an operator tables understand; null if none. */
    static Constraint.Op op(int sqliteOp) {
        return switch (sqliteOp) {
            case 2 -> Constraint.Op.EQ;
            case 4 -> Constraint.Op.GT;
            case 8 -> Constraint.Op.LE;
            case 16 -> Constraint.Op.LT;
            case 32 -> Constraint.Op.GE;
            case 64 -> Constraint.Op.MATCH;
            case 65 -> Constraint.Op.LIKE;
            case 66 -> Constraint.Op.GLOB;
            case 67 -> Constraint.Op.REGEXP;
            case 68 -> Constraint.Op.NE;
            case 69 -> Constraint.Op.ISNOT;
            case 70 -> Constraint.Op.ISNOTNULL;
            case 71 -> Constraint.Op.ISNULL;
            case 72 -> Constraint.Op.IS;
            default -> null; // LIMIT (73), OFFSET (74), FUNCTION (150+): not column constraints
        };
    }
}
