package dev.vigil.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensorBenchmarkOptionsTest {

    @Test
    void defaultsToTheFullRunOfEveryPart() {
        assertThat(SensorBenchmark.Options.parse(List.of()))
                .isEqualTo(new SensorBenchmark.Options(20_000, 2, 5, 10_000, 30, List.of("storm", "gai", "memory")));
    }

    @Test
    void flagsSizeTheRunAndNamesPickParts() {
        assertThat(SensorBenchmark.Options.parse(List.of("--execs", "2000", "--storm-rounds", "1", "--calls", "20000",
                "--gai-rounds", "2", "--loops", "4", "gai")))
                .isEqualTo(new SensorBenchmark.Options(2000, 4, 1, 20000, 2, List.of("gai")));
        assertThatThrownBy(() -> SensorBenchmark.Options.parse(List.of("--fast")))
                .hasMessageContaining("unknown argument --fast");
    }
}
