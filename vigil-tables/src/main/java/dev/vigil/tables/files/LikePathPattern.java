package dev.vigil.tables.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Expands a SQL LIKE pattern on a path into the existing paths it names, the way osquery does (osquery docs,
 * "File paths": {@code %} matches all files and folders at one level, {@code %%} at every level below):
 * <ul>
 *   <li>{@code %} inside a path component stands for any characters within that component, like glob(3)'s
 *       {@code *}, and like glob(3) without GLOB_PERIOD it does not match a name's leading dot;</li>
 *   <li>a last component of {@code %%} stands for every entry below the directory, at any depth (entries whose
 *       names start with a dot, and directories reached through symbolic links, are not descended into);</li>
 *   <li>{@code _} and every other character stand for themselves.</li>
 * </ul>
 * Only absolute patterns are expanded. Results are in name order within each directory, without a trailing
 * slash. Unreadable directories are skipped silently: a pattern is a search, not a request for one file.
 * Stateless and thread-safe.
 */
public final class LikePathPattern {

    /**
     * The pattern language: SQL LIKE as osquery expands it, or SQLite's GLOB ({@code *}, {@code ?} and
     * {@code [...]} within a component; a last component of {@code **} recurses like LIKE's {@code %%}).
     */
    public enum Syntax {
        LIKE, GLOB;

        boolean isWildcard(String part) {
            return this == LIKE ? part.indexOf('%') >= 0
                    : part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0;
        }

        String recursive() {
            return this == LIKE ? "%%" : "**";
        }
    }

    /** Which matches to keep: every kind of file, or only directories (for the {@code directory} column). */
    public enum Keep { ALL, DIRECTORIES }

    /** How deep a trailing {@code %%} goes, as osquery's limit on recursive globs. */
    static final int MAX_DEPTH = 64;

    private LikePathPattern() {
    }

    /** True if the LIKE pattern has a wildcard this class expands. */
    public static boolean hasWildcard(String pattern) {
        return Syntax.LIKE.isWildcard(pattern);
    }

    /** The existing paths a LIKE pattern names; empty for a relative pattern or one that matches nothing. */
    public static List<String> expand(String pattern, Keep keep) {
        return expand(pattern, Syntax.LIKE, keep);
    }

    /** The existing paths the pattern names; empty for a relative pattern or one that matches nothing. */
    public static List<String> expand(String pattern, Syntax syntax, Keep keep) {
        if (!pattern.startsWith("/")) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        boolean recursive = !parts.isEmpty() && parts.getLast().equals(syntax.recursive());
        if (recursive) {
            parts.removeLast();
        }
        List<Path> current = List.of(Path.of("/"));
        for (String part : parts) {
            current = step(current, part, syntax);
        }
        List<String> out = new ArrayList<>();
        for (Path base : current) {
            if (recursive) {
                descendants(base, out, keep);
            } else if (Files.exists(base, LinkOption.NOFOLLOW_LINKS) && kept(base, keep)) {
                out.add(base.toString());
            }
        }
        return out;
    }

    private static List<Path> step(List<Path> current, String part, Syntax syntax) {
        List<Path> next = new ArrayList<>();
        if (!syntax.isWildcard(part)) {
            for (Path dir : current) {
                next.add(dir.resolve(part));
            }
            return next;
        }
        Pattern matcher = syntax == Syntax.LIKE ? componentMatcher(part) : globComponentMatcher(part);
        boolean matchesDotNames = part.startsWith(".");
        for (Path dir : current) {
            TreeSet<String> names = new TreeSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if ((matchesDotNames || !name.startsWith(".")) && matcher.matcher(name).matches()) {
                        names.add(name);
                    }
                }
            } catch (IOException | SecurityException e) {
                continue;
            }
            for (String name : names) {
                next.add(dir.resolve(name));
            }
        }
        return next;
    }

    /** A regex for one component: each run of {@code %} is "any characters but a slash", the rest is literal. */
    static Pattern componentMatcher(String part) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) == '%') {
                if (i > literalStart) {
                    regex.append(Pattern.quote(part.substring(literalStart, i)));
                }
                while (i + 1 < part.length() && part.charAt(i + 1) == '%') {
                    i++;
                }
                regex.append("[^/]*");
                literalStart = i + 1;
            }
        }
        if (literalStart < part.length()) {
            regex.append(Pattern.quote(part.substring(literalStart)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * A regex for one GLOB component (sqlite3 GLOB, like glob(7)): {@code *} any characters, {@code ?} one,
     * {@code [...]} a class ({@code ^} negates); an unclosed {@code [} is literal.
     */
    static Pattern globComponentMatcher(String part) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            int close = c == '[' ? part.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (close > 0) {
                String body = part.substring(i + 1, close);
                boolean negated = body.startsWith("^");
                regex.append(negated ? "[^" : "[");
                for (char b : (negated ? body.substring(1) : body).toCharArray()) {
                    // a backslash before any non-letter is a literal in a Java regex class
                    regex.append(b == '-' || Character.isLetterOrDigit(b) ? String.valueOf(b) : "\\" + b);
                }
                regex.append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void descendants(Path base, List<String> out, Keep keep) {
        if (!Files.isDirectory(base)) {
            return;
        }
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(base, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(base)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (hidden(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            found.add(dir.toString());
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!hidden(file) && (keep == Keep.ALL || Files.isDirectory(file))) {
                                found.add(file.toString());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // walkFileTree reports per-entry failures to visitFileFailed; nothing else can fail here.
        }
        java.util.Collections.sort(found);
        out.addAll(found);
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean kept(Path path, Keep keep) {
        return keep == Keep.ALL || Files.isDirectory(path);
    }
}
