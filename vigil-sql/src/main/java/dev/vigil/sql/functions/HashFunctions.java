package dev.vigil.sql.functions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * osquery's md5, sha1 and sha256 (osquery/sql/sqlite_hashing.cpp): the lower-case hex digest of the argument's
 * text, that is its UTF-8 bytes (a BLOB's own bytes, a number's decimal text) up to the first NUL byte, as
 * osquery hashes the C string. NULL gives NULL.
 */
public final class HashFunctions {

    private HashFunctions() {}

    abstract static class Digest extends NamedFunction {
        private final String algorithm;

        Digest(String name, String algorithm) {
            super(name, 1, name + "(X): the " + algorithm + " digest of the text X, in lower-case hex");
            this.algorithm = algorithm;
        }

        @Override
        public final Object apply(Object[] args) {
            byte[] input = SqliteValues.cString(args[0]);
            if (input == null) {
                return null;
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has " + algorithm, e);
            }
        }
    }

    public static final class Md5 extends Digest {
        public Md5() {
            super("md5", "MD5");
        }
    }

    public static final class Sha1 extends Digest {
        public Sha1() {
            super("sha1", "SHA-1");
        }
    }

    public static final class Sha256 extends Digest {
        public Sha256() {
            super("sha256", "SHA-256");
        }
    }
}
