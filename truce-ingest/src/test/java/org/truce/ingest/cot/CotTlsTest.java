package org.truce.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.ingest.Fixture.await;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ingest.Fixture;
import org.truce.sensing.Observation;

/** A TLS client (as ATAK on port 8089) against a center certificate made with the JDK's keytool. */
class CotTlsTest {
    @TempDir
    Path dir;

    @Test
    void aTlsClientIsServedLikeAPlainOne() throws Exception {
        Path ks = dir.resolve("center.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "center", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=truce-center", "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(ks.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        Fixture fx = new Fixture();
        CotTcpServer server = new CotTcpServer(new CotIngest(fx.gate, new CotMapper(fx.gate.validator(), Map.of())), fx.clock);
        server.startTls(0, serverTls, false);
        try (SSLSocket s = (SSLSocket) clientTls.getSocketFactory().createSocket("localhost", server.boundTlsPort())) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            assertThat(CotNetworkTest.readXmlEvent(in)).contains("t-x-takp-v");
            s.getOutputStream().write(CotSamples.bytes(CotSamples.detection("tls-1", Fixture.T0, 39.81, 46.75)));
            s.getOutputStream().flush();
            await("detection over TLS", () -> fx.accepted(Observation.Detection.class).size() == 1);
        } finally {
            server.stop();
        }
    }
}
