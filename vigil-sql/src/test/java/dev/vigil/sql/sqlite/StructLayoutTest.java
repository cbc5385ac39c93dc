package dev.vigil.sql.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the struct offsets the FFM code relies on against the installed sqlite3.h, by compiling and running a C
 * program that prints offsetof/sizeof. Needs gcc and libsqlite3-dev (installed by the test command).
 */
class StructLayoutTest {

    @Test
    void offsetsMatchTheInstalledHeader(@TempDir Path dir) throws Exception {
        Map<String, Long> c = compileAndRun(dir, """
                #include <stdio.h>
                #include <stddef.h>
                #include <sqlite3.h>
                #define P(name, value) printf("%s=%zu\\n", name, (size_t)(value))
                int main(void) {
                  P("index_info", sizeof(sqlite3_index_info));
                  P("nConstraint", offsetof(sqlite3_index_info, nConstraint));
                  P("aConstraint", offsetof(sqlite3_index_info, aConstraint));
                  P("nOrderBy", offsetof(sqlite3_index_info, nOrderBy));
                  P("aConstraintUsage", offsetof(sqlite3_index_info, aConstraintUsage));
                  P("idxNum", offsetof(sqlite3_index_info, idxNum));
                  P("idxStr", offsetof(sqlite3_index_info, idxStr));
                  P("needToFreeIdxStr", offsetof(sqlite3_index_info, needToFreeIdxStr));
                  P("estimatedCost", offsetof(sqlite3_index_info, estimatedCost));
                  P("estimatedRows", offsetof(sqlite3_index_info, estimatedRows));
                  P("colUsed", offsetof(sqlite3_index_info, colUsed));
                  P("constraint", sizeof(struct sqlite3_index_constraint));
                  P("constraint.iColumn", offsetof(struct sqlite3_index_constraint, iColumn));
                  P("constraint.op", offsetof(struct sqlite3_index_constraint, op));
                  P("constraint.usable", offsetof(struct sqlite3_index_constraint, usable));
                  P("usage", sizeof(struct sqlite3_index_constraint_usage));
                  P("usage.argvIndex", offsetof(struct sqlite3_index_constraint_usage, argvIndex));
                  P("usage.omit", offsetof(struct sqlite3_index_constraint_usage, omit));
                  P("vtab", sizeof(sqlite3_vtab));
                  P("vtab.zErrMsg", offsetof(sqlite3_vtab, zErrMsg));
                  P("cursor", sizeof(sqlite3_vtab_cursor));
                  P("module.xConnect", offsetof(sqlite3_module, xConnect));
                  P("module.xRowid", offsetof(sqlite3_module, xRowid));
                  P("module.v1end", offsetof(sqlite3_module, xSavepoint));
                  return 0;
                }
                """);
        assertThat(c.get("index_info")).isEqualTo(IndexInfo.SIZE);
        assertThat(c.get("nConstraint")).isEqualTo(IndexInfo.N_CONSTRAINT);
        assertThat(c.get("aConstraint")).isEqualTo(IndexInfo.A_CONSTRAINT);
        assertThat(c.get("nOrderBy")).isEqualTo(IndexInfo.N_ORDER_BY);
        assertThat(c.get("aConstraintUsage")).isEqualTo(IndexInfo.A_CONSTRAINT_USAGE);
        assertThat(c.get("idxNum")).isEqualTo(IndexInfo.IDX_NUM);
        assertThat(c.get("idxStr")).isEqualTo(IndexInfo.IDX_STR);
        assertThat(c.get("needToFreeIdxStr")).isEqualTo(IndexInfo.NEED_TO_FREE_IDX_STR);
        assertThat(c.get("estimatedCost")).isEqualTo(IndexInfo.ESTIMATED_COST);
        assertThat(c.get("estimatedRows")).isEqualTo(IndexInfo.ESTIMATED_ROWS);
        assertThat(c.get("colUsed")).isEqualTo(IndexInfo.COL_USED);
        assertThat(c.get("constraint")).isEqualTo(IndexInfo.CONSTRAINT_SIZE);
        assertThat(c.get("constraint.iColumn")).isEqualTo(IndexInfo.CONSTRAINT_COLUMN);
        assertThat(c.get("constraint.op")).isEqualTo(IndexInfo.CONSTRAINT_OP);
        assertThat(c.get("constraint.usable")).isEqualTo(IndexInfo.CONSTRAINT_USABLE);
        assertThat(c.get("usage")).isEqualTo(IndexInfo.USAGE_SIZE);
        assertThat(c.get("usage.argvIndex")).isEqualTo(IndexInfo.USAGE_ARGV_INDEX);
        assertThat(c.get("usage.omit")).isEqualTo(IndexInfo.USAGE_OMIT);
        // our vtab and cursor structs extend SQLite's with one 8-byte handle
        assertThat(c.get("vtab")).isEqualTo(VirtualTableModule.VTAB_BINDING);
        assertThat(c.get("vtab.zErrMsg")).isEqualTo(VirtualTableModule.VTAB_ERRMSG);
        assertThat(c.get("cursor")).isEqualTo(VirtualTableModule.CURSOR_HANDLE);
        assertThat(c.get("module.xConnect")).isEqualTo(16L);
        assertThat(c.get("module.xRowid")).isEqualTo(8L + 8 * 11);
        assertThat(c.get("module.v1end")).isEqualTo(VirtualTableModule.MODULE_SIZE);
    }

    private static Map<String, Long> compileAndRun(Path dir, String source) throws IOException, InterruptedException {
        Path c = dir.resolve("layout.c");
        Path exe = dir.resolve("layout");
        Files.writeString(c, source);
        Process gcc = new ProcessBuilder("gcc", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
        String gccOut = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as("gcc: " + gccOut + " (needs gcc and libsqlite3-dev)").isZero();
        Process run = new ProcessBuilder(exe.toString()).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).isZero();
        Map<String, Long> values = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.split("=");
            values.put(kv[0], Long.parseLong(kv[1].trim()));
        }
        return values;
    }
}
