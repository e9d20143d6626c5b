package org.scizoo.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * A file's channel seen only as a {@link SeekableByteChannel}: jhdf wraps such a channel in one that cannot
 * be memory-mapped, and reads what it needs into heap buffers instead (see {@link H5File#open}).
 */
final class UnmappableChannel implements SeekableByteChannel {

    private final FileChannel channel;
    /** Kept here, not in the channel: jhdf sets it before every read, and a read at it is one pread. */
    private long position;

    UnmappableChannel(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = channel.read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
