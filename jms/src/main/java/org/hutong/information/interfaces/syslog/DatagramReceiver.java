package org.hutong.information.interfaces.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.information.application.syslog.SyslogLine;
import org.hutong.security.interfaces.syslog.SyslogPeers;

/**
 * Syslog over UDP (RFC 5426), off unless a port is configured. A datagram is one message. UDP has no
 * back-pressure: datagrams wait in a bounded queue for the storing thread, and when it is full — or a
 * datagram comes from an address bound to no product — the datagram is dropped and counted in
 * {@code /metrics} ({@code hutong_syslog_udp_dropped_total} by reason). Source addresses of UDP are
 * easily forged: bind only addresses of a network that the data centre controls.
 */
final class DatagramReceiver {

    private static final Logger LOG = Logger.getLogger(DatagramReceiver.class.getName());
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final ExecutorService executor;
    private final SyslogPeers peers;
    private final SyslogMetrics metrics;
    private final LineBatches batches;
    private final StreamReceiver.Limits limits;
    private final Clock clock;
    private final BlockingQueue<SyslogLine> queue;
    private volatile boolean running = true;

    DatagramReceiver(DatagramSocket socket, ExecutorService executor, SyslogPeers peers,
            org.hutong.information.application.syslog.SyslogIngestion ingestion, SyslogMetrics metrics,
            StreamReceiver.Limits limits, int queueCapacity, Clock clock) {
        this.socket = socket;
        this.executor = executor;
        this.peers = peers;
        this.metrics = metrics;
        this.limits = limits;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batches = new LineBatches(ingestion, metrics, () -> running);
    }

    void start() {
        executor.submit(this::receive);
        executor.submit(this::store);
        LOG.log(Level.INFO, "Syslog over UDP listening on {0}", socket.getLocalSocketAddress());
    }

    void stop() {
        running = false;
        socket.close();
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "Syslog over UDP: receive failed: {0}", e.toString());
                }
                continue;
            }
            Optional<String> product = peers.bindings().productOf(packet.getAddress());
            if (product.isEmpty()) {
                metrics.droppedDatagram("unbound-source");
                LOG.log(Level.FINE, "Syslog over UDP: dropped a datagram of unbound {0}", packet.getAddress());
                continue;
            }
            int length = Math.min(packet.getLength(), limits.maxLineBytes());
            byte[] bytes = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + length);
            while (length > 0 && (bytes[length - 1] == '\n' || bytes[length - 1] == '\r' || bytes[length - 1] == 0)) {
                length--;
            }
            SyslogLine line = new SyslogLine(product.get(), "udp", packet.getAddress().getHostAddress() + ":"
                    + packet.getPort(), Arrays.copyOf(bytes, length), clock.instant(), packet.getLength() > limits.maxLineBytes());
            if (!queue.offer(line)) {
                metrics.droppedDatagram("queue-full");
            }
        }
    }

    private void store() {
        List<SyslogLine> batch = new ArrayList<>(limits.batchMax());
        try {
            while (running) {
                SyslogLine first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, limits.batchMax() - 1);
                batches.store("udp", List.copyOf(batch));
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
