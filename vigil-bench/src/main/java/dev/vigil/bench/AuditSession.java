package dev.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * auditd with one execve rule, the heavyweight baseline tracer. {@link #start} starts auditd (unless one already
 * runs) with Debian's stock auditd.conf logging to a file of its own, sets Debian's stock backlog settings
 * (audit.rules: -b 8192, --backlog_wait_time 60000) and adds the rule; {@link #close} removes the rule, stops
 * the auditd it started and restores the kernel's audit settings, also after a failure. Root only.
 */
final class AuditSession implements AutoCloseable {
    static final List<String> RULE = List.of("-F", "arch=b64", "-S", "execve", "-k", "vigilbench");
    private static final Pattern STATUS_LINE = Pattern.compile("^(\\w+) (\\d+)", Pattern.MULTILINE);
    private static final Pattern PPID = Pattern.compile(" ppid=(\\d+) ");

    private final Map<String, Long> before;
    private final Process ownDaemon;
    private final long daemonPid;
    private final Path log;
    private final long logStart;
    private boolean ruleAdded;
    private boolean closed;
    private Thread shutdownHook;
    private Path pidFile;

    private AuditSession(Map<String, Long> before, Process ownDaemon, long daemonPid, Path log, long logStart) {
        this.before = before;
        this.ownDaemon = ownDaemon;
        this.daemonPid = daemonPid;
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * @param dir where auditd's config, log and pid file go (bench/run's cleanup reads auditd.pid)
     * @throws IOException "unavailable" reasons: auditctl missing, no audit support in the kernel, auditd failing
     */
    static AuditSession start(Path dir) throws IOException, InterruptedException {
        Map<String, Long> before = status();
        AuditSession session;
        if (before.getOrDefault("pid", 0L) != 0) {
            // a system auditd is running: use it and count records appended to its log
            Path log = configuredLog(Path.of("/etc/audit/auditd.conf"));
            session = new AuditSession(before, null, before.get("pid"), log, Files.exists(log) ? Files.size(log) : 0);
        } else {
            Files.createDirectories(dir);
            Path log = dir.resolve("audit.log");
            Files.deleteIfExists(log);
            Path conf = dir.resolve("auditd.conf");
            Files.writeString(conf, ownConfig(Files.readString(Path.of("/etc/audit/auditd.conf")), log));
            Files.setPosixFilePermissions(conf, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
            Process daemon;
            try {
                daemon = new ProcessBuilder("auditd", "-n", "-c", dir.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("auditd.out").toFile()).start();
            } catch (IOException e) {
                throw new IOException("auditd cannot run: " + e.getMessage(), e);
            }
            Files.writeString(dir.resolve("auditd.pid"), daemon.pid() + "\n");
            session = new AuditSession(before, daemon, daemon.pid(), log, 0);
            session.pidFile = dir.resolve("auditd.pid");
            session.awaitDaemon(dir);
        }
        // close() also runs if the JVM is interrupted (bench/run's trap covers a JVM killed outright)
        Thread hook = new Thread(session::close, "audit-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        session.shutdownHook = hook;
        try {
            auditctl("-b", "8192");
            auditctl("--backlog_wait_time", "60000");
            session.ruleAdded = true;
            auditctl(concat("-a", "always,exit", RULE));
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private void awaitDaemon(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (status().getOrDefault("pid", 0L) != daemonPid) {
            if (!ownDaemon.isAlive() || System.nanoTime() > deadline) {
                String said = Files.readString(dir.resolve("auditd.out")).strip().replace('\n', ' ');
                close();
                throw new IOException("auditd did not register with the kernel" + (said.isEmpty() ? "" : ": " + said));
            }
            Thread.sleep(50);
        }
    }

    /** Debian's auditd.conf, logging to log and never rotating (so one file holds every record of the run). */
    static String ownConfig(String stock, Path log) {
        return stock.replaceAll("(?m)^log_file\\s*=.*$", "log_file = " + log)
                .replaceAll("(?m)^max_log_file_action\\s*=.*$", "max_log_file_action = IGNORE");
    }

    private static Path configuredLog(Path conf) throws IOException {
        Matcher m = Pattern.compile("(?m)^log_file\\s*=\\s*(\\S+)").matcher(Files.readString(conf));
        return Path.of(m.find() ? m.group(1) : "/var/log/audit/audit.log");
    }

    /** {@code auditctl -s} as name → value (enabled, failure, pid, backlog_limit, lost, backlog_wait_time ...). */
    static Map<String, Long> status() throws IOException, InterruptedException {
        Command.Result r;
        try {
            r = Command.run(List.of("auditctl", "-s"), 30);
        } catch (IOException e) {
            throw new IOException("auditctl cannot run: " + e.getMessage(), e);
        }
        if (r.status() != 0) {
            throw new IOException("no audit support: auditctl -s: " + (r.stderr() + r.stdout()).strip());
        }
        return parseStatus(r.stdout());
    }

    static Map<String, Long> parseStatus(String auditctlStatus) {
        Map<String, Long> values = new TreeMap<>();
        Matcher m = STATUS_LINE.matcher(auditctlStatus);
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }

    long daemonPid() {
        return daemonPid;
    }

    /** Records the kernel could not queue (auditctl -s "lost"), since boot. */
    long lost() throws IOException, InterruptedException {
        return status().getOrDefault("lost", 0L);
    }

    /** The log's size now (0 before auditd creates it). */
    long logBytes() {
        try {
            return Files.size(log);
        } catch (IOException notYet) {
            return 0;
        }
    }

    /** SYSCALL records of the rule's key for an exec of comm whose parent is one of parents, logged so far. */
    long execRecords(String comm, Set<Long> parents) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logStart, all.length);
        return countExecRecords(new String(all, from, all.length - from, StandardCharsets.UTF_8), comm, parents);
    }

    static long countExecRecords(String logText, String comm, Set<Long> parents) {
        String commField = " comm=\"" + comm + "\" ";
        return logText.lines()
                .filter(l -> l.startsWith("type=SYSCALL ") && l.contains(" key=\"vigilbench\"") && l.contains(commField))
                .filter(l -> {
                    Matcher m = PPID.matcher(l);
                    return m.find() && parents.contains(Long.parseLong(m.group(1)));
                })
                .count();
    }

    /** Removes the rule, stops the auditd this session started, restores the audit settings; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: this call got here first
            }
        }
        if (ruleAdded) {
            quietly(concat("-d", "always,exit", RULE));
        }
        if (ownDaemon != null) {
            ownDaemon.destroy(); // SIGTERM: auditd flushes its log and exits
            try {
                if (!ownDaemon.waitFor(10, TimeUnit.SECONDS)) {
                    ownDaemon.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // bench/run checks the pid's comm before acting on a stale file
            }
        }
        quietly(List.of("-b", Long.toString(before.getOrDefault("backlog_limit", 64L))));
        quietly(List.of("--backlog_wait_time", Long.toString(before.getOrDefault("backlog_wait_time", 15000L))));
        quietly(List.of("-e", Long.toString(before.getOrDefault("enabled", 0L))));
    }

    private static void quietly(List<String> args) {
        try {
            Command.run(concat("auditctl", args), 30);
        } catch (IOException | InterruptedException e) {
            System.err.println("bench: restoring audit settings (auditctl " + String.join(" ", args) + "): " + e.getMessage());
        }
    }

    private static void auditctl(String... args) throws IOException, InterruptedException {
        auditctl(List.of(args));
    }

    private static void auditctl(List<String> args) throws IOException, InterruptedException {
        Command.Result r = Command.run(concat("auditctl", args), 30);
        if (r.status() != 0) {
            throw new IOException("auditctl " + String.join(" ", args) + ": " + (r.stderr() + r.stdout()).strip());
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static List<String> concat(String first, String second, List<String> rest) {
        return concat(first, concat(second, rest));
    }
}
