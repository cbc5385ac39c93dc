package dev.vigil.os;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * File names as a person reads them in a message: UTF-8 text, with {@code \xFF} for each control byte and, in a
 * name that is not UTF-8, for each byte outside printable ASCII. A hostile name cannot forge lines or send
 * terminal escapes through it.
 */
final class PathText {
    private PathText() {
    }

    static String display(byte[] name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                    sb.append(String.format("\\x%02X", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        } catch (CharacterCodingException e) {
            StringBuilder sb = new StringBuilder();
            for (byte b : name) {
                if (b >= 0x20 && b < 0x7f) {
                    sb.append((char) b);
                } else {
                    sb.append(String.format("\\x%02X", b & 0xff));
                }
            }
            return sb.toString();
        }
    }
}
