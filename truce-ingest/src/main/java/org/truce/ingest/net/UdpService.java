package org.truce.ingest.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A UDP listener that hands each datagram to a handler on one (virtual) thread, in arrival order. A handler that
 * throws is logged and the listener goes on: no datagram can stop it. Thread-safe start/stop.
 */
public final class UdpService {
    private static final int MAX_DATAGRAM = 65_535;

    private final String name;
    private final BiConsumer<byte[], SocketAddress> handler;
    private volatile DatagramSocket socket;
    private Thread thread;

    /** @param name for the thread and log lines, e.g. {@code mavlink} */
    public UdpService(String name, BiConsumer<byte[], SocketAddress> handler) {
        this.name = Objects.requireNonNull(name);
        this.handler = Objects.requireNonNull(handler);
    }

    /** Binds {@code port} on all interfaces (0 = any free port) and starts receiving. */
    public synchronized void start(int port) {
        if (socket != null) throw new IllegalStateException(name + " is already started");
        try {
            DatagramSocket s = new DatagramSocket(null);
            s.setReuseAddress(true);
            s.setReceiveBufferSize(1 << 20);
            s.bind(new InetSocketAddress(port));
            socket = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind UDP port " + port + " for " + name, e);
        }
        DatagramSocket s = socket;
        thread = Thread.ofVirtual().name(name + "-udp").start(() -> loop(s));
    }

    public synchronized void stop() {
        if (socket == null) return;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket = null;
    }

    /** The bound port; only while started. */
    public int boundPort() {
        DatagramSocket s = socket;
        if (s == null) throw new IllegalStateException(name + " is not started");
        return s.getLocalPort();
    }

    private void loop(DatagramSocket s) {
        byte[] buf = new byte[MAX_DATAGRAM];
        while (!s.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                System.getLogger(UdpService.class.getName()).log(System.Logger.Level.WARNING,
                        name + ": receive failed", e);
                continue;
            }
            try {
                handler.accept(Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength()),
                        p.getSocketAddress());
            } catch (RuntimeException e) {
                System.getLogger(UdpService.class.getName()).log(System.Logger.Level.WARNING,
                        name + ": handler failed on a datagram from " + p.getSocketAddress(), e);
            }
        }
    }
}
