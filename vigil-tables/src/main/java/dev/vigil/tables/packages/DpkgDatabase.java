package dev.vigil.tables.packages;

import dev.vigil.sql.text.RawText;
import dev.vigil.tables.system.TextFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The package database of one dpkg admin directory (dpkg(1) --admindir, /var/lib/dpkg by default): the status
 * file, then the pending journal entries of {@code updates/} in numeric order, which dpkg folds into status on
 * its next run and which replace the stanza of the same package and architecture, as dpkg-query reads them.
 */
public final class DpkgDatabase {

    private DpkgDatabase() {
    }

    /**
     * Every package stanza of the database, with only the named fields (lower case; null for all); throws if
     * {@code admindir/status} cannot be read.
     */
    public static List<DebPackage> read(Path admindir, Set<String> fields) throws IOException {
        Map<String, DebPackage> byKey = new LinkedHashMap<>();
        String status = RawText.decode(Files.readAllBytes(admindir.resolve("status")));
        for (DebPackage p : DpkgStatusFile.parse(status, fields)) {
            byKey.put(key(p), p);
        }
        for (Path update : journal(admindir.resolve("updates"))) {
            for (DebPackage p : DpkgStatusFile.parse(TextFiles.readIfExists(update).orElse(""), fields)) {
                byKey.put(key(p), p);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String key(DebPackage p) {
        return p.name() + ":" + p.architecture();
    }

    private static List<Path> journal(Path updates) throws IOException {
        if (!Files.isDirectory(updates)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(updates)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{1,18}"))
                    .sorted((a, b) -> Long.compare(Long.parseLong(a.getFileName().toString()),
                            Long.parseLong(b.getFileName().toString())))
                    .toList();
        }
    }
}
