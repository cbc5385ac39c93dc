package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.Constraint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanPlanTest {
    @Test
    void roundTripsThroughIdxStr() {
        ScanPlan plan = new ScanPlan(List.of(new ScanPlan.Term(3, Constraint.Op.EQ, true),
                new ScanPlan.Term(0, Constraint.Op.LIKE, false)), 0x8000000000000005L);
        assertThat(ScanPlan.decode(plan.encode())).isEqualTo(plan);
        assertThat(plan.usedColumns(70).get(0)).isTrue();
        assertThat(plan.usedColumns(70).get(1)).isFalse();
        assertThat(plan.usedColumns(70).get(69)).isTrue(); // bit 63 stands for every column from 63 on
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> ScanPlan.decode("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }
}
