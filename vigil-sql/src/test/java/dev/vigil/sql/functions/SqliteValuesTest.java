package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SqliteValuesTest {

    @Test
    void rendersRealsAsSqliteCastsThemToText() {
        // Expected values are what `sqlite3 :memory: "select cast(X as text)"` prints (SQLite 3.40).
        assertThat(SqliteValues.realText(1.0)).isEqualTo("1.0");
        assertThat(SqliteValues.realText(1.5)).isEqualTo("1.5");
        assertThat(SqliteValues.realText(100.0)).isEqualTo("100.0");
        assertThat(SqliteValues.realText(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(SqliteValues.realText(1e20)).isEqualTo("1.0e+20");
        assertThat(SqliteValues.realText(1e15)).isEqualTo("1.0e+15");
        assertThat(SqliteValues.realText(1e14)).isEqualTo("100000000000000.0");
        assertThat(SqliteValues.realText(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(SqliteValues.realText(1e-5)).isEqualTo("1.0e-05");
        assertThat(SqliteValues.realText(0.000123)).isEqualTo("0.000123");
        assertThat(SqliteValues.realText(123456789012345678.0)).isEqualTo("1.23456789012346e+17");
        assertThat(SqliteValues.realText(Double.MAX_VALUE)).isEqualTo("1.79769313486232e+308");
        assertThat(SqliteValues.realText(Double.MIN_VALUE)).isEqualTo("4.94065645841247e-324");
        assertThat(SqliteValues.realText(-2.25)).isEqualTo("-2.25");
        assertThat(SqliteValues.realText(-0.0)).isEqualTo("0.0");
        assertThat(SqliteValues.realText(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
        assertThat(SqliteValues.realText(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void textOfEachStorageClass() {
        assertThat(SqliteValues.textBytes(null)).isNull();
        assertThat(SqliteValues.textBytes(42L)).asString().isEqualTo("42");
        assertThat(SqliteValues.textBytes(-7L)).asString().isEqualTo("-7");
        assertThat(SqliteValues.textBytes(2.5)).asString().isEqualTo("2.5");
        assertThat(SqliteValues.textBytes("café")).isEqualTo("café".getBytes(StandardCharsets.UTF_8));
        assertThat(SqliteValues.textBytes(new byte[] {1, 0, 2})).containsExactly(1, 0, 2);
    }

    @Test
    void cStringStopsAtTheFirstNul() {
        assertThat(SqliteValues.cString("ab\0cd")).asString().isEqualTo("ab");
        assertThat(SqliteValues.cString(new byte[] {'x', 0, 'y'})).containsExactly('x');
        assertThat(SqliteValues.cText("plain")).isEqualTo("plain");
    }

    @Test
    void realValueOfTextIsItsLeadingNumber() {
        assertThat(SqliteValues.toReal("16")).isEqualTo(16.0);
        assertThat(SqliteValues.toReal("  3.5abc")).isEqualTo(3.5);
        assertThat(SqliteValues.toReal("-1e3x")).isEqualTo(-1000.0);
        assertThat(SqliteValues.toReal("2e")).isEqualTo(2.0);
        assertThat(SqliteValues.toReal(".5")).isEqualTo(0.5);
        assertThat(SqliteValues.toReal("abc")).isEqualTo(0.0);
        assertThat(SqliteValues.toReal("-")).isEqualTo(0.0);
        assertThat(SqliteValues.toReal(7L)).isEqualTo(7.0);
        assertThat(SqliteValues.toReal("9".getBytes(StandardCharsets.US_ASCII))).isEqualTo(9.0);
    }

    @Test
    void intValueTruncatesLikeSqlite3ValueInt() {
        assertThat(SqliteValues.toInt(3L)).isEqualTo(3);
        assertThat(SqliteValues.toInt(1.9)).isEqualTo(1);
        assertThat(SqliteValues.toInt(-1.9)).isEqualTo(-1);
        assertThat(SqliteValues.toInt(" 12abc")).isEqualTo(12);
        assertThat(SqliteValues.toInt("1.5")).isEqualTo(1);
        assertThat(SqliteValues.toInt("x")).isEqualTo(0);
        assertThat(SqliteValues.toInt(0x1_0000_0002L)).isEqualTo(2);
        assertThat(SqliteValues.toLong("99999999999999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(SqliteValues.toLong(1e30)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void textResultIsAStringOnlyForUtf8() {
        assertThat(SqliteValues.textResult("é".getBytes(StandardCharsets.UTF_8))).isEqualTo("é");
        assertThat(SqliteValues.textResult(new byte[] {(byte) 0xff, 'a'})).isEqualTo(new byte[] {(byte) 0xff, 'a'});
    }

    @Test
    void nanIsStoredAsNull() {
        assertThat(SqliteValues.realResult(Double.NaN)).isNull();
        assertThat(SqliteValues.realResult(2.0)).isEqualTo(2.0);
    }
}
