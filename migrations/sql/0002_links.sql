-- orgmap schema, version 2: collaboration links between people of a snapshot.

-- One row per imported link (a meeting, a chat thread, a Viva Insights person-to-person row...).
-- Links are undirected for the analysis; source and target keep the file's order.
CREATE TABLE link (
    id          INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    import_id   INTEGER NOT NULL REFERENCES import_log (id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    target_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    weight      REAL    NOT NULL CHECK (weight > 0),
    kind        TEXT,
    -- YYYY-MM-DD, validated by the importer.
    date        TEXT,
    CHECK (source_id <> target_id)
);
-- A snapshot's links, for the report; imports append to its end, so loading stays sequential.
CREATE INDEX link_by_snapshot ON link (snapshot_id);
