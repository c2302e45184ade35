package org.hutong.information.interfaces.syslog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLServerSocket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.information.application.syslog.SyslogIngestion;
import org.hutong.security.interfaces.syslog.SyslogPeers;

/**
 * The syslog receiver (GB/T 44886's Syslog data interface): RFC 5425 over TLS with client
 * certificates on {@code hutong.syslog.tls.port}, RFC 6587 over TCP on {@code hutong.syslog.tcp.port}
 * and RFC 5426 over UDP on {@code hutong.syslog.udp.port} (-1 turns one off; UDP is off by default),
 * all on {@code hutong.syslog.host}. Sockets are read on the container's managed threads.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyslogReceiver {

    private static final Logger LOG = Logger.getLogger(SyslogReceiver.class.getName());
    private static final int BACKLOG = 128;
    private static final int UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;

    @Resource
    ManagedExecutorService executor;

    @EJB
    SyslogIngestion ingestion;

    @Inject
    SyslogPeers peers;

    @Inject
    SyslogMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.syslog.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "hutong.syslog.tls.port", defaultValue = "6514")
    int tlsPort;

    @Inject
    @ConfigProperty(name = "hutong.syslog.tcp.port", defaultValue = "1514")
    int tcpPort;

    @Inject
    @ConfigProperty(name = "hutong.syslog.udp.port", defaultValue = "-1")
    int udpPort;

    @Inject
    @ConfigProperty(name = "hutong.syslog.max.line.bytes", defaultValue = "65536")
    int maxLineBytes;

    @Inject
    @ConfigProperty(name = "hutong.syslog.batch.max", defaultValue = "500")
    int batchMax;

    @Inject
    @ConfigProperty(name = "hutong.syslog.max.connections", defaultValue = "64")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "hutong.syslog.udp.queue", defaultValue = "10000")
    int udpQueue;

    private final List<StreamReceiver> streams = new ArrayList<>();
    private DatagramReceiver datagrams;

    @PostConstruct
    void start() {
        StreamReceiver.Limits limits = new StreamReceiver.Limits(maxLineBytes, batchMax, maxConnections);
        LOG.log(Level.INFO, "Syslog sources bound to products (TCP, UDP): {0}",
                peers.bindings().isEmpty() ? "none" : peers.bindings());
        try {
            InetAddress address = InetAddress.getByName(host);
            if (tlsPort >= 0) {
                SSLServerSocket tls = (SSLServerSocket) peers.tlsSockets().createServerSocket();
                tls.setNeedClientAuth(true);
                tls.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                streams.add(new StreamReceiver("tls", bind(tls, address, tlsPort), executor, peers, ingestion, metrics,
                        limits, clock));
            }
            if (tcpPort >= 0) {
                streams.add(new StreamReceiver("tcp", bind(new ServerSocket(), address, tcpPort), executor, peers,
                        ingestion, metrics, limits, clock));
            }
            if (udpPort >= 0) {
                DatagramSocket udp = new DatagramSocket(null);
                udp.setReceiveBufferSize(UDP_RECEIVE_BUFFER);
                udp.bind(new InetSocketAddress(address, udpPort));
                datagrams = new DatagramReceiver(udp, executor, peers, ingestion, metrics, limits, udpQueue, clock);
            }
        } catch (IOException | GeneralSecurityException e) {
            stop();
            throw new IllegalStateException("the syslog receiver cannot listen on " + host + ": " + e, e);
        }
        streams.forEach(StreamReceiver::start);
        if (datagrams != null) {
            datagrams.start();
        }
    }

    private static ServerSocket bind(ServerSocket socket, InetAddress address, int port) throws IOException {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), BACKLOG);
        return socket;
    }

    @PreDestroy
    void stop() {
        streams.forEach(StreamReceiver::stop);
        if (datagrams != null) {
            datagrams.stop();
        }
    }
}
