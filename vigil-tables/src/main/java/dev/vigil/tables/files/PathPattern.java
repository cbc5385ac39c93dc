package dev.vigil.tables.files;

import dev.vigil.os.DirectoryEntry;
import dev.vigil.os.FileStat;
import dev.vigil.os.HostFiles;
import dev.vigil.os.OsException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Expands a path pattern into the existing paths it names exactly as osquery's resolveFilePattern does for the
 * {@code file} and {@code hash} tables (osquery/filesystem/filesystem.cpp: replaceGlobWildcards, genGlobs,
 * dfsTraverseDirectories; 5.21 and later), on file names as raw bytes:
 * <ol>
 *   <li>In a LIKE pattern each {@code %} becomes glob(3)'s {@code *}; nothing else changes, so {@code _} stays a
 *       literal here (SQLite's re-check of the LIKE still treats it as any one character) and {@code * ? [ ] \}
 *       keep their glob meaning. A GLOB pattern is used as it is.</li>
 *   <li>A relative pattern longer than three bytes whose first byte is not {@code ~} and whose second is not
 *       {@code :} and third not {@code /} is prefixed with the working directory (not canonicalised); shorter
 *       relative patterns are matched against the working directory and give relative paths.</li>
 *   <li>The pattern is expanded as glob(3) with GLOB_MARK and without GLOB_PERIOD: a wildcard does not match a
 *       name's leading dot (a pattern component that starts with a dot matches dot names, {@code .} and {@code ..}
 *       included), and every match that is a directory (symbolic links followed) gets a trailing slash.</li>
 *   <li>A pattern ending in {@code **} ({@code %%}) recurses: its matches (with one {@code *} less) and, below
 *       each that is a directory, every entry at any depth down to 64 levels, hidden ones included, symbolic links
 *       to directories followed, each directory listed once (by device and inode, so links cannot loop).
 *       Directories below get a trailing slash too.</li>
 *   <li>Results come in the byte order of their paths, without duplicates.</li>
 * </ol>
 * Only directories are ever opened (HostFiles.list: O_DIRECTORY), so FIFOs, sockets and device nodes on the way are
 * never opened. A directory that cannot be listed (permission, a vanished directory) is skipped and reported to
 * the notes; the expansion goes on. Brace expansion ({a,b}) is not done: SQLite's re-check of the original LIKE
 * would drop its results anyway. Stateless apart from the walk in progress; one instance per expansion.
 */
final class PathPattern {
    /** How deep a trailing %% goes below each match: osquery's kMaxRecursiveGlobs. */
    static final int MAX_DEPTH = 64;

    /** The pattern language of the constraint. */
    enum Syntax { LIKE, GLOB }

    /** Which matches to keep: everything, or only directories (GLOB_FOLDERS, for the directory column). */
    enum Keep { ALL, DIRECTORIES }

    /** Lists a directory; the seam through which tests make one fail. */
    @FunctionalInterface
    interface Lister {
        List<DirectoryEntry> list(byte[] directory) throws OsException;
    }

    private static final Lister HOST = directory -> HostFiles.list(directory, true);

    private final Lister lister;
    private final Consumer<String> notes;
    private final Runnable checkCancelled;

    /**
     * @param notes          receives what could not be listed
     * @param checkCancelled throws if the statement was stopped; called for every directory listed
     */
    PathPattern(Lister lister, Consumer<String> notes, Runnable checkCancelled) {
        this.lister = lister;
        this.notes = notes;
        this.checkCancelled = checkCancelled;
    }

    PathPattern(Consumer<String> notes, Runnable checkCancelled) {
        this(HOST, notes, checkCancelled);
    }

    /** True if the text has a wildcard of the syntax (for LIKE only {@code %} counts, as in osquery). */
    static boolean hasWildcard(byte[] pattern, Syntax syntax) {
        for (byte b : pattern) {
            if (syntax == Syntax.LIKE ? b == '%' : b == '*' || b == '?' || b == '[') {
                return true;
            }
        }
        return false;
    }

    /**
     * The existing paths the pattern names, in byte order.
     *
     * @param workingDirectory the directory relative patterns are taken from, without a trailing slash
     */
    List<byte[]> expand(byte[] pattern, Syntax syntax, Keep keep, byte[] workingDirectory) {
        byte[] glob = syntax == Syntax.LIKE ? replace(pattern, (byte) '%', (byte) '*') : pattern;
        glob = relativeToWorkingDirectory(glob, workingDirectory);
        boolean recursive = glob.length >= 2 && glob[glob.length - 1] == '*' && glob[glob.length - 2] == '*';
        if (recursive) {
            glob = Arrays.copyOf(glob, glob.length - 1);
        }
        TreeSet<byte[]> out = new TreeSet<>(Arrays::compareUnsigned);
        Set<DirectoryKey> visited = new HashSet<>();
        for (byte[] match : glob(glob)) {
            out.add(match);
            if (recursive && endsWithSlash(match)) {
                walk(match, 0, visited, out);
            }
        }
        List<byte[]> kept = new ArrayList<>(out.size());
        for (byte[] path : out) {
            if (keep == Keep.ALL || endsWithSlash(path)) {
                kept.add(path);
            }
        }
        return kept;
    }

    /** osquery's rule for relative patterns (replaceGlobWildcards), on the pattern after % became *. */
    static byte[] relativeToWorkingDirectory(byte[] p, byte[] cwd) {
        boolean prefix = p.length > 3 && p[0] != '/' && p[0] != '\\' && p[1] != ':' && p[2] != '\\' && p[2] != '/'
                && p[0] != '~';
        if (!prefix) {
            return p;
        }
        return HostFiles.child(cwd, p);
    }

