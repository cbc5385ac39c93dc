package dev.vigil.tables;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fixture files and directories under src/test/resources, to copy into a {@code FakeHost}. */
public final class FixtureFiles {

    private FixtureFiles() {
    }

    /** The fixture at {@code src/test/resources/<name>}, such as "system/proc". */
    public static Path path(String name) {
        URL url = FixtureFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + name + " at " + url, e);
        }
    }
}
