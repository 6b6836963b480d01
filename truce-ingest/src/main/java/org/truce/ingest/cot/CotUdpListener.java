package org.truce.ingest.cot;

import java.net.SocketAddress;
import java.util.Objects;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ingest.net.UdpService;

/**
 * CoT over UDP (default port 8087): one event per datagram, either an XML event or a TAK mesh message
 * ({@code 0xBF 0x01 0xBF} then a TakMessage protobuf). Thread-safe.
 */
public final class CotUdpListener {
    public static final int DEFAULT_PORT = 8087;

    private final CotIngest ingest;
    private final UdpService udp = new UdpService("cot", this::datagram);

    public CotUdpListener(CotIngest ingest) {
        this.ingest = Objects.requireNonNull(ingest);
    }

    public void start(int port) { udp.start(port); }

    public void stop() { udp.stop(); }

    public int boundPort() { return udp.boundPort(); }

    private void datagram(byte[] data, SocketAddress from) {
        if (data.length > ingest.maxFrameBytes()) {
            ingest.reject(new RejectedInput(Reasons.OVERSIZE, "CoT datagram of " + data.length + " bytes from " + from
                    + " exceeds " + ingest.maxFrameBytes()));
            return;
        }
        if (data.length >= 3 && (data[0] & 0xFF) == TakProto.MAGIC && (data[2] & 0xFF) == TakProto.MAGIC) {
            if (data[1] != 1) {
                ingest.reject(new RejectedInput(Reasons.MALFORMED, "TAK mesh version " + data[1] + " from " + from
                        + " is not supported (only 1)"));
                return;
            }
            ingest.proto(java.util.Arrays.copyOfRange(data, 3, data.length));
        } else {
            ingest.xml(data);
        }
    }
}
