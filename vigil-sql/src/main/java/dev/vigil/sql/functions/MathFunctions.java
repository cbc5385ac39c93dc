package dev.vigil.sql.functions;

/**
 * osquery's math functions (osquery/sql/sqlite_math.cpp): thin wrappers over the C library. A NULL argument gives
 * NULL; any other argument is read with {@code sqlite3_value_double} (so {@code sqrt('16')} is 4.0). Where glibc
 * sets errno (math_error(7)) osquery fails the statement with strerror's text, and so do these: see
 * {@link MathError}. {@code ceil} and {@code floor} return INTEGERs; the rest REALs.
 *
 * <p>Note {@code log} is the natural logarithm, as in osquery (SQLite's own one-argument {@code log} is base 10).
 */
public final class MathFunctions {

    private MathFunctions() {}

    /** One REAL argument, one REAL result. */
    abstract static class Unary extends NamedFunction {

        Unary(String name, String description) {
            super(name, 1, description);
        }

        /** The value, or throws {@link MathError#error()} where glibc sets errno. */
        abstract double compute(double x);

        @Override
        public final Object apply(Object[] args) {
            if (args[0] == null) {
                return null;
            }
            return SqliteValues.realResult(compute(SqliteValues.toReal(args[0])));
        }
    }

    public static final class Sqrt extends Unary {
        public Sqrt() {
            super("sqrt", "sqrt(X): the square root of X; an error for X < 0");
        }

        @Override
        double compute(double x) {
            if (x < 0) {
                throw MathError.EDOM.error();
            }
            return Math.sqrt(x);
        }
    }

    public static final class Log extends Unary {
        public Log() {
            super("log", "log(X): the natural logarithm of X; an error for X <= 0");
        }

        @Override
        double compute(double x) {
            checkLogArgument(x);
            return Math.log(x);
        }
    }

    public static final class Log10 extends Unary {
        public Log10() {
            super("log10", "log10(X): the base-10 logarithm of X; an error for X <= 0");
        }

        @Override
        double compute(double x) {
            checkLogArgument(x);
            return Math.log10(x);
        }
    }

    /** glibc's log wrappers: a pole error at 0, a domain error below. */
    private static void checkLogArgument(double x) {
        if (x == 0) {
            throw MathError.ERANGE.error();
        }
        if (x < 0) {
            throw MathError.EDOM.error();
        }
    }

    public static final class Exp extends Unary {
        /** expl(x) overflows the x87 80-bit long double above this (ln LDBL_MAX). */
        private static final double LONG_DOUBLE_OVERFLOW = 11356.523406294143;
        /** expl(x) rounds to 0 below this (ln of half the smallest subnormal long double). */
        private static final double LONG_DOUBLE_UNDERFLOW = -11399.498531488861;

        public Exp() {
            super("exp", "exp(X): e raised to the power X");
        }

        @Override
        double compute(double x) {
            // osquery calls expl, so only results beyond the long double range set ERANGE; the conversion to double
            // then gives Inf or 0.0 silently.
            if (x > LONG_DOUBLE_OVERFLOW || x < LONG_DOUBLE_UNDERFLOW) {
                if (Double.isFinite(x)) {
                    throw MathError.ERANGE.error();
                }
            }
            return Math.exp(x);
        }
    }

    public static final class Sin extends Unary {
        public Sin() {
            super("sin", "sin(X): the sine of X radians");
        }

        @Override
        double compute(double x) {
            return Math.sin(finiteAngle(x));
        }
    }

    public static final class Cos extends Unary {
        public Cos() {
            super("cos", "cos(X): the cosine of X radians");
        }

        @Override
        double compute(double x) {
            return Math.cos(finiteAngle(x));
        }
    }

    public static final class Tan extends Unary {
        public Tan() {
            super("tan", "tan(X): the tangent of X radians");
        }

        @Override
        double compute(double x) {
            return Math.tan(finiteAngle(x));
        }
    }

    public static final class Cot extends Unary {
        public Cot() {
            super("cot", "cot(X): the cotangent of X radians, 1/tan(X)");
        }

