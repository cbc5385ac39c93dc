package dev.vigil.tables.users;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The utmp parser on records this test lays out itself, byte by byte, per utmp(5) on x86-64. */
class LoggedInUsersTableTest {

    @Test
    void parsesEveryFieldOfARecord() {
        byte[] bytes = utmp(record(7, 4321, "pts/0", "ts/0", "alice", "203.0.113.9", 1_700_000_000, 123_456));

        List<UtmpRecord> records = UtmpFile.parse(bytes);

        assertThat(records).containsExactly(
                new UtmpRecord(7, 4321, "pts/0", "ts/0", "alice", "203.0.113.9", 1_700_000_000L, 123_456L));
        assertThat(records.get(0).typeName()).isEqualTo("user");
    }

    @Test
    void fieldsThatFillTheirWholeWidthNeedNoTerminator() {
        String user32 = "u".repeat(32);
        byte[] bytes = utmp(record(6, 99, "tty1234567890123456789012345678x", "abcd", user32, "", 5, 0));

        UtmpRecord r = UtmpFile.parse(bytes).get(0);

        assertThat(r.line()).hasSize(32);
        assertThat(r.id()).isEqualTo("abcd");
        assertThat(r.user()).isEqualTo(user32);
        assertThat(r.typeName()).isEqualTo("login");
    }

    @Test
    void timesPast2038ReadAsUnsigned() {
        byte[] bytes = utmp(record(7, 10, "pts/1", "", "bob", "", 0x8000_0010, 0));

        assertThat(UtmpFile.parse(bytes).get(0).seconds()).isEqualTo(0x8000_0010L);
    }

    @Test
    void aTrailingPartialRecordIsIgnored() {
        byte[] whole = utmp(record(2, 0, "~", "~~", "reboot", "6.1.0", 1_600_000_000, 0));
        byte[] torn = new byte[whole.length + 100];
        System.arraycopy(whole, 0, torn, 0, whole.length);

        assertThat(UtmpFile.parse(torn)).hasSize(1);
    }

    @Test
    void tableNamesTypesAndLeavesOutPid1(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.in(dir).file("/run/utmp", utmp(
                record(2, 0, "~", "~~", "reboot", "6.1.0-18-amd64", 1_600_000_000, 0),
                record(1, 1, "~", "~~", "runlevel", "6.1.0-18-amd64", 1_600_000_001, 0),
                record(6, 812, "tty1", "tty1", "LOGIN", "", 1_600_000_002, 0),
                record(7, 4321, "pts/0", "ts/0", "alice", "203.0.113.9", 1_700_000_000, 5),
                record(8, 4000, "pts/1", "ts/1", "", "", 1_700_000_100, 0),
                record(42, 5000, "", "", "", "", 0, 0)));

        List<Row> rows = TableScan.of(new LoggedInUsersTable(host.paths()), List.of()).rows();

        assertThat(rows).extracting(r -> r.get(LoggedInUsersTable.TYPE))
                .containsExactly("boot_time", "login", "user", "dead", "unknown");
        Row alice = rows.get(2);
        assertThat(alice.get(LoggedInUsersTable.USER)).isEqualTo("alice");
        assertThat(alice.get(LoggedInUsersTable.TTY)).isEqualTo("pts/0");
        assertThat(alice.get(LoggedInUsersTable.HOST)).isEqualTo("203.0.113.9");
        assertThat(alice.get(LoggedInUsersTable.TIME)).isEqualTo(1_700_000_000L);
        assertThat(alice.get(LoggedInUsersTable.PID)).isEqualTo(4321L);
    }

    @Test
    void withoutUtmpTheTableIsUnsupportedAndHasNoRows(@TempDir Path dir) throws Exception {
        FakeHost empty = FakeHost.in(dir);
        LoggedInUsersTable table = new LoggedInUsersTable(empty.paths());

        assertThat(table.unsupported()).hasValue("no utmp file: " + empty.path("/run/utmp") + " does not exist");
        TableScan scan = TableScan.of(table, List.of());
        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
    }

    @Test
    void userSessionsOnThisHostAreWhosSessions() throws Exception {
        List<String> who = HostCommand.run("who").lines().map(l -> l.split("\\s+")[0] + " " + l.split("\\s+")[1])
                .toList();

        List<String> rows = TableScan.of(new LoggedInUsersTable(HostPaths.live()), List.of()).rows().stream()
                .filter(r -> r.get(LoggedInUsersTable.TYPE).equals("user"))
                .map(r -> r.get(LoggedInUsersTable.USER) + " " + r.get(LoggedInUsersTable.TTY)).toList();

        assertThat(rows).containsExactlyInAnyOrderElementsOf(who);
    }

    static byte[] record(int type, int pid, String line, String id, String user, String host, long sec, long usec) {
        ByteBuffer b = ByteBuffer.allocate(UtmpFile.RECORD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) type);
        b.putInt(4, pid);
        put(b, 8, line, 32);
        put(b, 40, id, 4);
        put(b, 44, user, 32);
        put(b, 76, host, 256);
        b.putShort(332, (short) 0);
        b.putShort(334, (short) 0);
        b.putInt(336, pid);
        b.putInt(340, (int) sec);
        b.putInt(344, (int) usec);
        b.putInt(348, 0x0971_00cb);
        return b.array();
    }

    static byte[] utmp(byte[]... records) {
        ByteBuffer all = ByteBuffer.allocate(records.length * UtmpFile.RECORD_SIZE);
        for (byte[] r : records) {
            all.put(r);
        }
        return all.array();
    }

    private static void put(ByteBuffer b, int offset, String text, int width) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(width);
        b.put(offset, bytes);
    }
}
