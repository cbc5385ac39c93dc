package dev.vigil.sensors.process;

import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.Running;
import dev.vigil.sensors.WallClock;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** process_events and bpf_process_events rows from captured records; no privileges needed. */
class ProcessTablesTest {
    private final ProcessRecordDecoder decoder = new ProcessRecordDecoder(new WallClock(0));

    private EventStores<ProcessEvent> storeWithFixtures() throws Exception {
        EventStores<ProcessEvent> store = EventStores.withDefaults(ProcessSensor.KINDS);
        ProcessEvent exec = decoder.decode(ProcessRecordDecoderTest.fixture("exec-sh-exit3.bin"))
                .withExecutable(new ProcessEvent.ExecutableFile("0100755", 0, 0, 10, 20, 30, null, 2049, 1234));
        store.add(decoder.decode(ProcessRecordDecoderTest.fixture("fork-sh.bin")));
        store.add(exec);
        store.add(decoder.decode(ProcessRecordDecoderTest.fixture("exit-status-768.bin")).withImage(exec.image()));
        return store;
    }

    @Test
    void processEventsHasOneRowPerExec() throws Exception {
        ProcessEventsTable table = new ProcessEventsTable(storeWithFixtures(), new ExecutableIndex(), Running.sensor("process"));
        List<Row> rows = new ArrayList<>();
        table.generate(QueryContext.all(ProcessEventsTable.SPEC), rows::add);
        assertThat(rows).hasSize(1);
        Row row = rows.getFirst();
        assertThat(row.get(ProcessEventsTable.PID)).isEqualTo(0x24e7L);
        assertThat(row.get(ProcessEventsTable.PARENT)).isEqualTo(0x24e6L);
        assertThat(row.get(ProcessEventsTable.PATH)).isEqualTo("/usr/bin/dash");
        assertThat(row.get(ProcessEventsTable.CMDLINE)).isEqualTo("/bin/sh -c exit 3 vigil-fixture-arg");
        assertThat(row.get(ProcessEventsTable.CMDLINE_SIZE)).isEqualTo(36L);
        assertThat(row.get(ProcessEventsTable.CWD)).isEqualTo("/tmp");
        assertThat(row.get(ProcessEventsTable.MODE)).isEqualTo("0100755");
        assertThat(row.get(ProcessEventsTable.SYSCALL)).isEqualTo("execve");
        assertThat(row.get(ProcessEventsTable.EID)).isEqualTo("2");
        assertThat(row.get(ProcessEventsTable.ENV)).isNull();
        assertThat(row.get(ProcessEventsTable.BTIME)).isNull();
        assertThat(row.get(ProcessEventsTable.OVERFLOWS)).isEqualTo("");
    }

    @Test
    void bpfProcessEventsHasExecExitAndFork() throws Exception {
        BpfProcessEventsTable table = new BpfProcessEventsTable(storeWithFixtures(), new ExecutableIndex(), Running.sensor("process"));
        List<Row> rows = new ArrayList<>();
        table.generate(QueryContext.all(BpfProcessEventsTable.SPEC), rows::add);
        assertThat(rows).extracting(r -> r.get(BpfProcessEventsTable.SYSCALL)).containsExactly("fork", "execve", "exit");
        assertThat(rows).extracting(r -> r.get(BpfProcessEventsTable.PID)).containsOnly(0x24e7L);
        assertThat(rows).extracting(r -> r.get(BpfProcessEventsTable.PARENT)).containsOnly(0x24e6L);
        Row exit = rows.get(2);
        assertThat(exit.get(BpfProcessEventsTable.EXIT_CODE)).isEqualTo("3");
        assertThat((Long) exit.get(BpfProcessEventsTable.DURATION)).isPositive();
        assertThat(exit.get(BpfProcessEventsTable.CMDLINE)).isEqualTo("/bin/sh -c exit 3 vigil-fixture-arg");
        assertThat(exit.get(BpfProcessEventsTable.JSON_CMDLINE)).isEqualTo("[\"/bin/sh\",\"-c\",\"exit 3\",\"vigil-fixture-arg\"]");
        assertThat(rows.get(1).get(BpfProcessEventsTable.CID)).isNotNull();
        assertThat(rows.get(1).get(BpfProcessEventsTable.PROBE_ERROR)).isEqualTo(0L);
    }
}