        @Override
        double compute(double x) {
            return 1.0 / Math.tan(finiteAngle(x));
        }
    }

    /** glibc's sin, cos and tan set EDOM for an infinite angle. */
    private static double finiteAngle(double x) {
        if (Double.isInfinite(x)) {
            throw MathError.EDOM.error();
        }
        return x;
    }

    public static final class Asin extends Unary {
        public Asin() {
            super("asin", "asin(X): the arc sine of X in radians; an error for |X| > 1");
        }

        @Override
        double compute(double x) {
            return Math.asin(unitArgument(x));
        }
    }

    public static final class Acos extends Unary {
        public Acos() {
            super("acos", "acos(X): the arc cosine of X in radians; an error for |X| > 1");
        }

        @Override
        double compute(double x) {
            return Math.acos(unitArgument(x));
        }
    }

    private static double unitArgument(double x) {
        if (Math.abs(x) > 1.0) {
            throw MathError.EDOM.error();
        }
        return x;
    }

    public static final class Atan extends Unary {
        public Atan() {
            super("atan", "atan(X): the arc tangent of X in radians");
        }

        @Override
        double compute(double x) {
            return Math.atan(x);
        }
    }

    public static final class Degrees extends Unary {
        public Degrees() {
            super("degrees", "degrees(X): X radians converted to degrees");
        }

        @Override
        double compute(double x) {
            return 180.0 * x / Math.PI;
        }
    }

    public static final class Radians extends Unary {
        public Radians() {
            super("radians", "radians(X): X degrees converted to radians");
        }

        @Override
        double compute(double x) {
            return x * Math.PI / 180.0;
        }
    }

    /**
     * ceil and floor: an INTEGER argument is returned unchanged, anything else is rounded as a double and
     * converted to a 64-bit integer (out of range, as on x86-64, gives the minimum integer).
     */
    abstract static class Rounding extends NamedFunction {

        Rounding(String name, String description) {
            super(name, 1, description);
        }

        abstract double round(double x);

        @Override
        public final Object apply(Object[] args) {
            return switch (args[0]) {
                case null -> null;
                case Long l -> l;
                default -> x86Truncate(round(SqliteValues.toReal(args[0])));
            };
        }

        /** The C cast (int64_t) of a double on x86-64 (cvttsd2si): NaN and out-of-range give INT64_MIN. */
        private static long x86Truncate(double d) {
            if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
                return Long.MIN_VALUE;
            }
            return (long) d;
        }
    }

    public static final class Ceil extends Rounding {
        public Ceil() {
            super("ceil", "ceil(X): the smallest integer not less than X");
        }

        @Override
        double round(double x) {
            return Math.ceil(x);
        }
    }

    public static final class Floor extends Rounding {
        public Floor() {
            super("floor", "floor(X): the largest integer not greater than X");
        }

        @Override
        double round(double x) {
            return Math.floor(x);
        }
    }

    public static final class Power extends NamedFunction {
        public Power() {
            super("power", 2, "power(X, Y): X raised to the power Y");
        }

        @Override
        public Object apply(Object[] args) {
            if (args[0] == null || args[1] == null) {
                return null;
            }
            double x = SqliteValues.toReal(args[0]);
            double y = SqliteValues.toReal(args[1]);
            double result = Math.pow(x, y);
            // glibc's pow wrapper: from finite arguments, NaN is a domain error, an infinity a pole or overflow
            // error, and 0 from a non-zero base an underflow error.
            if (Double.isFinite(x) && Double.isFinite(y)) {
                if (Double.isNaN(result)) {
                    throw MathError.EDOM.error();
                }
                if (Double.isInfinite(result) || (result == 0 && x != 0)) {
                    throw MathError.ERANGE.error();
                }
            }
            return SqliteValues.realResult(result);
        }
    }

    public static final class Pi extends NamedFunction {
        public Pi() {
            super("pi", 0, "pi(): the constant pi");
        }

        @Override
        public Object apply(Object[] args) {
            return Math.PI;
        }
    }
}
