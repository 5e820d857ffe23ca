-- orgmap schema, version 3: the files each import read, by their SHA-256, so that the same content is never
-- imported twice into one snapshot (an import may read several files: a folder of calendars, a Slack export).

CREATE TABLE import_file (
    import_id INTEGER NOT NULL REFERENCES import_log (id) ON DELETE CASCADE,
    -- As the import named it: the path given, or a folder's or a zip's path followed by the entry's.
    name      TEXT    NOT NULL,
    sha256    TEXT    NOT NULL,
    PRIMARY KEY (import_id, name)
) WITHOUT ROWID;
-- Has this content been imported before?
CREATE INDEX import_file_by_sha256 ON import_file (sha256);

-- Imports made before this version read one file each: the import log has its fingerprint.
INSERT INTO import_file (import_id, name, sha256)
SELECT id, file_name, sha256 FROM import_log WHERE sha256 <> '';
