package org.scizoo.catalog.mongo.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.scicat.SciCatDocuments;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded catalogue: mongo-java-server with its H2 backend, one file ({@code catalog.mv}) in the
 * data folder, served on a loopback port so the ordinary MongoDB driver talks to it.
 * <p>
 * Only one process can hold the file. The holder writes its port to {@code catalog.port}; a second
 * process on the same data folder (the CLI next to an open workbench) finds the file locked and
 * connects to that port instead, so both see one catalogue.
 */
public final class EmbeddedMongo {

    static final String FILE_NAME = "catalog.mv";
    static final String PORT_FILE_NAME = "catalog.port";
    private static final int CACHE_MB = 64;
    private static final String NETTY_ALLOCATOR = "io.netty.allocator.type";
    private static final System.Logger LOG = System.getLogger(EmbeddedMongo.class.getName());

    static {
        // The server reads requests into netty's buffers and decodes their BSON byte by byte. From Java 24
        // netty 4.2 runs without sun.misc.Unsafe, and its pooled buffers are then direct ones, each byte
        // read through a bounds-checked NIO call: half the server's time on a bulk insert, profiled on
        // Java 25. Unpooled buffers are heap arrays there (measured: the decoding took 60 % less). On older
        // Javas netty reads direct buffers through Unsafe, fast, and is left alone. Netty reads the setting
        // once, when it is first used, which is by this server (nothing else in SciZoo uses netty); whoever
        // sets it on the command line decides.
        if (Runtime.version().feature() >= 24 && System.getProperty(NETTY_ALLOCATOR) == null) {
            System.setProperty(NETTY_ALLOCATOR, "unpooled");
        }
    }

    private EmbeddedMongo() {
    }

    /**
     * @param progress told how far a long index build has come (a catalogue of an earlier version, or one whose
     *        index a killed process left torn, is indexed when opened), on this thread
     * @param stopAsked asked as a build goes on: once it says true, the build is given up and the opening fails
     */
    public static MongoCatalogStore open(BackendSettings settings, Consumer<String> progress, BooleanSupplier stopAsked)
            throws CatalogException {
        Path dir = DataFolder.prepare(settings.dataDir());
        Path file = dir.resolve(FILE_NAME);
        Path portFile = dir.resolve(PORT_FILE_NAME);
        MVStore mvStore;
        try {
            // 64 MB of pages in memory (H2's default is 16): scans' pids come in no order, so upserts touch
            // pages all over the tree, and a page read again from the file is deserialised again.
            mvStore = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
                return attach(file, portFile, settings.connectTimeout());
            }
            throw corrupt(file, e);
        } catch (RuntimeException e) {
            throw corrupt(file, e);
        }
        CatalogH2Backend backend;
        try {
            // the backend opens the indexes already in the file, and rebuilds a torn one, while it is made
            backend = IndexProgress.during(progress, stopAsked, () -> new CatalogH2Backend(mvStore));
        } catch (RuntimeException e) {
            CancellationException stop = stoppedBuild(e);
            if (stop != null) {
                throw stopped(file, mvStore, stop);
            }
            mvStore.closeImmediately();
            throw corrupt(file, e);
        }
        try {
            IndexProgress.during(progress, stopAsked, () -> {
                backend.ensureCreationTimeIndex(MongoCatalogStore.DEFAULT_DATABASE, SciCatDocuments.DATASET_COLLECTION);
                return null;
            });
        } catch (RuntimeException e) {
            CancellationException stop = stoppedBuild(e);
            if (stop != null) {
                throw stopped(file, mvStore, stop);
            }
            // without it every page is sorted by the server, as before: slow on a big catalogue, still right
            LOG.log(System.Logger.Level.WARNING, "Could not index the catalogue " + file + " by creationTime: " + e, e);
        }
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address;
        try {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            address = server.getLocalAddress();
            Files.writeString(portFile, Integer.toString(address.getPort()), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            server.shutdownNow();
            mvStore.close();
            throw new CatalogException("Could not start the embedded catalogue server for " + file + ": "
                    + e.getMessage(), e);
        }
        Runnable shutdown = () -> {
            try {
                Files.deleteIfExists(portFile);
            } catch (IOException ignored) {
                // a stale port file is harmless: the next holder overwrites it
            }
            server.shutdown();
            if (!mvStore.isClosed()) {
                mvStore.close();
            }
        };
        // On failure connect() closes its client, which runs the shutdown.
        MongoCatalogStore store = MongoCatalogStore.connectEmbedded("mongodb://127.0.0.1:" + address.getPort() + "/"
                + MongoCatalogStore.DEFAULT_DATABASE, settings.connectTimeout(), "embedded " + file,
                backend::commit, shutdown);
        store.readLocally(selection -> EmbeddedDocuments.open(mvStore, MongoCatalogStore.DEFAULT_DATABASE,
                SciCatDocuments.DATASET_COLLECTION, selection.from(), selection.till()));
        return store;
    }

    /** The build given up for a stop that {@code e} is, or was caused by (the server may wrap it); else null. */
    private static CancellationException stoppedBuild(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancellationException c) {
                return c;
            }
        }
        return null;
    }

    /** Closes the file, keeping what the build left safe to start from again, and says why the opening failed. */
    private static CatalogException stopped(Path file, MVStore mvStore, CancellationException e) {
        try {
            mvStore.close();
        } catch (RuntimeException notWritten) {
            mvStore.closeImmediately(); // the build is done again from the start either way
        }
        return new CatalogException("Stopped while opening the catalogue " + file + " (" + e.getMessage()
                + "); it is done again when the catalogue is next opened", e);
    }

    /** For those who only read: a folder without the catalogue's file is a mistake, said as such. */
    public static void requireCatalogue(Path dataDir) throws CatalogException {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new CatalogException("There is no catalogue in " + file.getParent() + " (no " + FILE_NAME + "): check"
                    + " --data DIR (scans are recorded into one by scizoo ingest or the workbench)");
        }
    }

    /** The file is held by another process on this machine: use its server. */
    private static MongoCatalogStore attach(Path file, Path portFile, Duration timeout) throws CatalogException {
        String port;
        try {
            port = Files.readString(portFile, StandardCharsets.US_ASCII).strip();
            Integer.parseInt(port);
        } catch (IOException | NumberFormatException e) {
            throw new CatalogException("The embedded catalogue " + file + " is in use by another SciZoo process,"
                    + " which did not say where it serves it (" + portFile + " missing or unreadable)."
                    + " Close the other process or use another --data folder.", e);
        }
        return MongoCatalogStore.connectEmbedded("mongodb://127.0.0.1:" + port + "/"
                + MongoCatalogStore.DEFAULT_DATABASE, timeout,
                "embedded " + file + " (served by another process on port "
                        + port + ")",
                null, null);
    }

    private static CatalogException corrupt(Path file, RuntimeException e) {
        return new CatalogException("The embedded catalogue file " + file + " cannot be read: "
                + MongoCatalogStore.firstLine(e.getMessage()) + ". It has been left untouched. Move it aside to start"
                + " an empty catalogue (or restore it from a backup), or choose another --data folder.", e);
    }
}
