package dev.vigil.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Medians of repeated timings; benchmarks report medians because these machines are noisy. */
final class Stats {
    private Stats() {
    }

    /** The values as "1.23, 4.56, ..." with two decimals, for printing every round. */
    static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(String.format(java.util.Locale.ROOT, "%.2f", v));
        }
        return sb.toString();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * How much a ratio of medians (median(a) / median(b), over paired rounds) moves with the rounds drawn: the
     * central share of the ratios of resamples (rounds drawn with replacement, pairs kept together), seeded so a
     * report is reproducible. Rounds where either value is NaN are left out. Returns {low, high}; NaNs without data.
     */
    static double[] bootstrapRatioOfMedians(List<Double> a, List<Double> b, int resamples, double share) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!Double.isNaN(a.get(i)) && !Double.isNaN(b.get(i))) {
                pairs.add(new double[] {a.get(i), b.get(i)});
            }
        }
        if (pairs.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Random random = new Random(42);
        double[] ratios = new double[resamples];
        double[] x = new double[pairs.size()];
        double[] y = new double[pairs.size()];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < pairs.size(); i++) {
                double[] pair = pairs.get(random.nextInt(pairs.size()));
                x[i] = pair[0];
                y[i] = pair[1];
            }
            ratios[r] = median(x) / median(y);
        }
        Arrays.sort(ratios);
        int cut = (int) Math.floor(resamples * (1 - share) / 2);
        return new double[] {ratios[cut], ratios[resamples - 1 - cut]};
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
