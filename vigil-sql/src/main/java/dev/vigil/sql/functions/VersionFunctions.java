package dev.vigil.sql.functions;

import java.util.Locale;

/**
 * osquery's version_compare(LEFT, RIGHT[, FLAVOR]) (osquery/sql/sqlite_version.cpp): -1, 0 or 1 as LEFT is older
 * than, equal to or newer than RIGHT, in the order of osquery's version collations ({@link VersionOrdering}).
 * FLAVOR is ARCH, DPKG or RHEL in any case; without it the generic VERSION order applies. As in osquery the
 * versions must be TEXT (NULL or a number is an error), the function takes any number of arguments and ignores
 * any after the third, and the text is read up to its first NUL.
 */
public final class VersionFunctions {

    private VersionFunctions() {}

    public static final class VersionCompare extends NamedFunction {
        public VersionCompare() {
            super("version_compare", -1, "version_compare(LEFT, RIGHT[, FLAVOR]): -1, 0 or 1 as version LEFT is"
                    + " older than, equal to or newer than RIGHT; FLAVOR ARCH, DPKG or RHEL compares those"
                    + " package versions");
        }

        @Override
        public Object apply(Object[] args) {
            if (args.length < 2 || !(args[0] instanceof String) || !(args[1] instanceof String)) {
                throw new IllegalArgumentException("Must provide two version strings to compare.");
            }
            VersionOrdering ordering = VersionOrdering.GENERIC;
            if (args.length > 2) {
                if (!(args[2] instanceof String)) {
                    throw new IllegalArgumentException("The optional third parameter is not a string.");
                }
                ordering = flavor(SqliteValues.cText(args[2]));
            }
            int order = ordering.compare(SqliteValues.cString(args[0]), SqliteValues.cString(args[1]));
            return (long) Integer.signum(order);
        }

        private static VersionOrdering flavor(String name) {
            return switch (name.toUpperCase(Locale.ROOT)) {
                case "ARCH" -> VersionOrdering.ARCH;
                case "DPKG" -> VersionOrdering.DPKG;
                case "RHEL" -> VersionOrdering.RHEL;
                default -> throw new IllegalArgumentException(
                        "The optional third parameter does not match one of: (ARCH, DPKG, RHEL).");
            };
        }
    }
}
