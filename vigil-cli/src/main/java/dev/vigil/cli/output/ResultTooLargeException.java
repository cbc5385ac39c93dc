package dev.vigil.cli.output;

import java.io.IOException;

/**
 * A result that must be held whole to be printed (the aligned modes) outgrew what this command may hold: the
 * statement is stopped before it exhausts memory, and the message says which modes stream instead.
 */
public final class ResultTooLargeException extends IOException {
    ResultTooLargeException(long rows, long limitBytes) {
        super("the result is too large to align (over " + (limitBytes >> 20) + " MiB after " + rows
                + " rows): use --csv, --json, --line or --list (.mode csv, json, line or list in the shell), which "
                + "print rows as they come");
    }
}
