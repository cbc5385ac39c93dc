package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.sql.spi.SqlFunction;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FunctionRegistrationTest {

    private static List<SqlFunction> registered() {
        return ServiceLoader.load(SqlFunction.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.getClass().getPackageName().equals("dev.vigil.sql.functions"))
                .toList();
    }

    @Test
    void everyOsqueryFunctionIsRegisteredOncePerArity() {
        assertThat(registered()).map(f -> f.name() + "/" + f.arity()).containsExactlyInAnyOrder(
                "split/3", "concat/-1", "concat_ws/-1", "regex_match/3", "regex_split/3",
                "inet_aton/1", "in_cidr_block/2",
                "community_id_v1/5", "community_id_v1/6", "community_id_v1_strict/5", "community_id_v1_strict/6",
                "version_compare/-1",
                "md5/1", "sha1/1", "sha256/1",
                "to_base64/1", "from_base64/1", "conditional_to_base64/1",
                "sqrt/1", "log/1", "log10/1", "exp/1", "power/2", "pi/0", "ceil/1", "floor/1",
                "sin/1", "cos/1", "tan/1", "cot/1", "asin/1", "acos/1", "atan/1", "degrees/1", "radians/1");
    }

    @Test
    void namesAreLowerCaseAndDescriptionsShowTheSignature() {
        for (SqlFunction function : registered()) {
            assertThat(function.name()).matches("[a-z0-9_]+");
            assertThat(function.description()).as(function.name()).startsWith(function.name() + "(");
            assertThat(function.deterministic()).isTrue();
        }
    }
}
