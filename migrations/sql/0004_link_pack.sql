-- orgmap schema, version 4: each snapshot's links summed per pair of people and month, packed, written at import.
-- The report reads these instead of every link row (docs/benchmarks.md, docs/schema.md). The link table stays
-- what the data is; a pack is only ever a faster way to read it, trusted while `link_pack_state` says so.

-- Runs of packed entries: within a run, sorted by (first person, second person), at most one entry a pair and
-- month. Each entry is 24 bytes, little-endian: the smaller person id less `base` (4 bytes, unsigned), the
-- larger less `base` (4), the month as year * 12 + month - 1, or -1 for undated links (4, signed), how many
-- links it sums (4, unsigned), their weights' sum (8, an IEEE double).
CREATE TABLE link_pack (
    id          INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    base        INTEGER NOT NULL,
    entries     INTEGER NOT NULL,
    data        BLOB    NOT NULL
);
CREATE INDEX link_pack_by_snapshot ON link_pack (snapshot_id);

-- A row here: the snapshot's runs hold every one of its links, `links` of them, in the entry format `format`.
CREATE TABLE link_pack_state (
    snapshot_id INTEGER PRIMARY KEY REFERENCES snapshot (id) ON DELETE CASCADE,
    links       INTEGER NOT NULL,
    format      INTEGER NOT NULL
);

-- Any change to links made outside orgmap's imports (by hand, with the sqlite3 shell) makes the snapshot's pack
-- stale: the report then reads the link table, and the next links import of that snapshot packs it again.
-- orgmap's own writes drop these triggers inside their transaction and bring the pack up to date themselves.
CREATE TRIGGER link_pack_stale_on_insert AFTER INSERT ON link BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id = NEW.snapshot_id;
END;
CREATE TRIGGER link_pack_stale_on_delete AFTER DELETE ON link BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id = OLD.snapshot_id;
END;
CREATE TRIGGER link_pack_stale_on_update AFTER UPDATE ON link BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id IN (OLD.snapshot_id, NEW.snapshot_id);
END;