    /** glob(3) with GLOB_MARK, without GLOB_PERIOD: the existing paths, directories with a trailing slash. */
    private List<byte[]> glob(byte[] pattern) {
        List<byte[]> components = split(pattern);
        boolean trailingSlash = endsWithSlash(pattern);
        List<byte[]> current = new ArrayList<>();
        current.add(pattern.length > 0 && pattern[0] == '/' ? new byte[]{'/'} : new byte[0]);
        for (byte[] component : components) {
            List<byte[]> next = new ArrayList<>();
            if (!Glob.hasMeta(component)) {
                byte[] literal = Glob.unescape(component);
                for (byte[] dir : current) {
                    next.add(join(dir, literal));
                }
            } else {
                for (byte[] dir : current) {
                    for (byte[] name : matchingNames(dir, component)) {
                        next.add(join(dir, name));
                    }
                }
            }
            current = next;
        }
        List<byte[]> out = new ArrayList<>();
        for (byte[] candidate : current) {
            if (candidate.length == 0) {
                continue;
            }
            FileStat link = lstat(candidate);
            if (link == null) {
                continue; // glob(3) returns only names that exist
            }
            boolean directory = isDirectory(candidate, link);
            if (trailingSlash && !directory) {
                continue;
            }
            out.add(directory && !endsWithSlash(candidate) ? append(candidate, (byte) '/') : candidate);
        }
        return out;
    }

    /** The names in a directory that a glob component matches, in byte order. */
    private List<byte[]> matchingNames(byte[] dir, byte[] component) {
        checkCancelled.run();
        List<DirectoryEntry> entries = list(dir.length == 0 ? new byte[]{'.'} : dir);
        TreeSet<byte[]> names = new TreeSet<>(Arrays::compareUnsigned);
        boolean dotPattern = component[0] == '.';
        if (dotPattern && entries != null) {
            for (String special : List.of(".", "..")) { // readdir(3) gives them, and glob(3) matches them
                byte[] name = special.getBytes(StandardCharsets.US_ASCII);
                if (Glob.matches(component, name)) {
                    names.add(name);
                }
            }
        }
        if (entries != null) {
            for (DirectoryEntry e : entries) {
                byte[] name = e.name();
                if ((dotPattern || !e.hidden()) && Glob.matches(component, name)) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** dfsTraverseDirectories: every entry below a directory, depth first, each directory once. */
    private void walk(byte[] directory, int depth, Set<DirectoryKey> visited, TreeSet<byte[]> out) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        FileStat status = stat(directory);
        if (status == null || !visited.add(new DirectoryKey(status.device(), status.inode()))) {
            return;
        }
        checkCancelled.run();
        List<DirectoryEntry> entries = list(directory);
        if (entries == null) {
            return;
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.name(), b.name()));
        for (DirectoryEntry e : entries) {
            byte[] path = join(directory, e.name());
            boolean isDirectory = switch (e.type()) {
                case DirectoryEntry.DT_DIR -> true;
                case DirectoryEntry.DT_LNK, DirectoryEntry.DT_UNKNOWN -> {
                    FileStat target = stat(path);
                    yield target != null && target.isDirectory();
                }
                default -> false;
            };
            if (isDirectory) {
                path = append(path, (byte) '/');
            }
            out.add(path);
            if (isDirectory) {
                walk(path, depth + 1, visited, out);
            }
        }
    }

    private record DirectoryKey(long device, long inode) {
    }

    private List<DirectoryEntry> list(byte[] dir) {
        try {
            return lister.list(dir);
        } catch (OsException e) {
            if (!e.notFound()) {
                notes.accept(e.getMessage() + " (skipped)");
            }
            return null;
        }
    }

    private static FileStat lstat(byte[] path) {
        try {
            return HostFiles.lstat(path);
        } catch (OsException e) {
            return null;
        }
    }

    private static FileStat stat(byte[] path) {
        try {
            return HostFiles.stat(path);
        } catch (OsException e) {
            return null;
        }
    }

    /** GLOB_MARK's test: a directory, or a symbolic link to one. */
    private static boolean isDirectory(byte[] path, FileStat link) {
        if (link.isDirectory()) {
            return true;
        }
        if (!link.isSymbolicLink()) {
            return false;
        }
        FileStat target = stat(path);
        return target != null && target.isDirectory();
    }

    /** The non-empty components of a pattern split at slashes. */
    private static List<byte[]> split(byte[] pattern) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= pattern.length; i++) {
            if (i == pattern.length || pattern[i] == '/') {
                if (i > start) {
                    out.add(Arrays.copyOfRange(pattern, start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** A directory and a name joined by one slash; a name alone in the working directory. */
    private static byte[] join(byte[] dir, byte[] name) {
        return dir.length == 0 ? name : HostFiles.child(dir, name);
    }

    static boolean endsWithSlash(byte[] path) {
        return path.length > 0 && path[path.length - 1] == '/';
    }

    private static byte[] append(byte[] path, byte b) {
        byte[] out = Arrays.copyOf(path, path.length + 1);
        out[path.length] = b;
        return out;
    }

    private static byte[] replace(byte[] text, byte from, byte to) {
        byte[] out = text.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == from) {
                out[i] = to;
            }
        }
        return out;
    }
}
