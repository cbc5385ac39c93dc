package dev.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bpftrace process running one script, the baseline tracer. Started, it has attached all its probes
 * ({@link #start} waits until {@code bpftool perf} lists them under its pid: bpftrace prints "Attaching N probes"
 * before attaching, and on stdout). Owns the process: close stops it.
 */
final class Bpftrace implements AutoCloseable {
    private static final Pattern LOST = Pattern.compile("Lost (\\d+) events");
    private static final Pattern MAP_COUNT = Pattern.compile("^@(\\w*): (\\d+)$", Pattern.MULTILINE);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private Bpftrace(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts bpftrace -e script with stdout to the given file (/dev/null to discard) and waits until probes
     * programs are attached.
     *
     * @throws IOException with the reason if bpftrace is missing, exits, or does not attach within 60 s
     */
    static Bpftrace start(String script, Path stdout, Path stderr, int probes) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("bpftrace", "-e", script)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new IOException("bpftrace cannot run: " + e.getMessage(), e);
        }
        Bpftrace tracer = new Bpftrace(p, stdout, stderr);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (attachedProbes(Command.output("bpftool", "perf"), p.pid()) < probes) {
            if (!p.isAlive()) {
                throw new IOException("bpftrace exited with " + p.exitValue() + ": " + tracer.errors());
            }
            if (System.nanoTime() > deadline) {
                tracer.close();
                throw new IOException("bpftrace did not attach " + probes + " probes within 60 s: " + tracer.errors());
            }
            Thread.sleep(50);
        }
        return tracer;
    }

    /** Probes attached by pid, from {@code bpftool perf}'s lines "pid N  fd M: prog_id P  KIND ...". */
    static int attachedProbes(String bpftoolPerf, long pid) {
        int n = 0;
        for (String line : bpftoolPerf.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length > 1 && words[0].equals("pid") && words[1].equals(Long.toString(pid))) {
                n++;
            }
        }
        return n;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until bpftrace has finished starting (its CPU time stops growing), at most 10 s. */
    void untilIdle(ProcessCpu cpu) throws InterruptedException {
        Settle.untilIdle(() -> {
            try {
                return cpu.nanos(process.pid());
            } catch (IOException e) {
                return 0; // gone: nothing more to wait for
            }
        });
    }

    /** Stops bpftrace as a user would (SIGINT: it prints its maps and exits), or kills it after 30 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            Command.run(List.of("kill", "-INT", Long.toString(process.pid())), 10);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** How bpftrace ended, for error messages: its exit status and what it said on stderr. */
    String exitDescription() throws IOException {
        String status = process.isAlive() ? "still running" : "exit status " + process.exitValue();
        String said = errors();
        return said.isEmpty() ? status : status + ": " + said;
    }

    /** Events bpftrace reported lost ("Lost N events" on stderr). */
    long lostEvents() throws IOException {
        long lost = 0;
        Matcher m = LOST.matcher(Files.readString(stderr, StandardCharsets.UTF_8));
        while (m.find()) {
            lost += Long.parseLong(m.group(1));
        }
        return lost;
    }

    /**
     * Has bpftrace print its maps now (SIGUSR1) and waits until the count() map {@code name} appears once more in
     * its output, at most 10 s: with {@link #mapCounts}, the counts between two points of a run.
     */
    void printMaps(String name) throws IOException, InterruptedException {
        int printed = mapCounts(name).size();
        Command.run(List.of("kill", "-USR1", Long.toString(process.pid())), 10);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (mapCounts(name).size() <= printed) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("bpftrace did not print its maps on SIGUSR1 (" + exitDescription() + ")");
            }
            Thread.sleep(20);
        }
    }

    /** Every value the count() map {@code name} (as in {@code @calls = count()}) was printed with, in order. */
    List<Long> mapCounts(String name) throws IOException {
        return mapCounts(Files.readString(stdout, StandardCharsets.UTF_8), name);
    }

    /** The values of count() map {@code name} in bpftrace's output, in the order printed. */
    static List<Long> mapCounts(String output, String name) {
        List<Long> values = new ArrayList<>();
        Matcher m = MAP_COUNT.matcher(output);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                values.add(Long.parseLong(m.group(2)));
            }
        }
        return values;
    }

    private String errors() throws IOException {
        // bpftrace warns about RLIMIT_MEMLOCK on every start here; it is harmless (maps are charged to the cgroup)
        return String.join(" / ", Files.readAllLines(stderr).stream().filter(l -> !l.contains("RLIMIT_MEMLOCK")).toList());
    }
}
