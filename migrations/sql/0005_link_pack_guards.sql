-- orgmap schema, version 5: more ways a snapshot's packed links can go stale, each now deleting its state row.

-- REPLACE deletes the row it replaces without firing delete triggers (unless recursive_triggers is on): a link
-- replaced by one with its id, or moved onto another link's id, takes that link's snapshot's pack with it.
CREATE TRIGGER link_pack_stale_on_replace BEFORE INSERT ON link BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id = (SELECT snapshot_id FROM link WHERE id = NEW.id);
END;
CREATE TRIGGER link_pack_stale_on_move BEFORE UPDATE OF id ON link WHEN NEW.id IS NOT OLD.id BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id = (SELECT snapshot_id FROM link WHERE id = NEW.id);
END;

-- Runs written, changed or removed outside orgmap: the pack no longer holds what orgmap wrote.
CREATE TRIGGER link_pack_stale_on_run_insert AFTER INSERT ON link_pack BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id = NEW.snapshot_id;
END;
CREATE TRIGGER link_pack_stale_on_run_update AFTER UPDATE ON link_pack BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id IN (OLD.snapshot_id, NEW.snapshot_id);
END;
CREATE TRIGGER link_pack_stale_on_run_delete AFTER DELETE ON link_pack BEGIN
    DELETE FROM link_pack_state WHERE snapshot_id = OLD.snapshot_id;
END;
