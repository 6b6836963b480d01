package org.truce.ingest.cot;

import com.google.protobuf.CodedInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;

/**
 * CoT over TCP (default port 8087, and TLS on 8089 when the center has a certificate: {@link #startTls}) for
 * plain XML clients and TAK streaming clients alike.
 *
 * <p>Every connection starts in XML: events follow each other, each ending with {@code </event>}. The server first
 * offers the TAK protocol ({@code t-x-takp-v}, TakProtocolSupport version 1); a client that answers with
 * {@code t-x-takp-q} (TakRequest version 1) gets {@code t-x-takp-r} (TakResponse status true) and from then on
 * both directions use streaming frames: {@code 0xBF}, a varint length, a TakMessage. Clients that never ask stay
 * on XML. Events received are ingested through {@link CotIngest}; {@link #broadcast} sends an event to every
 * connected client in its own encoding (CoT out). A malformed or oversized event is counted and skipped; the
 * connection goes on (in XML, reading resumes after the next {@code </event>}; in TAK, at the next {@code 0xBF}).
 * Thread-safe; one virtual thread per connection.
 */
public final class CotTcpServer {
    public static final int DEFAULT_PORT = 8087;
    public static final int DEFAULT_TLS_PORT = 8089;
    private static final int MAX_QUEUED = 10_000;
    private static final byte[] END = "</event>".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger(CotTcpServer.class.getName());

    private final CotIngest ingest;
    private final InstantSource clock;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile Supplier<List<CotEvent>> greeting = List::of;
    private ServerSocket server;
    private ServerSocket tlsServer;

