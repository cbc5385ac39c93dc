package dev.vigil.tables.files;

import dev.vigil.os.HostFiles;
import dev.vigil.sql.text.RawText;

/**
 * One file a query asks the {@code file} or {@code hash} table about: its raw name, and the values its row shows
 * for the path, directory and filename columns, as osquery (boost::filesystem v3) derives them. A path asked for
 * is shown exactly as the query spelled it (no normalisation), so SQLite's re-check of {@code path = '/etc//passwd'}
 * accepts the row; an entry found by listing a directory shows that directory as the query gave it.
 *
 * @param name      the raw name the file system is asked with
 * @param path      the path column
 * @param directory the directory column: the parent of an asked-for path, or the asked-for directory itself
 * @param filename  the filename column
 */
public record FileTarget(byte[] name, String path, String directory, String filename) {

    /** A target for a path asked for (=, IN) or matched by a pattern; its directory is boost's parent_path. */
    public static FileTarget ofPath(byte[] name) {
        String path = RawText.decode(name);
        return new FileTarget(name, path, parentOf(path), filenameOf(path));
    }

    /** A target for an entry found by listing a directory the query named (the directory column, verbatim). */
    public static FileTarget inDirectory(byte[] directoryName, String directory, byte[] entry) {
        byte[] name = directoryName.length == 0 ? entry : HostFiles.child(directoryName, entry);
        return new FileTarget(name, RawText.decode(name), directory, RawText.decode(entry));
    }

    /**
     * boost's filename(): the last component; {@code "."} for a path ending in a slash (as osquery shows
     * {@code /etc/}), {@code "/"} for the root.
     */
    static String filenameOf(String path) {
        if (path.equals("/")) {
            return "/";
        }
        if (path.endsWith("/")) {
            return ".";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * boost's parent_path(): {@code /etc/passwd} → {@code /etc}, {@code /etc/} → {@code /etc}, {@code /etc//passwd} →
     * {@code /etc}, {@code /etc} → {@code /}, {@code /} → empty, a relative name without slash → empty.
     */
    static String parentOf(String path) {
        int end = path.length();
        if (end > 1 && path.endsWith("/")) {
            return trimTrailingSlashes(path);
        }
        int slash = path.lastIndexOf('/');
        if (slash < 0 || path.equals("/")) {
            return "";
        }
        if (slash == 0) {
            return "/";
        }
        String parent = trimTrailingSlashes(path.substring(0, slash));
        return parent.isEmpty() ? "/" : parent;
    }

    private static String trimTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileTarget t && java.util.Arrays.equals(name, t.name) && directory.equals(t.directory);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(name) * 31 + directory.hashCode();
    }
}
