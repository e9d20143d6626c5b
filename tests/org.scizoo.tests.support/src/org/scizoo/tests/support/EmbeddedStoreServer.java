package org.scizoo.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded store (mongo-java-server on an H2 file) served on a local port, as a database server of its
 * own that a test can take away ({@link #stop()}) and bring back on the same port with the same data.
 */
public final class EmbeddedStoreServer implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    public EmbeddedStoreServer(Path file) throws IOException {
        this.file = file;
        port = FreePorts.next();
        start();
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port + "/scicat";
    }

    public synchronized void start() {
        if (server == null) {
            server = new MongoServer(new H2Backend(file.toString()));
            server.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }

    /** The database goes away: connections are cut, the port refuses. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
