package dev.vigil.tables.files;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the constraints of a {@code file} or {@code hash} scan into the files to read, as osquery does:
 * {@code path = / IN} names files, {@code path LIKE} (or GLOB) expands to the files it matches,
 * {@code directory = / IN} lists a directory's entries (dot files included), {@code directory LIKE} (or GLOB)
 * lists every directory it matches. See {@link LikePathPattern} for how patterns expand.
 * A directory that cannot be listed is reported through {@link QueryContext#warn}; the scan goes on.
 */
public final class FileTargets {

    private FileTargets() {
    }

    /** The targets in query order, without duplicates. */
    public static List<FileTarget> resolve(QueryContext ctx, Column pathColumn, Column directoryColumn) {
        Set<FileTarget> out = new LinkedHashSet<>();
        for (String path : ctx.equalsText(pathColumn)) {
            out.add(FileTarget.ofPath(path));
        }
        for (Constraint c : patterns(ctx, pathColumn)) {
            for (String path : expand(ctx, c, LikePathPattern.Keep.ALL)) {
                out.add(FileTarget.ofPath(path));
            }
        }
        Set<String> directories = new LinkedHashSet<>(ctx.equalsText(directoryColumn));
        for (Constraint c : patterns(ctx, directoryColumn)) {
            directories.addAll(expand(ctx, c, LikePathPattern.Keep.DIRECTORIES));
        }
        for (String directory : directories) {
            list(ctx, directory, out);
        }
        return new ArrayList<>(out);
    }

    /** The LIKE and GLOB constraints on the column. */
    private static List<Constraint> patterns(QueryContext ctx, Column column) {
        List<Constraint> out = new ArrayList<>();
        for (Constraint c : ctx.constraints(column)) {
            if ((c.op() == Constraint.Op.LIKE || c.op() == Constraint.Op.GLOB) && c.value() != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<String> expand(QueryContext ctx, Constraint c, LikePathPattern.Keep keep) {
        String pattern = c.text();
        LikePathPattern.Syntax syntax = c.op() == Constraint.Op.GLOB
                ? LikePathPattern.Syntax.GLOB : LikePathPattern.Syntax.LIKE;
        if (!syntax.isWildcard(pattern)) {
            return List.of(pattern);
        }
        if (!pattern.startsWith("/")) {
            ctx.warn(pattern + ": " + c.op().sql() + " patterns on paths must be absolute");
            return List.of();
        }
        return LikePathPattern.expand(pattern, syntax, keep);
    }

    private static void list(QueryContext ctx, String directory, Set<FileTarget> out) {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(directory))) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (IOException | InvalidPathException e) {
            ctx.warn(FileErrors.describe(directory, e));
            return;
        }
        for (String name : names) {
            out.add(FileTarget.inDirectory(directory, name));
        }
    }
}
