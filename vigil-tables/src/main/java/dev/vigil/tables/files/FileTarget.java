package dev.vigil.tables.files;

/**
 * One file a query asks the {@code file} or {@code hash} table about, with the values its row shows for the two
 * required columns. Both are kept exactly as the query spelled them (no normalisation), so the engine's re-check
 * of {@code path = '/etc//passwd'} or {@code directory = '/etc/'} accepts the row.
 *
 * @param path      the file's path as the row shows it
 * @param directory the directory column: the parent of an asked-for path, or the asked-for directory itself
 */
public record FileTarget(String path, String directory) {

    /** A target for a path asked for directly; its directory is the path's parent, as boost's parent_path. */
    public static FileTarget ofPath(String path) {
        return new FileTarget(path, parentOf(path));
    }

    /** A target for an entry found by listing {@code directory}. */
    public static FileTarget inDirectory(String directory, String name) {
        return new FileTarget(directory.endsWith("/") ? directory + name : directory + "/" + name, directory);
    }

    /** The last component of the path ({@code "."} for a path ending in a slash, as osquery shows it). */
    public String filename() {
        if (path.equals("/")) {
            return "/";
        }
        if (path.endsWith("/")) {
            return ".";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The parent of a path: {@code /etc/passwd} → {@code /etc}, {@code /etc/} → {@code /etc}, {@code /etc} →
     * {@code /}, {@code /} → empty, a relative name without slash → empty.
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
}
