-- Flight plans (org.truce.airspace): each contingent's planned drone sorties. The body is the TruceJson text of
-- the FlightPlan (its path as a GeoJSON geometry); the other columns exist for queries by window and asset.
-- Times are epoch nanoseconds (BIGINT), as in V1. The H2 twin (../h2/V5__flight_plans.sql) keeps the same tables
-- and columns; here bodies are TEXT and ids sort in the "C" collation.

CREATE TABLE flight_plans (
    id         VARCHAR COLLATE "C" PRIMARY KEY,
    asset_id   VARCHAR NOT NULL,
    contingent VARCHAR NOT NULL,
    status     VARCHAR NOT NULL,
    from_ns    BIGINT  NOT NULL,  -- window start, inclusive
    to_ns      BIGINT  NOT NULL,  -- window end, exclusive
    body       TEXT    NOT NULL
);
CREATE INDEX flight_plans_window ON flight_plans (to_ns, from_ns);
CREATE INDEX flight_plans_asset ON flight_plans (asset_id, to_ns);

-- The last plan number handed out per UTC day of the window's start (ids FP-<day>-0001 upwards, never reused).
CREATE TABLE flight_plan_counters (
    utc_day     VARCHAR PRIMARY KEY,  -- yyyy-mm-dd
    last_number INT     NOT NULL
);
