package dev.vigil.tables.files;

import dev.vigil.os.DirectoryEntry;
import dev.vigil.os.HostFiles;
import dev.vigil.os.OsException;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.text.RawText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files a {@code file} or {@code hash} scan reads, as osquery's getPathsFromConstraints and
 * getDirsFromConstraints choose them: {@code path = / IN} values as spelled (an empty one is dropped) and what
 * {@code path LIKE} (or GLOB) patterns expand to ({@link PathPattern}), together in byte order; then, for every
 * directory named by {@code directory = / IN} or matched by a {@code directory} pattern, in byte order, its entries
 * (dot files included, in byte order). Directory entries are listed only when their turn comes, so a scan holds one
 * directory's listing at a time. What cannot be found or listed is a note (osquery is silent about it).
 * Confined to the scan's thread.
 */
final class FileTargets implements Iterator<FileTarget> {
    /** The rules above as users read them on the file and hash tables' reference pages. */
    static final String RULES = """
            Files are chosen exactly as osquery chooses them (osquery 5.21+, `filesystem.cpp`), and read by their names'
            bytes, whatever the locale: a name that is not UTF-8 is found, shown and can be asked for exactly.

            - `path = '...'` (or `IN`) reads that path as spelled: no normalisation (`/etc//passwd` stays as it is),
              no row if it does not exist (`--verbose` says why), none for `''`, none for `'/etc/passwd/'` (a
              trailing slash on a file is ENOTDIR). `directory` is its parent (`/etc` for `/etc/` and `/etc//passwd`),
              `filename` its last component (`.` for a path ending in a slash).
            - `path LIKE '...'`: each `%` becomes glob(3)'s `*`; `_` stays literal for the expansion (SQLite's re-check
              still reads it as any one character), and `*`, `?`, `[...]` keep their glob meaning. A wildcard does not
              match a name's leading dot; a pattern part starting with a dot does (`.` and `..` included). A directory
              that matches comes back **with a trailing slash** (`/dev/cpu/`), its `directory` being the directory
              itself and its `filename` `.`; so `path LIKE '/dev/cpu'` finds no row, `'/dev/cpu/'` does.
            - A pattern ending in `%%` also lists everything below each match, down to 64 levels: hidden entries below
              the first level included, symbolic links to directories followed, each directory once (by device and
              inode), directories with a trailing slash. `%%` elsewhere is one `%`.
            - A relative pattern longer than three characters (not starting with `~`, third character not `/`) is taken
              from the working directory and gives absolute paths (which SQLite's re-check of the relative pattern then
              usually drops, as in osquery); shorter ones give relative paths.
            - `directory = '...'` (or `IN`) lists that directory's entries, dot files included; `directory` shows the
              value as spelled, `path` is directory + `/` + name. `directory LIKE` lists every directory the pattern
              matches (with its trailing slash).
            - Rows come in the byte order of their paths, then each listed directory's entries in byte order.
            - Only directories are ever opened to list them, and only regular files to hash them: FIFOs, sockets and
              device nodes are never opened. A directory that cannot be read is skipped (`--verbose` says so) and the
              walk goes on. Brace patterns (`{a,b}`) are not expanded: SQLite's re-check would drop their rows anyway.
            """;

    private final QueryContext ctx;
    private final Iterator<byte[]> paths;
    private final Iterator<java.util.Map.Entry<byte[], String>> directories;
    private final Deque<FileTarget> listing = new ArrayDeque<>();
    private FileTarget next;

    /**
     * @param directoryKeep which matches of a directory pattern to list: osquery's file table keeps only
     *                      directories (GLOB_FOLDERS), its hash table every match (GLOB_ALL; non-directories then
     *                      list as nothing)
     */
    FileTargets(QueryContext ctx, Column pathColumn, Column directoryColumn, PathPattern.Keep directoryKeep) {
        this.ctx = ctx;
        PathPattern patterns = new PathPattern(ctx::note, ctx::checkCancelled);
        byte[] cwd = workingDirectory();
        TreeSet<byte[]> pathSet = new TreeSet<>(Arrays::compareUnsigned);
        for (String p : ctx.equalsText(pathColumn)) {
            if (!p.isEmpty()) {
                pathSet.add(RawText.encode(p));
            }
        }
        for (Constraint c : patterns(ctx, pathColumn)) {
            pathSet.addAll(expand(patterns, c, PathPattern.Keep.ALL, cwd));
        }
        // a directory is listed under the name the query (or the pattern) gave it, which the rows repeat
        TreeMap<byte[], String> dirs = new TreeMap<>(Arrays::compareUnsigned);
        for (String d : ctx.equalsText(directoryColumn)) {
            if (!d.isEmpty()) {
                dirs.put(RawText.encode(d), d);
            }
        }
        for (Constraint c : patterns(ctx, directoryColumn)) {
            for (byte[] d : expand(patterns, c, directoryKeep, cwd)) {
                dirs.put(d, RawText.decode(d));
            }
        }
        this.paths = pathSet.iterator();
        this.directories = dirs.entrySet().iterator();
    }

    /** The LIKE and GLOB constraints on the column (empty patterns dropped, as osquery drops them). */
    private static List<Constraint> patterns(QueryContext ctx, Column column) {
        return ctx.constraints(column).stream()
                .filter(c -> (c.op() == Constraint.Op.LIKE || c.op() == Constraint.Op.GLOB) && c.value() != null
                        && !c.text().isEmpty())
                .toList();
    }

    private static List<byte[]> expand(PathPattern patterns, Constraint c, PathPattern.Keep keep, byte[] cwd) {
        PathPattern.Syntax syntax = c.op() == Constraint.Op.GLOB ? PathPattern.Syntax.GLOB : PathPattern.Syntax.LIKE;
        return patterns.expand(RawText.encode(c.text()), syntax, keep, cwd);
    }

    /** This process's working directory as raw bytes, for relative patterns. */
    private static byte[] workingDirectory() {
        try {
            return HostFiles.readLink("/proc/self/cwd".getBytes(StandardCharsets.US_ASCII));
        } catch (OsException e) {
            return System.getProperty("user.dir").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (paths.hasNext()) {
                next = FileTarget.ofPath(paths.next());
            } else if (!listing.isEmpty()) {
                next = listing.poll();
            } else if (directories.hasNext()) {
                list(directories.next());
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public FileTarget next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FileTarget t = next;
        next = null;
        return t;
    }

    private void list(java.util.Map.Entry<byte[], String> directory) {
        ctx.checkCancelled();
        List<DirectoryEntry> entries;
        try {
            entries = HostFiles.list(directory.getKey(), true);
        } catch (OsException e) {
            ctx.note(e.getMessage());
            return;
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.name(), b.name()));
        for (DirectoryEntry e : entries) {
            listing.add(FileTarget.inDirectory(directory.getKey(), directory.getValue(), e.name()));
        }
    }
}
