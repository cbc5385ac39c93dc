package dev.vigil.sensors;

import dev.vigil.sql.text.RawText;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds-checked reads of a ring-buffer record in the host's byte order, as the BPF side wrote it. Every read past
 * the end throws {@link MalformedRecordException}, so a truncated record is rejected, never misread.
 */
public final class RecordReader {
    private final ByteBuffer bytes;

    public RecordReader(byte[] record) {
        this.bytes = ByteBuffer.wrap(record).order(ByteOrder.nativeOrder());
    }

    public int size() {
        return bytes.capacity();
    }

    public int u16(int offset) throws MalformedRecordException {
        require(offset, 2);
        return Short.toUnsignedInt(bytes.getShort(offset));
    }

    /** An unsigned 32-bit field, widened to long. */
    public long u32(int offset) throws MalformedRecordException {
        require(offset, 4);
        return Integer.toUnsignedLong(bytes.getInt(offset));
    }

    /** A signed 32-bit field. */
    public int s32(int offset) throws MalformedRecordException {
        require(offset, 4);
        return bytes.getInt(offset);
    }

    /** An unsigned 64-bit field, as a long's bits (Long.toUnsignedString shows it). */
    public long u64(int offset) throws MalformedRecordException {
        require(offset, 8);
        return bytes.getLong(offset);
    }

    /** A signed 64-bit field. */
    public long s64(int offset) throws MalformedRecordException {
        require(offset, 8);
        return bytes.getLong(offset);
    }

    public byte[] slice(int offset, int length) throws MalformedRecordException {
        require(offset, length);
        byte[] out = new byte[length];
        bytes.get(offset, out);
        return out;
    }

    /** A NUL-terminated string in a fixed-size field (such as comm[16]); the whole field if it has no NUL. */
    public String cString(int offset, int fieldSize) throws MalformedRecordException {
        return text(offset, nulEnd(offset, fieldSize) - offset);
    }

    /** {@link #cString(int, int)} through a cache of texts: a value seen before is the same String again. */
    public String cString(int offset, int fieldSize, TextCache texts) throws MalformedRecordException {
        return texts.text(bytes.array(), offset, nulEnd(offset, fieldSize) - offset);
    }

    /** The text formatter makes of the field's bytes, through a cache of texts (see {@link TextCache#formatted}). */
    public String formatted(int offset, int length, int kind, TextCache texts, TextCache.Formatter formatter)
            throws MalformedRecordException {
        require(offset, length);
        return texts.formatted(bytes.array(), offset, length, kind, formatter);
    }

    /** The offset of the field's first NUL, or its end. */
    private int nulEnd(int offset, int fieldSize) throws MalformedRecordException {
        require(offset, fieldSize);
        int end = offset;
        while (end < offset + fieldSize && bytes.get(end) != 0) {
            end++;
        }
        return end;
    }

    /** The NUL-separated strings of a field of this length; a last string without NUL is kept. */
    public List<String> nulSeparated(int offset, int length) throws MalformedRecordException {
        require(offset, length);
        List<String> out = new ArrayList<>();
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes.get(i) == 0) {
                out.add(text(start, i - start));
                start = i + 1;
            }
        }
        if (start < offset + length) {
            out.add(text(start, offset + length - start));
        }
        return out;
    }

    private String text(int offset, int length) {
        byte[] b = new byte[length];
        bytes.get(offset, b);
        return RawText.decode(b);
    }

    /** Throws unless the record has length bytes at offset. */
    public void require(int offset, int length) throws MalformedRecordException {
        if (offset < 0 || length < 0 || offset + length > bytes.capacity()) {
            throw new MalformedRecordException("record of " + bytes.capacity() + " bytes has no field at "
                    + offset + ".." + (offset + length));
        }
    }
}
