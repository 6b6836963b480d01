-- Read models seed "the last fix / footprint of each asset" at start-up with one index probe per asset and kind
-- (ObservationLog.latest) instead of paging through the log: (asset, kind) equality, newest sequence number first.
CREATE INDEX observations_asset_kind_seq ON observations (asset, kind, seq DESC);
