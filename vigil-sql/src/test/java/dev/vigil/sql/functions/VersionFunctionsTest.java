package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.sql.spi.SqlFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from osquery's own tests of version_compare and the version collations, plus edges of our own. */
class VersionFunctionsTest {

    private final SqlFunction compare = new VersionFunctions.VersionCompare();

    private Object call(Object... args) {
        return compare.apply(args);
    }

    @ParameterizedTest(name = "version_compare({0}, {1}) = {2}")
    @CsvSource({
        "1.0, 1.0, 0",
        "50.4.1b, 50.4.1c, -1",
        "106.32.1, 106:32.1, 0", // without a flavor all delimiters are equal
        "1:0.0, 1.0.0, 0",
        "2.50^1a, 2.50~1a, 0",
        "1.0, 1.1, -1",
        "1.1, 1.a, -1",
        "1.0.0, 1.0.0-2, -1",
        "1.0.0-2, 1:0.0.3, -1",
        "1.12.1, 1.13, -1",
        "190.10a, 20.10a, 1",
        "20.10a, 20.102, 1",
        "57:4, 6.87.5, 1",
        "98.100.21-1b, 98.100.21-1a, 1",
        "8.11, 8.10.24, 1",
        "101.1.10, 101.1.2, 1",
        "5.2.1, 5.10.0, -1",
        "5.10.0, 5.2.1, 1",
        "1.9, 1.10, -1",
        "2.0, 10.0, -1",
        "1.0, 1.0.1, -1",
        "1:2.0, 2.0, -1", // no epochs without a flavor
    })
    void genericOrder(String left, String right, long expected) {
        assertThat(call(left, right)).isEqualTo(expected);
        assertThat(call(right, left)).isEqualTo(-expected);
    }

    @ParameterizedTest(name = "version_compare({0}, {1}, {2}) = {3}")
    @CsvSource({
        "1:2.0-10, 1:2.0-10, DPKG, 0",
        "4:1.1.0, 4:1.1.0-3, arCH, 0",
        "1.0.8-4, 1.0.8-6, arch, -1",
        "1.0.0~rc2^2021, 1.0.0, RHEL, -1",
        "1.1.0~BETA2^1, 1.1.0~CR1, RhEl, -1",
        "1.0.1.1, 1.0.1^2021, rhel, 1",
        "1.9.9-1ubuntu2.4, 1.9.9-1ubuntu2.3, dpkg, 1",
        "1:1.2.13-2, 4.2.1, ARCH, 1",
        // ARCH
        "1.0, 1.0-4, ARCH, 0",
        "4:2, 4:2-1, ARCH, 0",
        "1.6.1-9, 1.6.1-10, ARCH, -1",
        "20220713-1, 20221123-1, ARCH, -1",
        "2-2pre, 2-2rc, ARCH, -1",
        "2.38-6, 2.39-4, ARCH, -1",
        "41.1-2, 43alpha+r8+g1de47dbc-1, ARCH, -1",
        "1:42.3.1-1, 1:43.2-1, ARCH, -1",
        "3.46.7-1, 3.44.1-1, ARCH, 1",
        "6.0.12.arch1-1, 5.18.14.arch1-1, ARCH, 1",
        "3:0.164.r3095.baee400-4, 3:0.164.r3081.19856cc-2, ARCH, 1",
        "0.23.90-1, 0.23.1-9, ARCH, 1",
        "42.2-1, 42.1-2, ARCH, 1",
        // DPKG
        "1.0-0, 1.0-0, DPKG, 0",
        "22.07.5-2ubuntu1.3, 22.07.5-2ubuntu1.4, DPKG, -1",
        "12ubuntu4.2, 12ubuntu4.3, DPKG, -1",
        "2.5.13+dfsg-0ubuntu0.22.04.1, 2.5.14+dfsg-0ubuntu0.22.04.2, DPKG, -1",
        "3.0.2-0ubuntu1.10, 3.0.2-0ubuntu1.8, DPKG, 1",
        "2:8.2.3995-1ubuntu2.9, 2:8.2.3995-1ubuntu2.3, DPKG, 1",
        "1:2.0, 2.0, DPKG, 1", // an epoch beats none
        "10:1.0, 9:2.0, DPKG, 1", // a longer epoch beats a shorter one
        "1:2.0, 2:1.0, DPKG, -1",
        "1.0~1, 1.0-1, DPKG, -1", // delimiter precedence ~ < - < ^ < . < :
        "1.0~1, 1.0-1, ARCH, 0",
        // RHEL
        "0.5.0~rc1^202, 0.5.0~rc1^202, RHEL, 0",
        "1:1.0.0~rc2, 1:1.0.0~rc2, RHEL, 0",
        "1.0.1, 1.0.1^2021, RHEL, -1",
        "1.0.1^2021, 1.0.1.security1, RHEL, -1",
        "1.0.1, pkg-1.0.1.security1, RHEL, -1",
        "1.1.0~BETA2, 1.1.0~CR1, RHEL, -1",
        "1.1.0.2021.SP1, 1.1.0.2021.SP1_CP1, RHEL, -1",
        "9.11.4-26.P2.el7_9.10, 32:9.11.4-26.P2.el7_9.13, RHEL, -1",
        "1:1.8.0.352.b08-2.el7_9, 1:1.8.0.372.b07-1.el7_9, RHEL, -1",
        "1.0.0, 1.0.0~rc2, RHEL, 1",
        "1.0.1.security1, 1.0.0~rc2, RHEL, 1",
        "1.1.0~CR1, 1.1.0~BETA, RHEL, 1",
        "1.1.0.20201001.GA1, 1.1.0~CR1, RHEL, 1",
        "1.0.0~rc2^20210101gf00fabd, 1.0.0~rc2, RHEL, 1",
        "1.0.1.security1, 1.0.1^20210203gbbbccc0, RHEL, 1",
    })
    void flavoredOrder(String left, String right, String flavor, long expected) {
        assertThat(call(left, right, flavor)).isEqualTo(expected);
        assertThat(call(right, left, flavor)).isEqualTo(-expected);
    }

    @Test
    void emptyVersionsSortFirst() {
        assertThat(call("", "")).isEqualTo(0L);
        assertThat(call("", "0")).isEqualTo(-1L);
        assertThat(call("0", "", "DPKG")).isEqualTo(1L);
    }

    @Test
    void argumentsAfterTheThirdAreIgnored() {
        assertThat(call("1:2.0", "2.0", "DPKG", "anything")).isEqualTo(1L);
    }

    @Test
    void versionsMustBeText() {
        for (Object[] args : new Object[][] {{"1.0"}, {null, "1.0"}, {"1.0", null}, {10L, "9"}, {"1", 2.0}}) {
            assertThatThrownBy(() -> compare.apply(args))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Must provide two version strings to compare.");
        }
    }

    @Test
    void theFlavorMustBeAKnownString() {
        assertThatThrownBy(() -> call("1", "2", null)).hasMessage("The optional third parameter is not a string.");
        assertThatThrownBy(() -> call("1", "2", 1L)).hasMessage("The optional third parameter is not a string.");
        assertThatThrownBy(() -> call("1", "2", "SEMVER"))
                .hasMessage("The optional third parameter does not match one of: (ARCH, DPKG, RHEL).");
    }
}
