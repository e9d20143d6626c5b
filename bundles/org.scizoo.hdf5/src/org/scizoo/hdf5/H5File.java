package org.scizoo.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;

/**
 * An open HDF5 file, read with jhdf. Opening reads only the superblock and the root group's header;
 * everything else is read when asked for ({@link H5Node#children()}, {@link Attributes}, {@link Slices}).
 * Not safe for concurrent use: the inspector reads each file on one thread of its own.
 */
public final class H5File implements AutoCloseable {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

    /** What to add to an error when the superblock says the file is open for writing. */
    static final String NOT_CLOSED = " (its superblock says a writer has it open, or did not close it;"
            + " if no program writes it, `h5clear -s` clears that)";

    private final Path path;
    private final HdfFile hdf;
    private final boolean openForWriting;

    private H5File(Path path, HdfFile hdf, boolean openForWriting) {
        this.path = path;
        this.hdf = hdf;
        this.openForWriting = openForWriting;
    }

    /**
     * @throws Hdf5Exception if the file is missing, unreadable, not HDF5, or its superblock or root group is
     *             corrupt; the message names the file and the reason
     */
    public static H5File open(Path path) throws Hdf5Exception {
        Path file = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new Hdf5Exception(file + " is not a file" + (Files.exists(file) ? "" : " (it does not exist)"));
        }
        long superblock = findSignature(file);
        boolean writing = consistencyFlagsSet(file, superblock);
        try {
            // Opened through a channel that jhdf cannot memory-map: it then reads into heap buffers. Mapped,
            // every object header and heap read is a mapping of its own until the GC frees it; walking
            // 100,000 groups ran into the kernel's limit of 65,530 mappings and the JVM died.
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            HdfFile hdf;
            try {
                hdf = new HdfFile(new UnmappableChannel(channel), file.toUri());
            } catch (RuntimeException | StackOverflowError e) {
                channel.close();
                throw e;
            }
            return new H5File(file, hdf, writing);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw Hdf5Exception.of("cannot open " + file.getFileName() + " as HDF5" + (writing ? NOT_CLOSED : ""), e);
        }
    }

    /** The HDF5 signature is at 0 or, after a user block, at 512, 1024, 2048, … */
    private static long findSignature(Path file) throws Hdf5Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(SIGNATURE.length);
            for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                buffer.clear();
                channel.read(buffer, offset);
                if (java.util.Arrays.equals(buffer.array(), SIGNATURE)) {
                    return offset;
                }
            }
            throw new Hdf5Exception(file.getFileName() + " is not an HDF5 file (no HDF5 signature in its "
                    + size + " bytes)");
        } catch (IOException e) {
            throw Hdf5Exception.of("cannot read " + file, e);
        }
    }

    /**
     * Superblocks of version 2 and 3 carry "file consistency flags": set while a writer (plain or SWMR) has
     * the file open, and left set by a writer that died. libhdf5 refuses such a file unless opened for
     * SWMR reading; a reader sees a snapshot that may change.
     */
    private static boolean consistencyFlagsSet(Path file, long superblock) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(12);
            channel.read(head, superblock);
            int version = head.get(8);
            return version >= 2 && head.position() >= 12 && (head.get(11) & 0x05) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    public Path path() {
        return path;
    }

    /** True when the superblock says a writer has it open (or died with it open): it may be growing. */
    public boolean openForWriting() {
        return openForWriting;
    }

    public H5Node root() {
        return new H5Node(this, hdf, "/", H5Kind.GROUP);
    }

    /**
     * The object at an absolute path (links are followed on the way, not at the end).
     *
     * @throws Hdf5Exception if nothing is there or it cannot be read
     */
    public H5Node node(String absolutePath) throws Hdf5Exception {
        if (absolutePath.equals("/") || absolutePath.isEmpty()) {
            return root();
        }
        H5Node parent = node(parentOf(absolutePath));
        String name = absolutePath.substring(absolutePath.lastIndexOf('/') + 1);
        for (H5Node child : parent.resolved().children()) {
            if (child.name().equals(name)) {
                return child.withPath(absolutePath);
            }
        }
        throw new Hdf5Exception("no object " + absolutePath + " in " + path.getFileName());
    }

    static String parentOf(String absolutePath) {
        int slash = absolutePath.lastIndexOf('/');
        return slash <= 0 ? "/" : absolutePath.substring(0, slash);
    }

    /** The file's size on disk now (a growing file's size changes). */
    public long sizeOnDisk() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    Node jhdfRoot() {
        return hdf;
    }

    @Override
    public void close() {
        hdf.close();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