    public CotTcpServer(CotIngest ingest, InstantSource clock) {
        this.ingest = Objects.requireNonNull(ingest);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Events sent to each client when it connects (the zones), after the protocol offer. */
    public void setGreeting(Supplier<List<CotEvent>> greeting) {
        this.greeting = Objects.requireNonNull(greeting);
    }

    /** Listens for plain TCP clients on {@code port} (0 = any free port). */
    public synchronized void start(int port) {
        if (server != null) throw new IllegalStateException("CoT TCP server already started");
        try {
            server = listen(new ServerSocket(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind TCP port " + port + " for CoT", e);
        }
    }

    /**
     * Also listens for TLS clients on {@code port} (TAK's 8089), with the center's certificate in {@code tls}.
     *
     * @param needClientAuth require a client certificate trusted by {@code tls} (TAK servers usually do)
     */
    public synchronized void startTls(int port, SSLContext tls, boolean needClientAuth) {
        if (tlsServer != null) throw new IllegalStateException("CoT TLS server already started");
        try {
            SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            s.setNeedClientAuth(needClientAuth);
            tlsServer = listen(s, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind TLS port " + port + " for CoT", e);
        }
    }

    private ServerSocket listen(ServerSocket s, int port) throws IOException {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(port));
        Thread.ofVirtual().name("cot-accept-" + s.getLocalPort()).start(() -> acceptLoop(s));
        return s;
    }

    public synchronized void stop() {
        for (ServerSocket s : new ServerSocket[] {server, tlsServer}) {
            if (s == null) continue;
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a listening socket cannot lose data
            }
        }
        server = null;
        tlsServer = null;
        connections.forEach(Connection::close);
    }

    /** The plain TCP port; only while started. */
    public int boundPort() {
        ServerSocket s = server;
        if (s == null) throw new IllegalStateException("CoT TCP server is not started");
        return s.getLocalPort();
    }

    /** The TLS port; only while started with {@link #startTls}. */
    public int boundTlsPort() {
        ServerSocket s = tlsServer;
        if (s == null) throw new IllegalStateException("CoT TLS server is not started");
        return s.getLocalPort();
    }

    /** How many clients are connected, and how many of them negotiated the TAK protocol. */
    public Map<String, Integer> clients() {
        int tak = (int) connections.stream().filter(c -> c.tak).count();
        return Map.of("xml", connections.size() - tak, "tak", tak);
    }

    /** Sends the event to every connected client; a client that cannot take it is disconnected. */
    public void broadcast(CotEvent e) {
        byte[] xml = CotXml.write(e).getBytes(StandardCharsets.UTF_8);
        byte[] frame = TakProto.frame(TakProto.encode(e));
        for (Connection c : connections) c.sendEvent(xml, frame);
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                Connection c = new Connection(socket);
                connections.add(c);
                Thread.ofVirtual().name("cot-" + socket.getRemoteSocketAddress()).start(c::run);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "CoT accept failed", e);
            }
        }
    }

    private CotEvent control(String type, String detailXml) {
        Instant now = clock.instant();
        return new CotEvent("takPong", type, "m-g", now, now, now.plusSeconds(60), 0, 0, 0,
                CotEvent.UNKNOWN_ERROR, CotEvent.UNKNOWN_ERROR, CotEvent.Detail.ofXml(detailXml));
    }

    /**
     * One client. Its reader runs on one thread; what is sent to it is queued and written by a second thread, so a
     * slow client never holds up the pipeline (whose listener thread calls {@link #broadcast}); a client that
     * falls {@value #MAX_QUEUED} events behind is disconnected.
     */
    private final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>(MAX_QUEUED);
        private volatile boolean tak;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            Thread.ofVirtual().name("cot-out-" + socket.getRemoteSocketAddress()).start(this::writeLoop);
        }

        private void writeLoop() {
            try {
                while (!socket.isClosed()) {
                    byte[] next = outbox.poll(1, TimeUnit.SECONDS);
                    if (next == null) continue;
                    out.write(next);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                close();
            }
        }

        void run() {
            try (socket) {
                send(CotXml.write(control("t-x-takp-v",
                        "<TakControl><TakProtocolSupport version=\"1\"/></TakControl>")).getBytes(StandardCharsets.UTF_8));
                for (CotEvent e : greeting.get()) send(CotXml.write(e).getBytes(StandardCharsets.UTF_8));
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (!socket.isClosed()) {
                    if (tak) readFrame(in);
                    else readXml(in);
                }
            } catch (EOFException | SocketException gone) {
                // the client left
            } catch (IOException e) {
                LOG.log(System.Logger.Level.INFO, "CoT connection " + socket.getRemoteSocketAddress() + " failed: " + e);
            } finally {
                connections.remove(this);
            }
        }

        /** Reads up to and including the next {@code </event>}, then ingests it. */
        private void readXml(InputStream in) throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
            int max = ingest.maxFrameBytes();
            boolean oversize = false;
            int matched = 0;
            while (true) {
                int b = in.read();
                if (b < 0) throw new EOFException();
                matched = b == END[matched] ? matched + 1 : (b == END[0] ? 1 : 0);
                if (!oversize) {
                    buf.write(b);
                    if (buf.size() > max) {
                        oversize = true;
                        buf.reset();
                    }
                }
                if (matched == END.length) break;
            }
            if (oversize) {
                ingest.reject(new RejectedInput(Reasons.OVERSIZE, "CoT XML event from " + socket.getRemoteSocketAddress()
                        + " exceeds " + max + " bytes"));
                return;
            }
            byte[] event = stripJunk(buf.toByteArray());
            Optional<CotEvent> e = ingest.xml(event);
            if (e.isPresent() && "t-x-takp-q".equals(e.get().type())) {
                boolean ok = "1".equals(e.get().detail().takControl().get("request"));
                byte[] response = CotXml.write(control("t-x-takp-r", "<TakControl><TakResponse status=\"" + ok
                        + "\"/></TakControl>")).getBytes(StandardCharsets.UTF_8);
                synchronized (this) {
                    // the response is the last XML the client gets: no broadcast may slip in between
                    send(response);
                    tak = ok;
                }
            }
        }

        /** Drops bytes before the event's start (noise, a previous frame's tail), counting them if not blank. */
        private byte[] stripJunk(byte[] event) {
            String s = new String(event, StandardCharsets.ISO_8859_1);
            int start = -1;
            for (String mark : new String[] {"<?xml", "<!DOCTYPE", "<event"}) {
                int i = s.indexOf(mark);
                if (i >= 0 && (start < 0 || i < start)) start = i;
            }
            if (start <= 0) return event; // at the start, or no event at all: the parser says what is wrong
            if (!s.substring(0, start).isBlank()) {
                ingest.reject(new RejectedInput(Reasons.MALFORMED, start + " bytes of non-CoT data from "
                        + socket.getRemoteSocketAddress() + " skipped"));
            }
            return java.util.Arrays.copyOfRange(event, start, event.length);
        }

        /** Reads one TAK streaming frame and ingests it; resynchronises on the magic byte after garbage. */
        private void readFrame(InputStream in) throws IOException {
            int b = in.read();
            if (b < 0) throw new EOFException();
            if (b != TakProto.MAGIC) {
                int skipped = 1;
                while ((b = in.read()) != TakProto.MAGIC) {
                    if (b < 0) throw new EOFException();
                    skipped++;
                }
                ingest.reject(new RejectedInput(Reasons.MALFORMED, skipped + " bytes without the TAK magic 0xBF from "
                        + socket.getRemoteSocketAddress() + " skipped"));
            }
            int first = in.read();
            if (first < 0) throw new EOFException();
            int length;
            try {
                length = CodedInputStream.readRawVarint32(first, in);
            } catch (IOException e) {
                ingest.reject(new RejectedInput(Reasons.MALFORMED, "bad TAK frame length: " + e.getMessage()));
                return;
            }
            if (length < 0 || length > ingest.maxFrameBytes()) {
                ingest.reject(new RejectedInput(Reasons.OVERSIZE, "TAK frame of " + Integer.toUnsignedString(length)
                        + " bytes from " + socket.getRemoteSocketAddress() + " exceeds " + ingest.maxFrameBytes()));
                if (length > 0) in.skipNBytes(length);
                return;
            }
            byte[] message = in.readNBytes(length);
            if (message.length < length) throw new EOFException();
            ingest.proto(message);
        }

        /** Queues an event in the encoding this client speaks. */
        synchronized void sendEvent(byte[] xml, byte[] frame) {
            send(tak ? frame : xml);
        }

        void send(byte[] bytes) {
            if (!outbox.offer(bytes)) {
                LOG.log(System.Logger.Level.WARNING, "CoT client " + socket.getRemoteSocketAddress()
                        + " is " + MAX_QUEUED + " events behind: disconnected");
                close();
            }
        }

        void close() {
            connections.remove(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
