-- Placeholder so that this branch (wip/stats, V024) migrates alone: the real V023 comes from
-- another branch of issue 19. Drop this file at the merge.
CREATE TABLE placeholder_v023 (id INTEGER);
DROP TABLE placeholder_v023;
