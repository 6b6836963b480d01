package org.truce.store.jdbc;

import static org.truce.store.StoreFixtures.at;
import static org.truce.store.StoreFixtures.fix;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for the H2 tests: opens the store in {@code args[0]}, appends {@code args[1]} fixes,
 * prints {@code READY <size>} (or {@code FAILED <message>}), then holds the store until its stdin closes.
 */
public final class StoreHolder {
    private StoreHolder() {}

    public static void main(String[] args) throws IOException {
        try (JdbcStore store = JdbcStore.h2(Path.of(args[0]))) {
            int n = Integer.parseInt(args[1]);
            for (int i = 0; i < n; i++) store.observations().append(at(1000 + i), "sim", fix("RU-UAV-01", at(i)));
            System.out.println("READY " + store.observations().size());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the store open until the parent closes our stdin
            }
        } catch (StoreException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }
}
