package dev.vigil.cli;

import dev.vigil.cli.output.Output;
import dev.vigil.cli.output.OutputOptions;
import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ShellTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Engine engine;
    private Session session;
    private Shell shell;

    @BeforeEach
    void open() throws Exception {
        engine = Engine.builder().build();
        session = engine.openSession();
        shell = new Shell(engine, session, OutputOptions.DEFAULT, new Output(out),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private String type(String... lines) throws java.io.IOException {
        out.reset();
        for (String line : lines) {
            shell.accept(line);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prettyIsOsqueryisBoxedTable() throws Exception {
        assertThat(type("select 1 as pid, 'init' as name union all select 22, 'sshd';")).isEqualTo("""
                +-----+------+
                | pid | name |
                +-----+------+
                | 1   | init |
                | 22  | sshd |
                +-----+------+
                """);
    }

    @Test
    void statementsSpanLinesUntilTheSemicolon() throws Exception {
        assertThat(type("select", "  'a;b' as x")).isEmpty();
        assertThat(shell.inStatement()).isTrue();
        assertThat(type(";")).contains("| a;b |");
        assertThat(shell.inStatement()).isFalse();
    }

    @Test
    void everyModePrints() throws Exception {
        String q = "select 1 as a, 'x,y' as b, null as c;";
        assertThat(type(".mode line", q)).isEqualTo("a = 1\nb = x,y\nc = \n");
        assertThat(type(".mode csv", q)).isEqualTo("a,b,c\n1,\"x,y\",\n");
        assertThat(type(".mode json", q)).isEqualTo("[\n  {\"a\":\"1\",\"b\":\"x,y\",\"c\":\"\"}\n]\n");
        assertThat(type(".mode list", q)).isEqualTo("a|b|c\n1|x,y|\n");
        assertThat(type(".separator ;", q)).isEqualTo("a;b;c\n1;x,y;\n");
        assertThat(type(".mode column", q)).isEqualTo("a  b    c\n-  ---  -\n1  x,y  \n");
        assertThat(type(".mode list", ".headers off", ".nullvalue NULL", q)).isEqualTo("1;x,y;NULL\n");
    }

    @Test
    void metaCommandsListTablesAndSchemas() throws Exception {
        assertThat(type(".tables")).contains("  => vigil_columns", "  => vigil_tables");
        assertThat(type(".tables col")).contains("vigil_columns").doesNotContain("vigil_tables");
        assertThat(type(".schema vigil_tables")).startsWith("CREATE TABLE vigil_tables(`name` TEXT, `description` TEXT");
        assertThat(type(".help")).contains(".mode MODE", ".timer on|off");
        assertThat(type(".timer on", "select 1;")).contains("Run Time: real");
        assertThat(type(".show")).contains("timer: on");
    }

    @Test
    void errorsAreReportedAndTheShellGoesOn() throws Exception {
        type("selec 1;");
        type(".mode fancy");
        type(".schema nothing_here");
        type(".frobnicate");
        String messages = err.toString(StandardCharsets.UTF_8);
        assertThat(messages).contains("Error: near \"selec\": syntax error")
                .contains("unknown mode 'fancy'")
                .contains("no table named nothing_here")
                .contains("unknown command .frobnicate");
        assertThat(shell.errors()).isEqualTo(4);
        assertThat(type("select 2;")).contains("| 2 |");
    }

    @Test
    void exitAndQuitLeave() throws Exception {
        assertThat(shell.accept(".exit")).isFalse();
        assertThat(shell.accept(".quit")).isFalse();
        assertThat(shell.accept("select 1;")).isTrue();
    }
}
