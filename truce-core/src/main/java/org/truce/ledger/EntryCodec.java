package org.truce.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * The encoding of log entries, format {@code truce-entry v1}: {@code "truce-entry v1 " kind-name LF canonical-JSON}.
 * The core decides what goes into the log and when; how a payload becomes bytes is a format, kept out of the
 * core: the one implementation is {@code org.truce.codec.JsonEntryCodec} in truce-formats, which every ledger,
 * recorder and verifier is given. Implementations are deterministic (equal payloads give equal bytes, for ever:
 * leaf hashes and signed checkpoints depend on them) and thread-safe.
 */
public interface EntryCodec {
    /** The first bytes of every v1 entry. */
    String HEADER_PREFIX = "truce-entry v1 ";

    /**
     * The entry's bytes.
     *
     * @throws IllegalArgumentException when the payload cannot be encoded (e.g. a non-finite number)
     */
    byte[] encode(EntryKind kind, Object payload);

    /** Parses an entry; throws {@link EntryFormatException} saying what is wrong. */
    DecodedEntry decode(byte[] entry);

    /** Decodes a payload into its record type (e.g. {@link CheckpointRefusal}); throws {@link EntryFormatException}. */
    default <T> T payload(DecodedEntry entry, Class<T> type) {
        return entry.payload().as(type);
    }

    /** An entry read back: its kind and its payload. */
    record DecodedEntry(EntryKind kind, Payload payload) {
        public DecodedEntry {
            Objects.requireNonNull(kind); Objects.requireNonNull(payload);
        }
    }

    /** A decoded payload (a JSON object), read without knowing the JSON library behind it. */
    interface Payload {
        /** A top-level scalar member as text (a number as its decimal text); empty when absent, null or not a scalar. */
        Optional<String> text(String member);

        /** The whole payload as {@code type}; throws {@link EntryFormatException} naming why it does not read. */
        <T> T as(Class<T> type);

        /**
         * The canonical entry of kind {@code kind} whose payload is the object member {@code member} exactly as
         * logged (no round trip through a Java type, so a third party recomputes what was written); empty when
         * that member is absent or not an object.
         */
        Optional<byte[]> entryOf(String member, EntryKind kind);
    }
}
