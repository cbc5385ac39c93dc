package dev.vigil.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTest {

    @Test
    void bootstrapIntervalHoldsTheRatioAndWidensWithScatter() {
        List<Double> steady = List.of(400.0, 410.0, 390.0, 405.0, 395.0, 400.0, 402.0, 398.0);
        List<Double> base = List.of(200.0, 205.0, 195.0, 202.0, 198.0, 200.0, 201.0, 199.0);
        double[] tight = Stats.bootstrapRatioOfMedians(steady, base, 2000, 0.8);
        assertThat(tight[0]).isLessThanOrEqualTo(2.0).isGreaterThan(1.9);
        assertThat(tight[1]).isGreaterThanOrEqualTo(2.0).isLessThan(2.1);

        List<Double> scattered = List.of(100.0, 900.0, 300.0, 700.0, 200.0, 800.0, 400.0, 600.0);
        double[] wide = Stats.bootstrapRatioOfMedians(scattered, base, 2000, 0.8);
        assertThat(wide[1] - wide[0]).isGreaterThan(5 * (tight[1] - tight[0]));
    }

    @Test
    void roundsWithAFailedSideAreLeftOut() {
        double[] interval = Stats.bootstrapRatioOfMedians(List.of(4.0, Double.NaN, 4.0), List.of(2.0, 2.0, Double.NaN), 100, 0.8);
        assertThat(interval).containsExactly(2.0, 2.0);
        assertThat(Stats.bootstrapRatioOfMedians(List.of(Double.NaN), List.of(1.0), 100, 0.8)[0]).isNaN();
    }
}
