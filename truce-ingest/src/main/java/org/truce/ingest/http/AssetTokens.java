package org.truce.ingest.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.truce.sensing.Asset;
import org.truce.store.AssetRegistry;

/**
 * Finds the asset a bearer token belongs to ({@link Asset#apiToken()}). Both sides are hashed with SHA-256 and
 * compared with {@link MessageDigest#isEqual}, and every registered token is compared, so the time taken tells
 * neither which asset matched nor how much of a token was right. Reads the registry on each call (a re-registered
 * asset's new token works at once). A token registered for two assets identifies neither and is refused (a
 * registry mistake that must not let one asset report as the other). Thread-safe.
 */
public final class AssetTokens {
    private final AssetRegistry registry;

    public AssetTokens(AssetRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** The asset whose token is {@code token}; empty when none (or the token is empty). */
    public Optional<Asset> find(String token) {
        if (token.isEmpty()) return Optional.empty();
        byte[] given = sha256(token);
        List<Asset> matches = new ArrayList<>(1);
        for (Asset a : registry.all()) {
            if (a.apiToken().isEmpty() || a.apiToken().get().isEmpty()) continue;
            if (MessageDigest.isEqual(given, sha256(a.apiToken().get()))) matches.add(a);
        }
        if (matches.size() > 1) {
            System.getLogger(AssetTokens.class.getName()).log(System.Logger.Level.WARNING, "assets "
                    + matches.stream().map(a -> a.id().value()).toList() + " share one API token; it is refused");
            return Optional.empty();
        }
        return matches.stream().findFirst();
    }

    /**
     * The token of an {@code Authorization} header value ({@code Bearer <token>}, scheme case-insensitive);
     * empty when the header is absent or uses another scheme.
     */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null) return Optional.empty();
        String h = authorization.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) return Optional.empty();
        return Optional.of(h.substring(7).strip()).filter(t -> !t.isEmpty());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
