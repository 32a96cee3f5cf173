-- An optional English label for each motif (issue 12): the English web app shows it, and falls
-- back to the French `label`, marked as French, when it is NULL.
ALTER TABLE motifs ADD COLUMN label_en TEXT;
