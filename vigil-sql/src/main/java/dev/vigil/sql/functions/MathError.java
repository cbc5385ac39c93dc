package dev.vigil.sql.functions;

/**
 * The errno values glibc's math functions set (math_error(7)), which osquery turns into the statement's error with
 * strerror's text. Throwing {@link #error()} reproduces that message.
 */
enum MathError {
    /** A domain error: sqrt(-1), log(-1), asin(2), sin(Inf), pow(-8, 1/3). */
    EDOM("Numerical argument out of domain"),
    /** A pole error or a result that overflows or underflows: log(0), pow(0, -1), pow(10, 400). */
    ERANGE("Numerical result out of range");

    private final String strerror;

    MathError(String strerror) {
        this.strerror = strerror;
    }

    IllegalArgumentException error() {
        return new IllegalArgumentException(strerror);
    }
}
