package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The functions as a query sees them: registered through ServiceLoader, called by SQLite, typed by SQLite. */
class OsqueryFunctionsSqlTest {

    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void open() throws SqlException {
        engine = Engine.withServiceLoader();
        session = engine.openSession();
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
        engine.close();
    }

    private static List<Object> row(String sql) throws SqlException {
        List<List<Object>> rows = session.query(sql).rows();
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    @Test
    void stringAndRegexFunctions() throws SqlException {
        assertThat(row("SELECT regex_match('hello world. Goodbye', '(\\w+) \\w+', 0),"
                + " regex_match('hello world. Goodbye', '(\\w+) \\w+', 1),"
                + " regex_match('abc', 'z', 0),"
                + " regex_split('192.168.0.1', '\\.', 1),"
                + " split('192.168.0.1', '.', 3),"
                + " concat('hello', NULL, ' ', 'world'),"
                + " concat_ws(', ', 'a', NULL, 'b', 3)"))
                .containsExactly("hello world", "hello", null, "168", "1", "hello world", "a, b, 3");
    }

    @Test
    void networkFunctions() throws SqlException {
        assertThat(row("SELECT inet_aton('1.0.1.5'), inet_aton('::1'),"
                + " in_cidr_block('10.0.0.0/26', '10.0.0.24'), in_cidr_block('10.0.0.0/26', '10.0.0.64'),"
                + " in_cidr_block('2001:db8::/48', '2001:db8:0:ffff:ffff:ffff:ffff:ffff'),"
                + " community_id_v1('66.35.250.204', '128.232.110.120', 80, 34855, 6),"
                + " community_id_v1('66.35.250.204', '128.232.110.120', 80, 34855, 6, 1),"
                + " community_id_v1('not an ip', '128.232.110.120', 80, 34855, 6)"))
                .containsExactly(16777477L, null, 1L, 0L, 1L, "1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
                        "1:3V71V58M3Ksw/yuFALMcW0LAHvc=", null);
    }

    @Test
    void versionHashAndEncodingFunctions() throws SqlException {
        assertThat(row("SELECT version_compare('5.2.1', '5.10.0'), version_compare('1:2.0', '2.0', 'DPKG'),"
                + " version_compare('1.0.0~rc2^2021', '1.0.0', 'RHEL'),"
                + " sha256('abc'), md5(42), to_base64('CPU0'), from_base64(to_base64('café')),"
                + " conditional_to_base64('CPU0'), typeof(from_base64(x'00ff'))"))
                .containsExactly(-1L, 1L, -1L,
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                        "a1d0c6e83f027327d8461063f4ac58a6", "Q1BVMA==", "café", "CPU0", "text");
    }

    @Test
    void mathFunctionsAreOsquerys() throws SqlException {
        List<Object> values = row("SELECT log(100), log10(100), sqrt('16'), power(2, 10), ceil(1.2), typeof(ceil(1.2)),"
                + " floor(-1.5), degrees(pi()), sqrt(NULL)");
        assertThat((Double) values.get(0)).isCloseTo(Math.log(100), within(1e-12)); // natural, unlike SQLite's
        assertThat(values.subList(1, values.size()))
                .containsExactly(2.0, 4.0, 1024.0, 2L, "integer", -2L, 180.0, null);
    }

    @Test
    void badArgumentsFailTheStatementWithOsquerysMessage() {
        assertThatThrownBy(() -> session.query("SELECT sqrt(-1)"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Numerical argument out of domain");
        assertThatThrownBy(() -> session.query("SELECT in_cidr_block('10.0.0.0/33', '10.0.0.1')"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("CIDR for IP address v4 cannot be parsed");
        assertThatThrownBy(() -> session.query("SELECT regex_match('a', '(', 0)"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Invalid regex");
        assertThatThrownBy(() -> session.query("SELECT version_compare('1', '2', 'SEMVER')"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("does not match one of: (ARCH, DPKG, RHEL)");
    }
}
