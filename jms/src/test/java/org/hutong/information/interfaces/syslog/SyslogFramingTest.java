package org.hutong.information.interfaces.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SyslogFramingTest {

    private static SyslogFraming framing(String stream, int max) {
        return new SyslogFraming(new ByteArrayInputStream(stream.getBytes(UTF_8)), max);
    }

    private static String text(SyslogFraming.Frame frame) {
        return new String(frame.bytes(), UTF_8);
    }

    @Test
    void readsOctetCountedAndLineFramesMixedInOneStream() throws IOException {
        String counted = "<134>1 - h a - - - one\ntwo";
        SyslogFraming framing = framing(counted.getBytes(UTF_8).length + " " + counted
                + "<13>Dec  5 10:00:00 h app: line\r\n\n<13>last without LF", 1024);
        assertEquals(counted, text(framing.next()), "an LF inside a counted frame is part of it");
        assertEquals("<13>Dec  5 10:00:00 h app: line", text(framing.next()));
        SyslogFraming.Frame last = framing.next();
        assertEquals("<13>last without LF", text(last));
        assertFalse(last.truncated());
        assertNull(framing.next());
    }

    @Test
    void cutsFramesOverTheLimitAndSaysSo() throws IOException {
        SyslogFraming framing = framing("<13>0123456789\n12 <13>abcdefgh<13>next\n", 8);
        SyslogFraming.Frame line = framing.next();
        assertEquals("<13>0123", text(line));
        assertTrue(line.truncated());
        SyslogFraming.Frame counted = framing.next();
        assertEquals("<13>abcd", text(counted));
        assertTrue(counted.truncated());
        assertEquals("<13>next", text(framing.next()), "the rest of a cut frame is skipped, not read as a frame");
    }

    @Test
    void refusesStreamsThatCannotBeFramed() {
        assertThrows(SyslogFraming.FramingException.class, () -> framing("12<13>abc", 100).next());
        assertThrows(SyslogFraming.FramingException.class, () -> framing("50 <13>short", 100).next());
        assertThrows(SyslogFraming.FramingException.class, () -> framing("1234567890 <13>", 100).next());
    }
}
