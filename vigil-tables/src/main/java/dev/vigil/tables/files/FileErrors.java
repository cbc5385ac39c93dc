package dev.vigil.tables.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Words a user reads when a file cannot be read, in the style of strerror(3): "/x: no such file or directory". */
final class FileErrors {

    private FileErrors() {
    }

    static String describe(String path, Exception e) {
        String reason = switch (e) {
            case NoSuchFileException n -> "no such file or directory";
            case AccessDeniedException a -> "permission denied";
            case NotDirectoryException n -> "not a directory";
            case FileSystemLoopException l -> "too many levels of symbolic links";
            case InvalidPathException i -> "invalid path (" + i.getReason() + ")";
            case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(Locale.ROOT);
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return path + ": " + reason;
    }
}
