package org.truce.sim.world;

import org.truce.ground.PartyId;

/**
 * One shot of a fire violation: launched at ({@code lx}, {@code ly}) at {@code launchS}, landing at
 * ({@code ix}, {@code iy}) at {@code impactS}. Local metres, seconds since the run's start.
 *
 * @param burst index of the fire violation (burst) it belongs to
 */
public record Shot(int burst, PartyId party, double launchS, double lx, double ly, double impactS, double ix,
                   double iy) { }
