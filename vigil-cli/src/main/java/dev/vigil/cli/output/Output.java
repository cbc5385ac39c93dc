package dev.vigil.cli.output;

import dev.vigil.sql.text.RawText;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a command writes its results: bytes, so that text keeps every byte it came with ({@link RawText}: a file
 * name that is not UTF-8 is printed as the bytes it has, whatever the locale, as osquery prints it). Buffered, and
 * flushed when a statement ends, when {@value #BUFFER} bytes are waiting, or on the first write after
 * {@value #FLUSH_MILLIS} ms, so a slow stream of rows shows up as it comes. Write failures are not swallowed (as
 * PrintStream would): a closed pipe ({@code | head}) surfaces at the next flush as an IOException, which stops the
 * query or the trace. Not thread-safe.
 */
public final class Output implements AutoCloseable {
    static final int BUFFER = 64 * 1024;
    static final long FLUSH_MILLIS = 100;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int length;
    private long lastFlush = System.nanoTime();

    public Output(OutputStream out) {
        this.out = out;
    }

    /** Standard output, written directly (no PrintStream between). */
    public static Output stdout() {
        return new Output(new FileOutputStream(FileDescriptor.out));
    }

    public void print(String text) throws IOException {
        write(RawText.encode(text));
    }

    public void println(String text) throws IOException {
        print(text);
        newline();
    }

    public void newline() throws IOException {
        write(new byte[]{'\n'});
    }

    private void write(byte[] bytes) throws IOException {
        if (length + bytes.length > buffer.length) {
            flush();
        }
        if (bytes.length > buffer.length) {
            out.write(bytes);
            lastFlush = System.nanoTime();
            return;
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        if (System.nanoTime() - lastFlush > FLUSH_MILLIS * 1_000_000) {
            flush();
        }
    }

    public void flush() throws IOException {
        if (length > 0) {
            out.write(buffer, 0, length);
            length = 0;
        }
        out.flush();
        lastFlush = System.nanoTime();
    }

    /** True if the write failed because the reader went away (EPIPE: {@code vigil query ... | head -1}). */
    public static boolean isBrokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
