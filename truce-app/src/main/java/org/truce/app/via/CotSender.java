package org.truce.app.via;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.truce.ingest.cot.CotEvent;
import org.truce.ingest.cot.CotMapper;
import org.truce.ingest.cot.CotXml;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/**
 * Fixes and detections as Cursor on Target XML over one TCP connection, as a TAK device or gateway sends them.
 * A fix is an atom whose uid is the asset ({@code a-f-G}, with {@code <track course speed>}); a detection is an atom
 * typed by its class in MIL-STD-2525 ({@code a-u-G-E-V-A-T} …), produced by the asset
 * ({@code <link relation="p-p">}), its uid the sensor's label for the object (or a fresh one), with the Truce
 * extension {@code <_truce class side sideConfidence classConfidence count/>} for what CoT cannot say. CEP is sent
 * as CE90 ({@code ce = CEP / 0.549}), numbers in full precision. Keeps reading (and dropping) what the center
 * sends back (its CoT out), so the connection never stalls.
 */
final class CotSender implements Sender {
    private static final Duration STALE = Duration.ofMinutes(5);

    private final Socket socket;
    private final OutputStream out;
    private long unlabelled;

    CotSender(InetSocketAddress target) {
        try {
            socket = new Socket();
            socket.connect(target, 10_000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to CoT at " + target + ": " + e.getMessage(), e);
        }
        Thread.ofVirtual().name("cot-via-drain").start(() -> {
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // the connection closed: nothing more to drop
            }
        });
    }

    @Override
    public Protocol protocol() {
        return Protocol.COT;
    }

    @Override
    public int send(List<Observation> run) {
        StringBuilder sb = new StringBuilder(run.size() * 400);
        for (Observation o : run) {
            switch (o) {
                case Observation.PlatformFix f -> sb.append(fix(f));
                case Observation.Detection d -> sb.append(detection(d));
                default -> throw new IllegalArgumentException("CoT carries fixes and detections, not a " + o.kind());
            }
        }
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send CoT: " + e.getMessage(), e);
        }
        return 0;
    }

    private String fix(Observation.PlatformFix f) {
        String id = f.asset().value();
        return event(id, "a-f-G", f.time(), f.position().lat(), f.position().lon(), num(f.altitudeM()), f.cepM(),
                "<contact callsign=\"" + CotXml.attr(id) + "\"/><track course=\"" + num(f.headingDeg())
                        + "\" speed=\"" + num(f.speedMps()) + "\"/>");
    }

    private String detection(Observation.Detection d) {
        String uid = d.sensorTrackId().orElseGet(() -> d.asset().value() + ".object." + (++unlabelled));
        StringBuilder t = new StringBuilder("<_truce class=\"").append(d.objectClass().name())
                .append("\" classConfidence=\"").append(num(d.classConfidence())).append('"');
        d.side().ifPresent(s -> t.append(" side=\"").append(CotXml.attr(s.value())).append("\" sideConfidence=\"")
                .append(num(d.sideConfidence())).append('"'));
        d.appearance().ifPresent(a -> {
            t.append(" appearance=\"");
            for (int k = 0; k < a.dimensions(); k++) t.append(k == 0 ? "" : " ").append(num(a.descriptor().get(k)));
            t.append("\" appearanceSigma=\"").append(num(a.sigma())).append('"');
        });
        t.append(" count=\"").append(d.count()).append("\"/>");
        return event(uid, type(d.objectClass()), d.time(), d.position().lat(), d.position().lon(), "9999999", d.cepM(),
                "<link relation=\"p-p\" uid=\"" + CotXml.attr(d.asset().value()) + "\" type=\"a-f-G\"/>" + t);
    }

    private static String event(String uid, String type, java.time.Instant time, double lat, double lon, String hae,
                                double cepM, String detail) {
        return "<event version=\"2.0\" uid=\"" + CotXml.attr(uid) + "\" type=\"" + type + "\" how=\"m-g\" time=\""
                + time + "\" start=\"" + time + "\" stale=\"" + time.plus(STALE) + "\"><point lat=\"" + num(lat)
                + "\" lon=\"" + num(lon) + "\" hae=\"" + hae + "\" ce=\"" + num(cepM / CotMapper.CEP_PER_CE90)
                + "\" le=\"" + (long) CotEvent.UNKNOWN_ERROR + "\"/><detail>" + detail + "</detail></event>";
    }

    /** The class as a 2525 ground atom of unknown affiliation (civilian vehicles neutral), for TAK users' symbols. */
    static String type(ObjectClass c) {
        return switch (c) {
            case TANK -> "a-u-G-E-V-A-T";
            case APC -> "a-u-G-E-V-A-A";
            case ARTILLERY -> "a-u-G-E-W";
            case TRUCK -> "a-u-G-E-V-U";
            case INFANTRY -> "a-u-G-U-C-I";
            case CIVILIAN_VEHICLE -> "a-n-G-E-V-C";
            case PERSONNEL, UNKNOWN -> "a-u-G";
        };
    }

    /** Shortest decimal that reads back as the same double, never in exponent notation. */
    static String num(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
    }
}
