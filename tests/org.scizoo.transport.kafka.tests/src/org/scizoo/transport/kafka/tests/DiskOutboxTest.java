package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.transport.kafka.DiskOutbox;

class DiskOutboxTest {

    @TempDir
    Path dir;

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whatIsNotAcknowledgedSurvivesARestartInOrder() throws Exception {
        try (DiskOutbox o = new DiskOutbox(dir, DiskOutbox.DEFAULT_CAP_BYTES)) {
            for (int i = 1; i <= 5; i++) {
                assertEquals(i, o.append("pid-" + i, b("v" + i)));
            }
            o.acknowledge(2); // out of order: the head cannot pass 1 yet
            assertEquals(4, o.pending());
            o.acknowledge(1);
            assertEquals(3, o.pending());
        }
        try (DiskOutbox o = new DiskOutbox(dir, DiskOutbox.DEFAULT_CAP_BYTES)) {
            List<DiskOutbox.Entry> pending = o.pendingEntries();
            assertEquals(List.of(3L, 4L, 5L), pending.stream().map(DiskOutbox.Entry::seq).toList());
            assertEquals("pid-3", pending.get(0).key());
            assertEquals("v3", new String(pending.get(0).value(), StandardCharsets.UTF_8));
            assertEquals(6, o.append("pid-6", b("v6")), "numbering goes on after a restart");
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndTheRestKept() throws Exception {
        try (DiskOutbox o = new DiskOutbox(dir, DiskOutbox.DEFAULT_CAP_BYTES)) {
            o.append("a", b("1"));
            o.append("b", b("2"));
        }
        Path segment;
        try (var s = Files.list(dir)) {
            segment = s.filter(p -> p.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
        }
        Files.write(segment, new byte[] { 0, 0, 0, 40, 1, 2, 3 }, StandardOpenOption.APPEND); // died mid-write
        try (DiskOutbox o = new DiskOutbox(dir, DiskOutbox.DEFAULT_CAP_BYTES)) {
            assertEquals(List.of("a", "b"), o.pendingEntries().stream().map(DiskOutbox.Entry::key).toList());
        }
    }

    @Test
    void atItsCapTheOutboxRefusesNewEntriesAndKeepsTheOldOnes() throws Exception {
        try (DiskOutbox o = new DiskOutbox(dir, 300)) {
            o.append("a", new byte[100]);
            o.append("b", new byte[100]);
            DiskOutbox.FullException e = assertThrows(DiskOutbox.FullException.class,
                    () -> o.append("c", new byte[100]));
            assertTrue(e.getMessage().contains("cap"), e.getMessage());
            assertEquals(2, o.pendingEntries().size());
        }
    }
}
