package org.truce.ingest.cot;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;

/**
 * The TAK protocol's {@code TakMessage} protobuf (version 1), encoded and decoded with protobuf-java's coded streams.
 * The messages, from the public TAK protocol description (takmessage.proto, cotevent.proto, detail.proto,
 * contact.proto, track.proto):
 * <pre>
 * message TakMessage { TakControl takControl = 1; CotEvent cotEvent = 2; }
 * message TakControl { uint32 minProtoVersion = 1; uint32 maxProtoVersion = 2; string contactUid = 3; }
 * message CotEvent   { string type = 1; string access = 2; string qos = 3; string opex = 4; string uid = 5;
 *                      uint64 sendTime = 6; uint64 startTime = 7; uint64 staleTime = 8; string how = 9;
 *                      double lat = 10; double lon = 11; double hae = 12; double ce = 13; double le = 14;
 *                      Detail detail = 15; }            // times in milliseconds since the epoch
 * message Detail     { string xmlDetail = 1; Contact contact = 2; Group group = 3;
 *                      PrecisionLocation precisionLocation = 4; Status status = 5; Takv takv = 6; Track track = 7; }
 * message Contact    { string endpoint = 1; string callsign = 2; }
 * message Track      { double speed = 1; double course = 2; }
 * </pre>
 * Unknown fields are skipped. Stateless, thread-safe.
 */
public final class TakProto {
    /** The first byte of every streaming frame and of the mesh (UDP) header. */
    public static final int MAGIC = 0xBF;

    private TakProto() {}

    /** Decodes a TakMessage; the event is absent when the message only carries a TakControl. */
    public static Optional<CotEvent> decode(byte[] bytes) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            CotEvent event = null;
            while (true) {
                int tag = in.readTag();
                if (tag == 0) break;
                if (WireFormat.getTagFieldNumber(tag) == 2 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    event = cotEvent(CodedInputStream.newInstance(in.readByteArray()));
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
            return Optional.ofNullable(event);
        } catch (InvalidProtocolBufferException e) {
            throw new RejectedInput(Reasons.MALFORMED, "TAK protobuf: " + e.getMessage());
        } catch (IOException e) {
            throw new RejectedInput(Reasons.MALFORMED, "TAK protobuf: " + e.getMessage());
        }
    }

    private static CotEvent cotEvent(CodedInputStream in) throws IOException {
        String type = "", uid = "", how = "";
        long send = 0, start = 0, stale = 0;
        double lat = 0, lon = 0, hae = CotEvent.UNKNOWN_ERROR, ce = CotEvent.UNKNOWN_ERROR, le = CotEvent.UNKNOWN_ERROR;
        String xmlDetail = "";
        Optional<String> callsign = Optional.empty();
        Optional<Double> speed = Optional.empty(), course = Optional.empty();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> type = in.readString();
                case 5 -> uid = in.readString();
                case 6 -> send = in.readUInt64();
                case 7 -> start = in.readUInt64();
                case 8 -> stale = in.readUInt64();
                case 9 -> how = in.readString();
                case 10 -> lat = in.readDouble();
                case 11 -> lon = in.readDouble();
                case 12 -> hae = in.readDouble();
                case 13 -> ce = in.readDouble();
                case 14 -> le = in.readDouble();
                case 15 -> {
                    CodedInputStream d = CodedInputStream.newInstance(in.readByteArray());
                    while (true) {
                        int t = d.readTag();
                        if (t == 0) break;
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case 1 -> xmlDetail = d.readString();
                            case 2 -> callsign = contactCallsign(CodedInputStream.newInstance(d.readByteArray()));
                            case 7 -> {
                                CodedInputStream tr = CodedInputStream.newInstance(d.readByteArray());
                                while (true) {
                                    int tt = tr.readTag();
                                    if (tt == 0) break;
                                    switch (WireFormat.getTagFieldNumber(tt)) {
                                        case 1 -> speed = Optional.of(tr.readDouble());
                                        case 2 -> course = Optional.of(tr.readDouble());
                                        default -> tr.skipField(tt);
                                    }
                                }
                            }
                            default -> d.skipField(t);
                        }
                    }
                }
                default -> in.skipField(tag);
            }
        }
        if (uid.isBlank() || type.isBlank()) throw new RejectedInput(Reasons.MALFORMED, "TAK CotEvent lacks uid or type");
        CotEvent.Detail parsed = xmlDetail.isBlank() ? CotEvent.Detail.EMPTY : CotXml.parseDetail(xmlDetail);
        CotEvent.Detail detail = new CotEvent.Detail(parsed.linkParent(), callsign.or(parsed::callsign),
                parsed.remarks(), course.or(parsed::course), speed.or(parsed::speed), parsed.truce(),
                parsed.takControl(), "");
        return new CotEvent(uid, type, how, Instant.ofEpochMilli(send), Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(stale), lat, lon, hae, ce, le, detail);
    }

    private static Optional<String> contactCallsign(CodedInputStream c) throws IOException {
        Optional<String> callsign = Optional.empty();
        while (true) {
            int t = c.readTag();
            if (t == 0) break;
            if (WireFormat.getTagFieldNumber(t) == 2) callsign = Optional.of(c.readString());
            else c.skipField(t);
        }
        return callsign;
    }

    /** Encodes a TakMessage carrying the event; its detail goes out as {@code xmlDetail}. */
    public static byte[] encode(CotEvent e) {
        try {
            ByteArrayOutputStream detail = new ByteArrayOutputStream();
            CodedOutputStream d = CodedOutputStream.newInstance(detail);
            if (!e.detail().xml().isEmpty()) d.writeString(1, e.detail().xml());
            d.flush();
            ByteArrayOutputStream event = new ByteArrayOutputStream();
            CodedOutputStream o = CodedOutputStream.newInstance(event);
            o.writeString(1, e.type());
            o.writeString(5, e.uid());
            o.writeUInt64(6, e.time().toEpochMilli());
            o.writeUInt64(7, e.start().toEpochMilli());
            o.writeUInt64(8, e.stale().toEpochMilli());
            o.writeString(9, e.how());
            o.writeDouble(10, e.lat());
            o.writeDouble(11, e.lon());
            o.writeDouble(12, e.hae());
            o.writeDouble(13, e.ce());
            o.writeDouble(14, e.le());
            o.writeByteArray(15, detail.toByteArray());
            o.flush();
            ByteArrayOutputStream msg = new ByteArrayOutputStream();
            CodedOutputStream m = CodedOutputStream.newInstance(msg);
            m.writeByteArray(2, event.toByteArray());
            m.flush();
            return msg.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A streaming frame: 0xBF, the varint length, the TakMessage. */
    public static byte[] frame(byte[] takMessage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(takMessage.length + 6);
        out.write(MAGIC);
        try {
            CodedOutputStream o = CodedOutputStream.newInstance(out);
            o.writeUInt32NoTag(takMessage.length);
            o.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        out.writeBytes(takMessage);
        return out.toByteArray();
    }

    /** A mesh (UDP) datagram: 0xBF 0x01 0xBF, then the TakMessage. */
    public static byte[] meshDatagram(byte[] takMessage) {
        byte[] out = new byte[takMessage.length + 3];
        out[0] = (byte) MAGIC;
        out[1] = 1;
        out[2] = (byte) MAGIC;
        System.arraycopy(takMessage, 0, out, 3, takMessage.length);
        return out;
    }
}
