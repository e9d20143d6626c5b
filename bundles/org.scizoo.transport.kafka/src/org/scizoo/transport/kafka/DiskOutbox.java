package org.scizoo.transport.kafka;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * An append-only outbox on disk: every record is written and forced to disk before {@link #append}
 * returns, and stays there until it is {@link #acknowledge}d. Acknowledgements may come in any order; the
 * head (everything up to it acknowledged) is kept in a small file, and records past it are replayed, in
 * order, after a restart. Segments below the head are deleted. When the records on disk reach the cap,
 * appends are refused (nothing already accepted is ever dropped).
 * <p>
 * Record: length, sequence number, key length, key, value, CRC-32 of the rest. A torn last record (the
 * process died while writing) is detected by its length or CRC and ignored.
 */
public final class DiskOutbox implements AutoCloseable {

    /** A record waiting for delivery. */
    public record Entry(long seq, String key, byte[] value) {
    }

    /** Thrown by {@link #append} when the outbox is at its cap. */
    public static final class FullException extends IOException {
        private static final long serialVersionUID = 1L;

        FullException(String message) {
            super(message);
        }
    }

    static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    public static final long DEFAULT_CAP_BYTES = 1024L * 1024 * 1024;

    private final Path dir;
    private final long capBytes;
    private final TreeSet<Long> acknowledgedAhead = new TreeSet<>();
    private long head; // every seq <= head is acknowledged
    private long nextSeq;
    private long bytesOnDisk;
    private FileChannel segment;
    private long segmentFirstSeq;

    public DiskOutbox(Path dir, long capBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.capBytes = capBytes;
        Path headFile = dir.resolve("head");
        head = Files.exists(headFile) ? Long.parseLong(Files.readString(headFile).strip()) : 0;
        nextSeq = head + 1;
        for (Entry e : readAll()) {
            nextSeq = Math.max(nextSeq, e.seq() + 1);
        }
        for (Path p : segments()) {
            bytesOnDisk += Files.size(p);
        }
    }

    /** Writes the record durably; returns its sequence number. */
    public synchronized long append(String key, byte[] value) throws IOException {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int bodyLength = 8 + 4 + k.length + value.length;
        if (bytesOnDisk + bodyLength + 8 > capBytes) {
            throw new FullException("the outbox in " + dir + " holds " + bytesOnDisk / (1024 * 1024) + " MiB, its cap;"
                    + " new datasets are refused until the broker takes what is waiting (nothing waiting is lost)");
        }
        long seq = nextSeq++;
        ByteBuffer body = ByteBuffer.allocate(bodyLength).putLong(seq).putInt(k.length).put(k).put(value);
        CRC32 crc = new CRC32();
        crc.update(body.array());
        ByteBuffer record = ByteBuffer.allocate(4 + bodyLength + 4).putInt(bodyLength).put(body.array())
                .putInt((int) crc.getValue());
        record.flip();
        FileChannel ch = segmentFor(seq);
        while (record.hasRemaining()) {
            ch.write(record);
        }
        ch.force(false);
        bytesOnDisk += record.limit();
        return seq;
    }

    /** Marks a record delivered; advances the head over every contiguous delivered record. */
    public synchronized void acknowledge(long seq) throws IOException {
        if (seq <= head) {
            return;
        }
        acknowledgedAhead.add(seq);
        boolean moved = false;
        while (acknowledgedAhead.remove(head + 1)) {
            head++;
            moved = true;
        }
        if (moved) {
            Path tmp = dir.resolve("head.tmp");
            Files.writeString(tmp, Long.toString(head));
            Files.move(tmp, dir.resolve("head"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            dropDeliveredSegments();
        }
    }

    /** Records not yet acknowledged, in order (after a restart: what must be sent again). */
    public synchronized List<Entry> pendingEntries() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Entry e : readAll()) {
            if (e.seq() > head && !acknowledgedAhead.contains(e.seq())) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized long pending() {
        return nextSeq - 1 - head - acknowledgedAhead.size();
    }

    private FileChannel segmentFor(long seq) throws IOException {
        if (segment == null || segment.size() >= SEGMENT_BYTES) {
            if (segment != null) {
                segment.close();
            }
            segmentFirstSeq = seq;
            segment = FileChannel.open(dir.resolve(String.format("segment-%019d.log", seq)), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        return segment;
    }

    private void dropDeliveredSegments() throws IOException {
        List<Path> all = segments();
        for (int i = 0; i + 1 < all.size(); i++) {
            long nextFirst = firstSeq(all.get(i + 1));
            if (nextFirst - 1 <= head) { // every record of segment i is delivered
                bytesOnDisk -= Files.size(all.get(i));
                Files.delete(all.get(i));
            }
        }
    }

    private List<Entry> readAll() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path p : segments()) {
            try (InputStream raw = Files.newInputStream(p);
                    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
                while (true) {
                    int length;
                    try {
                        length = in.readInt();
                    } catch (EOFException end) {
                        break;
                    }
                    if (length < 12 || length > SEGMENT_BYTES) {
                        break; // torn or foreign bytes: nothing after them is trusted
                    }
                    byte[] body = new byte[length];
                    int crcValue;
                    try {
                        in.readFully(body);
                        crcValue = in.readInt();
                    } catch (EOFException torn) {
                        break;
                    }
                    CRC32 crc = new CRC32();
                    crc.update(body);
                    if ((int) crc.getValue() != crcValue) {
                        break;
                    }
                    ByteBuffer b = ByteBuffer.wrap(body);
                    long seq = b.getLong();
                    byte[] k = new byte[b.getInt()];
                    b.get(k);
                    byte[] v = new byte[b.remaining()];
                    b.get(v);
                    out.add(new Entry(seq, new String(k, StandardCharsets.UTF_8), v));
                }
            }
        }
        return out;
    }

    private List<Path> segments() throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }

    private static long firstSeq(Path segment) {
        String n = segment.getFileName().toString();
        return Long.parseLong(n.substring("segment-".length(), n.length() - ".log".length()));
    }

    @Override
    public synchronized void close() throws IOException {
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }
}
