package org.truce.app.via;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.truce.codec.TruceJson;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * Observations of any kind as MQTT 5 messages (QoS 1) in the Truce JSON form, on
 * {@code <prefix>/<contingent>/<asset>/telemetry} (fixes) or {@code …/detections} (the rest), as a sensor fleet's
 * gateway publishes them. JSON keeps every number exactly. One client connection, publishing in order; {@link #send}
 * returns when the broker has acknowledged the run.
 */
final class MqttSender implements Sender {
    private final Mqtt5AsyncClient client;
    private final String prefix;
    private final Map<AssetId, String> owners;
    private final String broker;

    MqttSender(String host, int port, String prefix, Map<AssetId, String> owners) {
        this.prefix = Objects.requireNonNull(prefix);
        this.owners = Map.copyOf(owners);
        this.broker = host + ":" + port;
        this.client = MqttClient.builder().useMqttVersion5().identifier("truce-via-" + UUID.randomUUID())
                .serverHost(host).serverPort(port).buildAsync();
        try {
            client.connect().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("MQTT broker " + broker + " does not answer: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to MQTT broker " + broker, e);
        }
    }

    @Override
    public Protocol protocol() {
        return Protocol.MQTT;
    }

    @Override
    public int send(List<Observation> run) {
        List<CompletableFuture<Mqtt5PublishResult>> acks = new ArrayList<>(run.size());
        for (Observation o : run) {
            String owner = owners.get(o.asset());
            if (owner == null) throw new IllegalArgumentException("unknown asset " + o.asset());
            String leaf = o instanceof Observation.PlatformFix ? "telemetry" : "detections";
            byte[] payload;
            try {
                payload = TruceJson.mapper().writeValueAsBytes(o);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode " + o.kind() + ": " + e.getMessage(), e);
            }
            acks.add(client.publishWith().topic(prefix + "/" + owner + "/" + o.asset().value() + "/" + leaf)
                    .qos(MqttQos.AT_LEAST_ONCE).payload(payload).send());
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("MQTT broker " + broker + " did not acknowledge: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + broker, e);
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the broker is gone: nothing left to close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
