package org.scizoo.files.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * The note of an Igor Binary Wave (version 5, what SES writes: Igor Pro technical note TN003), and the
 * waves of a packed experiment (.pxt: records of 8-byte headers; type 3 holds a wave). The note is SES's
 * {@code [SES]} key=value lines, or a JSON object in newer versions.
 */
final class IgorWave {

    private static final int BIN_HEADER_5 = 64;
    private static final int WAVE_RECORD = 3;

    private IgorWave() {
    }

    /** The region entries in a wave's note. */
    static Map<String, String> noteEntries(byte[] bytes, int offset, int length, String what) throws IOException {
        String note = note(bytes, offset, length, what);
        if (note.strip().startsWith("{")) {
            Map<String, String> entries = new LinkedHashMap<>();
            try {
                Document json = Document.parse(note.strip());
                json.forEach((k, v) -> entries.put(k, String.valueOf(v)));
            } catch (RuntimeException e) {
                throw new IOException(what + ": its JSON note cannot be read: " + e.getMessage(), e);
            }
            return entries;
        }
        Map<String, IniText.Section> sections = IniText.parse(note);
        IniText.Section ses = sections.containsKey("SES") ? sections.get("SES") : sections.get("");
        if (ses == null || ses.entries().isEmpty()) {
            throw new IOException(what + " has no SES note (no [SES] key=value lines)");
        }
        Map<String, String> entries = new LinkedHashMap<>(ses.entries());
        IniText.Section runMode = sections.get("Run Mode Information");
        if (runMode != null) {
            entries.putAll(runMode.entries());
        }
        return entries;
    }

    /** The note text of the wave that starts at {@code offset}. */
    static String note(byte[] bytes, int offset, int length, String what) throws IOException {
        if (length < BIN_HEADER_5) {
            throw new IOException(what + " is truncated: " + length + " bytes, less than an Igor wave header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, offset, BIN_HEADER_5).order(ByteOrder.LITTLE_ENDIAN);
        short version = header.getShort(offset);
        if (version != 5) {
            header.order(ByteOrder.BIG_ENDIAN);
            version = header.getShort(offset);
        }
        if (version != 5) {
            throw new IOException(what + " is not an Igor Binary Wave of version 5 (as SES writes)"
                    + (version > 0 && version < 5 ? ": version " + version + " is not read" : ""));
        }
        int wfmSize = header.getInt(offset + 4);
        int formulaSize = header.getInt(offset + 8);
        int noteSize = header.getInt(offset + 12);
        long noteStart = (long) BIN_HEADER_5 + wfmSize + formulaSize;
        if (wfmSize < 0 || formulaSize < 0 || noteSize < 0 || noteStart + noteSize > length) {
            throw new IOException(what + " is truncated: its header announces " + (noteStart + noteSize)
                    + " bytes, the file has " + length);
        }
        // Igor writes the note in the system's code page; ISO-8859-1 never fails
        return new String(bytes, offset + (int) noteStart, noteSize, StandardCharsets.ISO_8859_1);
    }

    /** The entries of every wave record of a packed experiment, in file order. */
    static List<Map<String, String>> packedWaves(byte[] bytes, String what) throws IOException {
        List<Map<String, String>> waves = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (at + 8 <= bytes.length) {
            int type = in.getShort(at) & 0x7FFF;
            int size = in.getInt(at + 4);
            if (size < 0 || at + 8L + size > bytes.length) {
                in.order(in.order() == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                size = in.getInt(at + 4);
                type = in.getShort(at) & 0x7FFF;
                if (size < 0 || at + 8L + size > bytes.length) {
                    throw new IOException(what + " is truncated or not a packed Igor experiment: the record at byte "
                            + at + " announces " + size + " bytes");
                }
            }
            if (type == WAVE_RECORD) {
                waves.add(noteEntries(bytes, at + 8, size, what + " (wave record at byte " + at + ")"));
            }
            at += 8 + size;
        }
        if (waves.isEmpty()) {
            throw new IOException(what + " holds no Igor wave record");
        }
        return waves;
    }
}
