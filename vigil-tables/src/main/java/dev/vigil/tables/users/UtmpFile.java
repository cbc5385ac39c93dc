package dev.vigil.tables.users;

import dev.vigil.sql.text.RawText;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the binary utmp file (/var/run/utmp; the same layout serves wtmp). The layout is glibc's
 * {@code struct utmp} on x86-64 and the other 64-bit Linux ABIs, in native (little-endian) byte order, 384
 * bytes a record (utmp(5), bits/utmp.h):
 *
 * <pre>
 *   0  short   ut_type          (2 bytes of padding follow)
 *   4  pid_t   ut_pid
 *   8  char    ut_line[32]
 *  40  char    ut_id[4]
 *  44  char    ut_user[32]
 *  76  char    ut_host[256]
 * 332  short   ut_exit.e_termination, ut_exit.e_exit
 * 336  int32   ut_session
 * 340  int32   ut_tv.tv_sec, ut_tv.tv_usec
 * 348  int32   ut_addr_v6[4]
 * 364  char    __glibc_reserved[20]
 * </pre>
 *
 * Strings are NUL-padded and need not be NUL-terminated when they fill their field. A trailing partial record
 * (a writer caught mid-write) is ignored.
 */
public final class UtmpFile {
    /** sizeof(struct utmp) on x86-64. */
    public static final int RECORD_SIZE = 384;

    private UtmpFile() {
    }

    public static List<UtmpRecord> parse(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<UtmpRecord> records = new ArrayList<>();
        for (int base = 0; base + RECORD_SIZE <= bytes.length; base += RECORD_SIZE) {
            records.add(new UtmpRecord(
                    buffer.getShort(base),
                    buffer.getInt(base + 4),
                    string(bytes, base + 8, 32),
                    string(bytes, base + 40, 4),
                    string(bytes, base + 44, 32),
                    string(bytes, base + 76, 256),
                    Integer.toUnsignedLong(buffer.getInt(base + 340)),
                    Integer.toUnsignedLong(buffer.getInt(base + 344))));
        }
        return records;
    }

    private static String string(byte[] bytes, int offset, int size) {
        int end = offset;
        while (end < offset + size && bytes[end] != 0) {
            end++;
        }
        return RawText.decode(bytes, offset, end - offset);
    }
}
