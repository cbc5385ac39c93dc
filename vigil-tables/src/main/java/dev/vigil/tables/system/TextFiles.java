package dev.vigil.tables.system;

import dev.vigil.sql.text.RawText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the small text files of /proc, /sys and /etc. Bytes that are not UTF-8 are replaced rather than
 * rejected, because such files may hold any bytes (a GECOS field in Latin-1, a module name).
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's text; empty if it does not exist (or vanished). Other I/O failures are thrown. */
    public static Optional<String> readIfExists(Path file) throws IOException {
        try {
            return Optional.of(RawText.decode(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The file's text, trimmed; empty if it cannot be read at all (missing, or not readable by this user). */
    public static Optional<String> readTrimmedQuietly(Path file) {
        try {
            return readIfExists(file).map(String::trim);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
