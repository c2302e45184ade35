package org.hutong.information.interfaces.syslog;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Frames of a syslog stream (RFC 6587, and RFC 5425 over TLS): each frame is either octet-counted,
 * {@code MSG-LEN SP SYSLOG-MSG}, or non-transparent, the message ending at LF (a CR before it is
 * dropped). Senders choose per frame; the first byte tells: a digit starts a length, anything
 * else a message. A frame longer than the limit is cut there and the rest skipped, marked
 * truncated so that it is parked, not stored half. Blank lines between frames are skipped.
 */
final class SyslogFraming {

    /** One frame: the message's bytes, and whether they were cut at the limit. */
    record Frame(byte[] bytes, boolean truncated) {
    }

    private static final int MAX_LENGTH_DIGITS = 9;

    private final InputStream in;
    private final int maxBytes;

    SyslogFraming(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next frame, or null when the stream ends between frames. */
    Frame next() throws IOException {
        int first = in.read();
        while (first == '\n' || first == '\r' || first == 0) {
            first = in.read();
        }
        if (first < 0) {
            return null;
        }
        return first >= '1' && first <= '9' ? octetCounted(first) : lineFrom(first);
    }

    /** Whether a frame is already buffered, so that reading it will not wait for the network. */
    boolean ready() throws IOException {
        return in.available() > 0;
    }

    private Frame octetCounted(int firstDigit) throws IOException {
        long length = firstDigit - '0';
        int digits = 1;
        int c = in.read();
        while (c >= '0' && c <= '9') {
            if (++digits > MAX_LENGTH_DIGITS) {
                throw new FramingException("an octet count has more than " + MAX_LENGTH_DIGITS + " digits");
            }
            length = length * 10 + (c - '0');
            c = in.read();
        }
        if (c != ' ') {
            throw new FramingException(c < 0 ? "the stream ended inside an octet count"
                    : "an octet count must be followed by a space (RFC 6587 §3.4.1)");
        }
        int kept = (int) Math.min(length, maxBytes);
        byte[] bytes = in.readNBytes(kept);
        try {
            if (bytes.length < kept) {
                throw new EOFException();
            }
            in.skipNBytes(length - kept);
        } catch (EOFException e) {
            throw new FramingException("the stream ended inside a frame of " + length + " octets");
        }
        return new Frame(stripCr(bytes), length > maxBytes);
    }

    private Frame lineFrom(int first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean truncated = false;
        int c = first;
        while (c >= 0 && c != '\n') {
            if (line.size() < maxBytes) {
                line.write(c);
            } else {
                truncated = true;
            }
            c = in.read();
        }
        return new Frame(stripCr(line.toByteArray()), truncated);
    }

    private static byte[] stripCr(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\r' || bytes[end - 1] == '\n')) {
            end--;
        }
        return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
    }

    /** The stream cannot be framed any more: the connection is closed. */
    static final class FramingException extends IOException {

        private static final long serialVersionUID = 1L;

        FramingException(String message) {
            super(message);
        }
    }
}
