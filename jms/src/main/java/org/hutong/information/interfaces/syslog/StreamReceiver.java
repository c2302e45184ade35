package org.hutong.information.interfaces.syslog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;
import org.hutong.information.application.syslog.SyslogIngestion;
import org.hutong.information.application.syslog.SyslogLine;
import org.hutong.security.interfaces.syslog.SyslogPeers;

/**
 * One listening socket for syslog over TCP (RFC 6587) or TLS (RFC 5425): accepts connections up to a
 * limit, learns who each peer is before reading a byte of it, then reads frames and stores them in
 * batches — every frame already buffered joins the batch, so a busy sender gets large transactions
 * and a quiet one no waiting. Each connection is read on a container-managed thread.
 */
final class StreamReceiver {

    private static final Logger LOG = Logger.getLogger(StreamReceiver.class.getName());
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /** Limits of one receiver. */
    record Limits(int maxLineBytes, int batchMax, int maxConnections) {
    }

    private final String transport;
    private final ServerSocket server;
    private final ExecutorService executor;
    private final SyslogPeers peers;
    private final SyslogIngestion ingestion;
    private final SyslogMetrics metrics;
    private final LineBatches batches;
    private final Limits limits;
    private final Clock clock;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    StreamReceiver(String transport, ServerSocket server, ExecutorService executor, SyslogPeers peers,
            SyslogIngestion ingestion, SyslogMetrics metrics, Limits limits, Clock clock) {
        this.transport = transport;
        this.server = server;
        this.executor = executor;
        this.peers = peers;
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.limits = limits;
        this.clock = clock;
        this.batches = new LineBatches(ingestion, metrics, () -> running);
    }

    void start() {
        executor.submit(this::accept);
        LOG.log(Level.INFO, "Syslog over {0} listening on {1}", new Object[] {transport.toUpperCase(),
                server.getLocalSocketAddress()});
    }

    void stop() {
        running = false;
        close(server);
        connections.forEach(StreamReceiver::close);
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                if (connections.size() >= limits.maxConnections()) {
                    refuse(socket, "connections", "the receiver already has " + limits.maxConnections() + " connections");
                    continue;
                }
                connections.add(socket);
                executor.submit(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "Syslog over {0}: accept failed: {1}", new Object[] {transport, e.toString()});
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Syslog over " + transport + ": cannot serve a connection", e);
            }
        }
    }

    private void serve(Socket socket) {
        String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        try (socket) {
            if (socket instanceof SSLSocket tls) {
                tls.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                try {
                    tls.startHandshake();
                } catch (IOException e) {
                    refuse(socket, "handshake", "the TLS handshake failed: " + e.getMessage());
                    return;
                }
                tls.setSoTimeout(0);
            }
            Optional<String> product = peers.productOf(socket);
            if (product.isEmpty()) {
                refuse(socket, "unidentified", socket instanceof SSLSocket ? "its certificate names no product"
                        : "its address " + socket.getInetAddress().getHostAddress()
                                + " is not bound to a product (hutong.syslog.sources)");
                return;
            }
            if (!ingestion.mayPublish(product.get())) {
                refuse(socket, "unregistered", "product '" + product.get() + "' is not registered and active");
                return;
            }
            LOG.log(Level.FINE, "Syslog over {0} from {1}: product {2}", new Object[] {transport, peer, product.get()});
            read(new SyslogFraming(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES), limits.maxLineBytes()),
                    product.get(), peer);
        } catch (SyslogFraming.FramingException e) {
            LOG.log(Level.WARNING, "Syslog over {0} from {1}: {2}; the connection is closed",
                    new Object[] {transport, peer, e.getMessage()});
        } catch (SocketException e) {
            if (running) {
                LOG.log(Level.FINE, "Syslog over {0} from {1} ended: {2}", new Object[] {transport, peer, e.toString()});
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, "Syslog over {0} from {1} ended: {2}", new Object[] {transport, peer, e.toString()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
        }
    }

    private void read(SyslogFraming framing, String product, String peer) throws IOException, InterruptedException {
        List<SyslogLine> batch = new ArrayList<>(limits.batchMax());
        while (running) {
            SyslogFraming.Frame frame;
            try {
                frame = framing.next();
            } catch (IOException e) {
                // What was read before the stream broke is stored before the connection closes.
                if (!batch.isEmpty()) {
                    batches.store(transport, List.copyOf(batch));
                }
                throw e;
            }
            if (frame != null) {
                batch.add(new SyslogLine(product, transport, peer, frame.bytes(), clock.instant(), frame.truncated()));
            }
            if (frame == null || batch.size() >= limits.batchMax() || !framing.ready()) {
                if (!batch.isEmpty() && !batches.store(transport, List.copyOf(batch))) {
                    return;
                }
                batch.clear();
            }
            if (frame == null) {
                return;
            }
        }
    }

    private void refuse(Socket socket, String reason, String why) {
        metrics.refusedConnection(transport, reason);
        LOG.log(Level.WARNING, "Syslog over {0}: refused {1}: {2}", new Object[] {transport,
                socket.getRemoteSocketAddress(), why});
        close(socket);
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing on the way out: nothing more to do
        }
    }
}
