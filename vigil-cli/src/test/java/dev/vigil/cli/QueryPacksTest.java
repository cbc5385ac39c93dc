package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.host.HostEngine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.sql.spi.HostPaths;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * osquery's published packs run unchanged: every query of the ossec-rootkit pack (60 checks for rootkit files, most
 * of which do not exist on a clean host) succeeds with no warning, and the whole pack through vigil query exits 0
 * with nothing on stderr, as osqueryi does.
 */
class QueryPacksTest {

    private static Map<String, String> pack(String name) throws Exception {
        try (InputStream in = dev.vigil.testkit.OsquerySchema.class.getResourceAsStream("packs/" + name)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, String> queries = new LinkedHashMap<>();
            root.get("queries").properties().forEach(e -> queries.put(e.getKey(), e.getValue().get("query").asText()));
            return queries;
        }
    }

    @Test
    void everyOssecRootkitQuerySucceedsWithoutAWarning() throws Exception {
        Map<String, String> queries = pack("ossec-rootkit.conf");
        assertThat(queries).hasSize(60);
        List<String> problems = new ArrayList<>();
        try (HostEngine host = HostEngine.idle(HostPaths.live()); Session session = host.engine().openSession()) {
            for (var q : queries.entrySet()) {
                try {
                    QueryResult r = session.query(q.getValue());
                    if (!r.warnings().isEmpty()) {
                        problems.add(q.getKey() + ": " + r.warnings());
                    }
                } catch (Exception e) {
                    problems.add(q.getKey() + ": " + e.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theWholePackThroughVigilQueryExitsZero() throws Exception {
        String all = String.join("\n", pack("ossec-rootkit.conf").values());
        CommandLineTest.Run r = CommandLineTest.vigil(all, "query", "--json");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }
}
