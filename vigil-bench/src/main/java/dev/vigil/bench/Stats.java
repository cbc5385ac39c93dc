package dev.vigil.bench;

import java.util.Arrays;

/** Medians of repeated timings; benchmarks report medians because these machines are noisy. */
final class Stats {
    private Stats() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    interface Timed {
        void run() throws Exception;
    }

    /** Runs warmups, then measures; returns the median in milliseconds. */
    static double medianMillis(int warmups, int runs, Timed body) throws Exception {
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return median(ms);
    }
}
