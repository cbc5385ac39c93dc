package dev.vigil.sql.functions;

import dev.vigil.sql.spi.SqlFunction;

/** The fixed part of every function here: its SQL name, arity and one-line description. Stateless subclasses. */
abstract class NamedFunction implements SqlFunction {

    private final String name;
    private final int arity;
    private final String description;

    NamedFunction(String name, int arity, String description) {
        this.name = name;
        this.arity = arity;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int arity() {
        return arity;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public String toString() {
        return name + "/" + arity;
    }
}
