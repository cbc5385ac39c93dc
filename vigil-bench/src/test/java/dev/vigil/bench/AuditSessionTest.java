package dev.vigil.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSessionTest {

    @Test
    void parsesAuditctlStatus() {
        String status = """
                enabled 1
                failure 1
                pid 3431
                rate_limit 0
                backlog_limit 8192
                lost 17
                backlog 0
                backlog_wait_time 60000
                loginuid_immutable 0 unlocked
                """;
        assertThat(AuditSession.parseStatus(status))
                .containsEntry("enabled", 1L).containsEntry("pid", 3431L).containsEntry("lost", 17L)
                .containsEntry("backlog_limit", 8192L).containsEntry("backlog_wait_time", 60000L)
                .containsEntry("loginuid_immutable", 0L);
    }

    @Test
    void countsSyscallRecordsOfTheRuleForChildrenOfTheGivenParents() {
        String log = String.join("\n",
                syscall(101, "true", "vigilbench"),
                syscall(101, "true", "vigilbench"),
                syscall(102, "true", "vigilbench"),
                syscall(999, "true", "vigilbench"),   // another parent
                syscall(101, "truex", "vigilbench"),  // another command
                syscall(101, "true", "other"),        // another rule
                "type=EXECVE msg=audit(1795886559.700:2001): argc=1 a0=\"true\"",
                "type=CONFIG_CHANGE msg=audit(1795886559.788:2013): op=remove_rule key=\"vigilbench\" list=4 res=1");
        assertThat(AuditSession.countExecRecords(log, "true", Set.of(101L, 102L))).isEqualTo(3);
        assertThat(AuditSession.countExecRecords(log, "true", Set.of())).isZero();
    }

    private static String syscall(int ppid, String comm, String key) {
        return "type=SYSCALL msg=audit(1795886559.700:2000): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 "
                + "a2=3 a3=4 items=2 ppid=" + ppid + " pid=" + (ppid + 5) + " auid=4294967295 uid=0 gid=0 euid=0 "
                + "suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"" + comm
                + "\" exe=\"/usr/bin/true\" key=\"" + key + "\"\u001dARCH=x86_64 SYSCALL=execve";
    }

    @Test
    void ownConfigLogsToItsFileAndNeverRotates() {
        String stock = """
                local_events = yes
                log_file = /var/log/audit/audit.log
                max_log_file = 8
                max_log_file_action = ROTATE
                """;
        String own = AuditSession.ownConfig(stock, Path.of("/tmp/bench/audit/audit.log"));
        assertThat(own).contains("log_file = /tmp/bench/audit/audit.log\n", "max_log_file_action = IGNORE\n",
                "local_events = yes\n", "max_log_file = 8\n");
        assertThat(own).doesNotContain("/var/log/audit", "ROTATE");
    }
}
