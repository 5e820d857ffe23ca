-- orgmap schema, version 1: snapshots of the org chart and the import log.
-- Shipped migrations are never edited; a change to the schema is a new numbered file.

-- One row per import of an org chart: a dated picture of the organization.
CREATE TABLE snapshot (
    id            INTEGER PRIMARY KEY,
    as_of         TEXT    NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    imported_at   TEXT    NOT NULL,
    source_file   TEXT    NOT NULL,
    source_sha256 TEXT    NOT NULL,
    person_count  INTEGER NOT NULL
);
CREATE INDEX snapshot_by_date ON snapshot (as_of, id);

CREATE TABLE department (
    id          INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    UNIQUE (snapshot_id, name)
);

CREATE TABLE team (
    id            INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    UNIQUE (department_id, name)
);

-- person.person_key is the id from the HR system (employee id, or email or name when the file has no id column):
-- it is what follows one person from snapshot to snapshot. person.id is local to this database.
CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    snapshot_id   INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    person_key    TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    email         TEXT,
    title         TEXT,
    department_id INTEGER NOT NULL REFERENCES department (id),
    team_id       INTEGER REFERENCES team (id),
    manager_id    INTEGER REFERENCES person (id),
    level         TEXT,
    location      TEXT,
    source_line   INTEGER NOT NULL,
    UNIQUE (snapshot_id, person_key),
    CHECK (manager_id IS NULL OR manager_id <> id)
);
-- Who reports to whom: walking a chart down (docs/schema.md). orgmap reads a snapshot whole by
-- snapshot_id (the UNIQUE index above), so no other index pays for its cost at import.
CREATE INDEX person_by_manager ON person (manager_id);

-- Dotted-line (secondary, matrix) managers: a person may have several.
CREATE TABLE dotted_line (
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    manager_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, manager_id),
    CHECK (person_id <> manager_id)
) WITHOUT ROWID;
CREATE INDEX dotted_line_by_manager ON dotted_line (manager_id);

-- Every import that wrote something, with the file's fingerprint.
CREATE TABLE import_log (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('people', 'links')),
    snapshot_id  INTEGER REFERENCES snapshot (id) ON DELETE SET NULL,
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    rows_read    INTEGER NOT NULL,
    rows_stored  INTEGER NOT NULL,
    rows_skipped INTEGER NOT NULL,
    warnings     INTEGER NOT NULL,
    duration_ms  INTEGER NOT NULL,
    imported_at  TEXT    NOT NULL
);

-- The reporting lines of every snapshot, by HR id, for people querying with sqlite3.
CREATE VIEW reporting_line AS
SELECT p.snapshot_id, p.person_key AS person_key, p.name AS person_name,
       m.person_key AS manager_key, m.name AS manager_name
FROM person p JOIN person m ON m.id = p.manager_id;
