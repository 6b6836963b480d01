package org.truce.ingest.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.truce.codec.TruceJson;
import org.truce.ingest.IngestGate;
import org.truce.ingest.ObservationValidator;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ingest.Verdict;
import org.truce.ingest.json.ObservationJson;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * Subscribes to a broker's topic tree {@code <prefix>/<contingent>/<asset>/telemetry} and {@code …/detections}
 * (QoS 1) and ingests each message's JSON payload: either an observation in the Truce JSON form
 * ({@link TruceJson}, with {@code "kind"}) or, on {@code telemetry}, the simple form
 * {@code {"time":"…Z","lat":…,"lon":…,"alt":…,"cep":…,"heading":…,"speed":…}} (alt, cep, heading, speed optional).
 * The topic's asset must be registered and owned by the topic's contingent ({@code topic-mismatch}), and must be the
 * payload's asset ({@code wrong-asset}). The observation form is read by {@link ObservationJson}, as HTTP reads it,
 * and every observation goes through the {@link IngestGate}: the same JSON is refused with the same reason and field
 * on both channels.
 *
 * <p><b>Acknowledgement.</b> Messages are acknowledged manually: a PUBACK goes back only after the center answered
 * — accepted (durable in the log) or refused (counted; redelivering it would not change the verdict). When the
 * center fails (the store is down) the message is not acknowledged, and the broker delivers it again when the
 * persistent session reconnects. The client reconnects automatically with back-off. Messages are handled one at a
 * time in arrival order. Thread-safe.
 */
public final class MqttAdapter {
    public static final String CHANNEL = "mqtt";
    public static final int DEFAULT_PORT = 1883;
    private static final System.Logger LOG = System.getLogger(MqttAdapter.class.getName());

    private final IngestGate gate;
    private final ObservationValidator validator;
    private final MqttSettings settings;
    private final ObjectMapper json = TruceJson.mapper();
    private final ObservationJson observations;
    private Mqtt5AsyncClient client;
    private ExecutorService worker;

    public MqttAdapter(IngestGate gate, MqttSettings settings) {
        this.gate = Objects.requireNonNull(gate);
        this.validator = gate.validator();
        this.observations = new ObservationJson(json, validator);
        this.settings = Objects.requireNonNull(settings);
    }

