package dev.vigil.sql.spi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a table spec: its position in the row, name, type, documentation and flags. Columns are created
 * only through {@link Columns}, which numbers them in declaration order; immutable.
 */
public final class Column {

    /** osquery's column options. */
    public enum Flag {
        /** Queries must constrain this column (or another REQUIRED one) with = or IN; osquery's "required". */
        REQUIRED,
        /** Constraining this column lets the generator avoid work; osquery's "index". */
        INDEX,
        /** Left out of SELECT *; osquery's "hidden" (for example pid_with_namespace). */
        HIDDEN,
        /** The generator computes this column only when the query uses it; osquery's "additional". */
        ADDITIONAL
    }

    private final int index;
    private final String name;
    private final ColumnType type;
    private final String description;
    private final Set<Flag> flags;

    Column(int index, String name, ColumnType type, String description, Set<Flag> flags) {
        this.index = index;
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.description = Objects.requireNonNull(description);
        this.flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** Position of the column in its table, from 0. */
    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public String description() {
        return description;
    }

    public Set<Flag> flags() {
        return flags;
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    @Override
    public String toString() {
        return name + " " + type.sqlName();
    }
}
