package org.truce.rules;

/** An incident is open while the violation is ongoing and closed once it has stopped being observed. */
public enum IncidentState { OPEN, CLOSED }
