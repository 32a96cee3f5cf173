-- Placeholder so that V018 applies on this branch (versions must follow one another): V017 is
-- another branch's. Delete this file when merging that branch.
SELECT 1;
