package dev.vigil.tables.files;

import dev.vigil.os.OsException;
import dev.vigil.os.RegularFile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** Computes several digests of a file in one streaming pass; memory use does not depend on the file's size. */
public final class FileDigests {

    /** The digests of osquery's hash table, with their JCA names (always present in the JDK). */
    public enum Algorithm {
        MD5("MD5"), SHA1("SHA-1"), SHA256("SHA-256");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }

        MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + jcaName, e);
            }
        }
    }

    private static final int BUFFER_SIZE = 64 * 1024;

    private FileDigests() {
    }

    /**
     * The lower-case hex digests of the file's content for the wanted algorithms; empty without reading the file
     * when none is wanted. Checks for cancellation every chunk: hashing a large file stops on Ctrl-C.
     */
    public static Map<Algorithm, String> of(RegularFile file, Set<Algorithm> wanted, Runnable checkCancelled)
            throws OsException {
        Map<Algorithm, MessageDigest> digests = new EnumMap<>(Algorithm.class);
        for (Algorithm a : wanted) {
            digests.put(a, a.newDigest());
        }
        Map<Algorithm, String> out = new EnumMap<>(Algorithm.class);
        if (digests.isEmpty()) {
            return out;
        }
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = file.read(buffer, 0, buffer.length)) > 0; ) {
            checkCancelled.run();
            for (MessageDigest d : digests.values()) {
                d.update(buffer, 0, n);
            }
        }
        digests.forEach((a, d) -> out.put(a, HexFormat.of().formatHex(d.digest())));
        return out;
    }
}
