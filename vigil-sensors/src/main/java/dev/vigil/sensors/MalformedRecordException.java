package dev.vigil.sensors;

/** A ring-buffer record that does not match the layout its type announces; counted and skipped by sensors. */
public final class MalformedRecordException extends Exception {
    public MalformedRecordException(String message) {
        super(message);
    }
}