    /**
     * Connects to the broker and subscribes; waits up to {@link MqttSettings#connectTimeout()} for it to answer.
     *
     * @throws IllegalStateException naming the broker when it does not answer
     */
    public synchronized void start(String host, int port) {
        if (client != null) throw new IllegalStateException("MQTT adapter already started");
        worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mqtt-ingest").factory());
        var builder = MqttClient.builder().useMqttVersion5().identifier(settings.clientId())
                .serverHost(host).serverPort(port).automaticReconnectWithDefaultConfig();
        if (settings.username().isPresent()) {
            builder = builder.simpleAuth().username(settings.username().get())
                    .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        Mqtt5AsyncClient c = builder.buildAsync();
        // Registered before connecting, so messages the broker kept for this session are not missed.
        c.publishes(MqttGlobalPublishFilter.ALL, this::message, worker, true);
        try {
            long timeout = settings.connectTimeout().toMillis();
            c.connectWith().cleanStart(false).sessionExpiryInterval(settings.sessionExpiry().toSeconds()).send()
                    .get(timeout, TimeUnit.MILLISECONDS);
            for (String leaf : new String[] {"telemetry", "detections"}) {
                c.subscribeWith().topicFilter(settings.topicPrefix() + "/+/+/" + leaf).qos(MqttQos.AT_LEAST_ONCE)
                        .send().get(timeout, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            c.disconnect();
            worker.shutdownNow();
            throw new IllegalStateException("MQTT broker " + host + ":" + port + " does not answer: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.toString()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to MQTT broker " + host + ":" + port, e);
        }
        client = c;
    }

    public synchronized void stop() {
        if (client == null) return;
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "MQTT disconnect: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdown();
        client = null;
    }

    public boolean connected() {
        Mqtt5AsyncClient c = client;
        return c != null && c.getState().isConnected();
    }

    private void message(Mqtt5Publish publish) {
        try {
            handle(publish.getTopic().toString(), publish.getPayloadAsBytes());
            publish.acknowledge();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "MQTT message on " + publish.getTopic()
                    + " not acknowledged: the center failed; the broker will deliver it again", e);
        }
    }

    /** Ingests one message; returns the gate's answer. Throws only when the center itself failed. */
    public Verdict handle(String topic, byte[] payload) {
        Observation o;
        try {
            o = decode(topic, payload);
        } catch (RejectedInput r) {
            return gate.reject(CHANNEL, r);
        }
        return gate.submit(CHANNEL, o);
    }

    private Observation decode(String topic, byte[] payload) {
        String[] levels = topic.split("/");
        String[] prefix = settings.topicPrefix().split("/");
        if (levels.length != prefix.length + 3) {
            throw new RejectedInput(Reasons.MALFORMED, "topic " + topic + " is not " + settings.topicPrefix()
                    + "/<contingent>/<asset>/telemetry|detections");
        }
        String contingent = levels[prefix.length], assetName = levels[prefix.length + 1], leaf = levels[prefix.length + 2];
        validator.frameSize(payload.length, "MQTT payload on " + topic);
        Asset asset = validator.asset(AssetId.of(assetName));
        if (!asset.owner().value().equals(contingent)) {
            throw new RejectedInput(Reasons.TOPIC_MISMATCH, "topic " + topic + ": asset " + asset.id()
                    + " belongs to contingent " + asset.owner().value() + ", not " + contingent);
        }
        JsonNode tree;
        try {
            tree = json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new RejectedInput(Reasons.MALFORMED, "topic " + topic + ": not JSON: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new RejectedInput(Reasons.MALFORMED, "topic " + topic + ": payload is not a JSON object");
        }
        if (tree.has("kind")) {
            // The observation form is read exactly as HTTP reads it, so both refuse the same JSON alike.
            try {
                return observations.read(tree, asset.id());
            } catch (RejectedInput e) {
                throw new RejectedInput(e.reason(), e.field(), "topic " + topic + ": " + e.getMessage());
            }
        }
        return telemetry(topic, leaf, asset, tree);
    }

    private Observation telemetry(String topic, String leaf, Asset asset, JsonNode t) {
        if (!"telemetry".equals(leaf)) {
            throw new RejectedInput(Reasons.MALFORMED, "topic " + topic + ": detections need the observation JSON "
                    + "with \"kind\":\"detection\"");
        }
        Instant time;
        try {
            time = Instant.parse(text(t, "time", topic));
        } catch (DateTimeParseException e) {
            throw RejectedInput.at("time", Reasons.MALFORMED, "topic " + topic + ": time is not an ISO-8601 UTC time");
        }
        var p = validator.point(number(t, "lat", topic), number(t, "lon", topic), "");
        double alt = t.has("alt") ? validator.altitude(number(t, "alt", topic), "alt") : 0;
        double cep = t.has("cep") ? validator.nonNegative(number(t, "cep", topic), "cep") : settings.defaultCepM();
        double heading = t.has("heading") ? validator.finite(number(t, "heading", topic), "heading") : 0;
        double speed = t.has("speed") ? validator.nonNegative(number(t, "speed", topic), "speed") : 0;
        return new Observation.PlatformFix(asset.id(), time, p, alt, cep, ((heading % 360) + 360) % 360, speed);
    }

    private static String text(JsonNode t, String field, String topic) {
        JsonNode v = t.get(field);
        if (v == null || !v.isTextual()) {
            throw RejectedInput.at(field, Reasons.MALFORMED, "topic " + topic + ": " + field + " is required text");
        }
        return v.asText();
    }

    private static double number(JsonNode t, String field, String topic) {
        JsonNode v = t.get(field);
        if (v == null || !v.isNumber()) {
            throw RejectedInput.at(field, Reasons.MALFORMED, "topic " + topic + ": " + field
                    + " is required and must be a number");
        }
        return v.asDouble();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
