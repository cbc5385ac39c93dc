package dev.vigil.tables.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LikePathPatternTest {
    @TempDir
    Path root;
    String r;

    @BeforeEach
    void tree() throws IOException {
        Files.writeString(root.resolve("a.txt"), "a");
        Files.writeString(root.resolve("b.conf"), "b");
        Files.writeString(root.resolve("a_b"), "ab");
        Files.writeString(root.resolve(".hidden"), "h");
        Files.createDirectories(root.resolve("sub/.dot"));
        Files.writeString(root.resolve("sub/c.txt"), "c");
        Files.writeString(root.resolve("sub/.dot/d.txt"), "d");
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.writeString(root.resolve("sub/deeper/e.conf"), "e");
        r = root.toString();
    }

    @Test
    void percentListsOneLevelWithoutDotNames() {
        assertThat(LikePathPattern.expand(r + "/%", LikePathPattern.Keep.ALL))
                .containsExactly(r + "/a.txt", r + "/a_b", r + "/b.conf", r + "/sub");
    }

    @Test
    void percentInsideAComponent() {
        assertThat(LikePathPattern.expand(r + "/%.conf", LikePathPattern.Keep.ALL)).containsExactly(r + "/b.conf");
        assertThat(LikePathPattern.expand(r + "/a%", LikePathPattern.Keep.ALL))
                .containsExactly(r + "/a.txt", r + "/a_b");
        assertThat(LikePathPattern.expand(r + "/%/c.txt", LikePathPattern.Keep.ALL))
                .containsExactly(r + "/sub/c.txt");
    }

    @Test
    void leadingDotMatchesDotNames() {
        assertThat(LikePathPattern.expand(r + "/.%", LikePathPattern.Keep.ALL)).containsExactly(r + "/.hidden");
    }

    @Test
    void underscoreIsLiteral() {
        assertThat(LikePathPattern.expand(r + "/a_%", LikePathPattern.Keep.ALL)).containsExactly(r + "/a_b");
    }

    @Test
    void doublePercentRecurses() {
        assertThat(LikePathPattern.expand(r + "/%%", LikePathPattern.Keep.ALL)).containsExactly(
                r + "/a.txt", r + "/a_b", r + "/b.conf", r + "/sub", r + "/sub/c.txt", r + "/sub/deeper",
                r + "/sub/deeper/e.conf");
        assertThat(LikePathPattern.expand(r + "/sub/%%/", LikePathPattern.Keep.ALL))
                .containsExactly(r + "/sub/c.txt", r + "/sub/deeper", r + "/sub/deeper/e.conf");
    }

    @Test
    void directoriesOnly() {
        assertThat(LikePathPattern.expand(r + "/%", LikePathPattern.Keep.DIRECTORIES)).containsExactly(r + "/sub");
        assertThat(LikePathPattern.expand(r + "/%%", LikePathPattern.Keep.DIRECTORIES))
                .containsExactly(r + "/sub", r + "/sub/deeper");
    }

    @Test
    void noMatchOrRelativeGivesNothing() {
        assertThat(LikePathPattern.expand(r + "/missing/%", LikePathPattern.Keep.ALL)).isEmpty();
        assertThat(LikePathPattern.expand(r + "/a.txt/%", LikePathPattern.Keep.ALL)).isEmpty();
        assertThat(LikePathPattern.expand("relative/%", LikePathPattern.Keep.ALL)).isEmpty();
    }

    @Test
    void componentMatcherQuotesRegexCharacters() {
        assertThat(LikePathPattern.componentMatcher("a.%").matcher("a.b").matches()).isTrue();
        assertThat(LikePathPattern.componentMatcher("a.%").matcher("axb").matches()).isFalse();
        assertThat(LikePathPattern.componentMatcher("[x]%").matcher("[x]1").matches()).isTrue();
    }

    @Test
    void globSyntax() {
        assertThat(LikePathPattern.expand(r + "/*.conf", LikePathPattern.Syntax.GLOB, LikePathPattern.Keep.ALL))
                .containsExactly(r + "/b.conf");
        assertThat(LikePathPattern.expand(r + "/a?b", LikePathPattern.Syntax.GLOB, LikePathPattern.Keep.ALL))
                .containsExactly(r + "/a_b");
        assertThat(LikePathPattern.expand(r + "/[ab]*", LikePathPattern.Syntax.GLOB, LikePathPattern.Keep.ALL))
                .containsExactly(r + "/a.txt", r + "/a_b", r + "/b.conf");
        assertThat(LikePathPattern.expand(r + "/[^a]*", LikePathPattern.Syntax.GLOB, LikePathPattern.Keep.ALL))
                .containsExactly(r + "/b.conf", r + "/sub");
        assertThat(LikePathPattern.expand(r + "/sub/**", LikePathPattern.Syntax.GLOB, LikePathPattern.Keep.ALL))
                .containsExactly(r + "/sub/c.txt", r + "/sub/deeper", r + "/sub/deeper/e.conf");
        assertThat(LikePathPattern.expand(r + "/%", LikePathPattern.Syntax.GLOB, LikePathPattern.Keep.ALL))
                .as("%% is literal in GLOB").isEmpty();
    }
}
