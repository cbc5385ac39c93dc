package dev.vigil.sql.sqlite;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * A view of {@code struct sqlite3_index_info} (sqlite3.h; https://sqlite.org/vtab.html#xbestindex) as xBestIndex
 * receives it, x86-64 / LP64 layout. Offsets are checked against the installed header by a test that compiles a
 * C program. Valid only during the xBestIndex call.
 */
final class IndexInfo {
    static final long SIZE = 96;
    static final long N_CONSTRAINT = 0;
    static final long A_CONSTRAINT = 8;
    static final long N_ORDER_BY = 16;
    static final long A_CONSTRAINT_USAGE = 32;
    static final long IDX_NUM = 40;
    static final long IDX_STR = 48;
    static final long NEED_TO_FREE_IDX_STR = 56;
    static final long ESTIMATED_COST = 64;
    static final long ESTIMATED_ROWS = 72;
    static final long COL_USED = 88;

    /** struct sqlite3_index_constraint: int iColumn; unsigned char op, usable; int iTermOffset. */
    static final long CONSTRAINT_SIZE = 12;
    static final long CONSTRAINT_COLUMN = 0;
    static final long CONSTRAINT_OP = 4;
    static final long CONSTRAINT_USABLE = 5;

    /** struct sqlite3_index_constraint_usage: int argvIndex; unsigned char omit. */
    static final long USAGE_SIZE = 8;
    static final long USAGE_ARGV_INDEX = 0;
    static final long USAGE_OMIT = 4;

    private final MemorySegment info;
    private final MemorySegment constraints;
    private final MemorySegment usage;
    private final int count;

    IndexInfo(MemorySegment pointer) {
        this.info = pointer.reinterpret(SIZE);
        this.count = info.get(JAVA_INT, N_CONSTRAINT);
        this.constraints = info.get(ADDRESS, A_CONSTRAINT).reinterpret(CONSTRAINT_SIZE * count);
        this.usage = info.get(ADDRESS, A_CONSTRAINT_USAGE).reinterpret(USAGE_SIZE * count);
    }

    MemorySegment address() {
        return info;
    }

    int constraintCount() {
        return count;
    }

    int column(int i) {
        return constraints.get(JAVA_INT, i * CONSTRAINT_SIZE + CONSTRAINT_COLUMN);
    }

    int op(int i) {
        return Byte.toUnsignedInt(constraints.get(JAVA_BYTE, i * CONSTRAINT_SIZE + CONSTRAINT_OP));
    }

    boolean usable(int i) {
        return constraints.get(JAVA_BYTE, i * CONSTRAINT_SIZE + CONSTRAINT_USABLE) != 0;
    }

    void use(int i, int argvIndex) {
        usage.set(JAVA_INT, i * USAGE_SIZE + USAGE_ARGV_INDEX, argvIndex);
        usage.set(JAVA_BYTE, i * USAGE_SIZE + USAGE_OMIT, (byte) 0);
    }

    long columnsUsed() {
        return info.get(JAVA_LONG, COL_USED);
    }

    void setPlan(int idxNum, MemorySegment idxStr) {
        info.set(JAVA_INT, IDX_NUM, idxNum);
        info.set(ADDRESS, IDX_STR, idxStr);
        info.set(JAVA_INT, NEED_TO_FREE_IDX_STR, 1);
    }

    void setCost(double cost, long rows) {
        info.set(JAVA_DOUBLE, ESTIMATED_COST, cost);
        info.set(JAVA_LONG, ESTIMATED_ROWS, rows);
    }
}
