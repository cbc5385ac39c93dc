package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.sql.spi.SqlFunction;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    private static final String EDOM = "Numerical argument out of domain";
    private static final String ERANGE = "Numerical result out of range";

    private static Object call(SqlFunction function, Object... args) {
        return function.apply(args);
    }

    private static double real(SqlFunction function, Object... args) {
        return (Double) call(function, args);
    }

    @Test
    void valuesFromOsquerysDocumentation() {
        // osquery docs/wiki/introduction/sql.md, printed with 15 significant digits.
        long diskSize = 107372805120L;
        assertThat(real(new MathFunctions.Sqrt(), diskSize)).isCloseTo(327677.898430761, within(1e-9));
        assertThat(real(new MathFunctions.Log(), diskSize)).isCloseTo(25.3995727757846, within(1e-12));
        assertThat(real(new MathFunctions.Log10(), diskSize)).isCloseTo(11.0308942992233, within(1e-12));
        assertThat(real(new MathFunctions.Sin(), 30L)).isCloseTo(-0.988031624092862, within(1e-14));
        assertThat(real(new MathFunctions.Cos(), 30L)).isCloseTo(0.154251449887584, within(1e-14));
        assertThat(real(new MathFunctions.Tan(), 30L)).isCloseTo(-6.40533119664628, within(1e-13));
        assertThat(real(new MathFunctions.Cot(), 30L)).isCloseTo(-0.156119952161659, within(1e-14));
        assertThat(real(new MathFunctions.Asin(), 0.5)).isCloseTo(0.523598775598299, within(1e-14));
        assertThat(real(new MathFunctions.Acos(), 0.5)).isCloseTo(1.0471975511966, within(1e-13));
        assertThat(real(new MathFunctions.Atan(), 0.5)).isCloseTo(0.463647609000806, within(1e-14));
        assertThat(real(new MathFunctions.Radians(), 60L)).isCloseTo(1.0471975511966, within(1e-13));
        assertThat(real(new MathFunctions.Degrees(), 1.3)).isCloseTo(74.484513367007, within(1e-11));
        assertThat(real(new MathFunctions.Pi())).isEqualTo(Math.PI);
    }

    @Test
    void logIsNaturalAndPowerExponentiates() {
        assertThat(real(new MathFunctions.Log(), Math.E)).isCloseTo(1.0, within(1e-15));
        assertThat(real(new MathFunctions.Log10(), 1000L)).isCloseTo(3.0, within(1e-15));
        assertThat(real(new MathFunctions.Exp(), 1L)).isCloseTo(Math.E, within(1e-15));
        assertThat(real(new MathFunctions.Power(), 2L, 10L)).isEqualTo(1024.0);
        assertThat(real(new MathFunctions.Power(), 2L, 0.5)).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(real(new MathFunctions.Power(), -8L, 3L)).isEqualTo(-512.0);
    }

    @Test
    void textArgumentsAreReadAsNumbers() {
        assertThat(real(new MathFunctions.Sqrt(), "16")).isEqualTo(4.0);
        assertThat(real(new MathFunctions.Sqrt(), "abc")).isEqualTo(0.0);
        assertThat(real(new MathFunctions.Power(), "3", "2")).isEqualTo(9.0);
    }

    @Test
    void nullGivesNull() {
        for (SqlFunction f : new SqlFunction[] {new MathFunctions.Sqrt(), new MathFunctions.Log(),
                new MathFunctions.Sin(), new MathFunctions.Ceil(), new MathFunctions.Floor()}) {
            assertThat(call(f, (Object) null)).as(f.name()).isNull();
        }
        assertThat(call(new MathFunctions.Power(), null, 2L)).isNull();
        assertThat(call(new MathFunctions.Power(), 2L, null)).isNull();
    }

    @Test
    void ceilAndFloorGiveIntegersAndKeepIntegers() {
        assertThat(call(new MathFunctions.Ceil(), 1.2)).isEqualTo(2L);
        assertThat(call(new MathFunctions.Ceil(), -1.2)).isEqualTo(-1L);
        assertThat(call(new MathFunctions.Floor(), 1.8)).isEqualTo(1L);
        assertThat(call(new MathFunctions.Floor(), -1.2)).isEqualTo(-2L);
        assertThat(call(new MathFunctions.Floor(), "2.5")).isEqualTo(2L);
        assertThat(call(new MathFunctions.Ceil(), Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(call(new MathFunctions.Ceil(), 1e300)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void domainErrorsFailWithStrerrorsText() {
        assertThatThrownBy(() -> call(new MathFunctions.Sqrt(), -1L)).hasMessage(EDOM);
        assertThatThrownBy(() -> call(new MathFunctions.Log(), -1L)).hasMessage(EDOM);
        assertThatThrownBy(() -> call(new MathFunctions.Log10(), -0.5)).hasMessage(EDOM);
        assertThatThrownBy(() -> call(new MathFunctions.Asin(), 2L)).hasMessage(EDOM);
        assertThatThrownBy(() -> call(new MathFunctions.Acos(), -1.5)).hasMessage(EDOM);
        assertThatThrownBy(() -> call(new MathFunctions.Sin(), Double.POSITIVE_INFINITY)).hasMessage(EDOM);
        assertThatThrownBy(() -> call(new MathFunctions.Cot(), Double.NEGATIVE_INFINITY)).hasMessage(EDOM);
        assertThatThrownBy(() -> call(new MathFunctions.Power(), -8L, 0.5)).hasMessage(EDOM);
    }

    @Test
    void poleAndRangeErrorsFailWithStrerrorsText() {
        assertThatThrownBy(() -> call(new MathFunctions.Log(), 0L)).hasMessage(ERANGE);
        assertThatThrownBy(() -> call(new MathFunctions.Log10(), 0.0)).hasMessage(ERANGE);
        assertThatThrownBy(() -> call(new MathFunctions.Power(), 0L, -1L)).hasMessage(ERANGE);
        assertThatThrownBy(() -> call(new MathFunctions.Power(), 10L, 400L)).hasMessage(ERANGE);
        assertThatThrownBy(() -> call(new MathFunctions.Power(), 10L, -400L)).hasMessage(ERANGE);
        assertThatThrownBy(() -> call(new MathFunctions.Exp(), 20000L)).hasMessage(ERANGE);
    }

    @Test
    void edgesWithoutErrno() {
        // expl's range is wider than double's: the conversion gives Inf or 0 without an error.
        assertThat(real(new MathFunctions.Exp(), 1000L)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(real(new MathFunctions.Exp(), -1000L)).isEqualTo(0.0);
        assertThat(real(new MathFunctions.Cot(), 0L)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(real(new MathFunctions.Sqrt(), -0.0)).isEqualTo(-0.0);
        assertThat(real(new MathFunctions.Log(), Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(real(new MathFunctions.Power(), 0L, 0L)).isEqualTo(1.0);
        assertThat(real(new MathFunctions.Power(), Double.POSITIVE_INFINITY, -1L)).isEqualTo(0.0);
    }
}
