package org.truce.ground;

/** Identifier of an asset, readable and stable (e.g. {@code RU-UAV-07}). */
public record AssetId(String value) implements Comparable<AssetId> {
    public AssetId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("AssetId must not be blank");
    }

    public static AssetId of(String value) {
        return new AssetId(value);
    }

    @Override
    public int compareTo(AssetId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
