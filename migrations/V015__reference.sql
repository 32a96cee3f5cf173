-- Reference lists for the closing form (issue 14, docs/reference-data.md): drugs and
-- pharmacies. Public reference data about products and businesses, no person.
--
-- Search is a prefix match on any word: each row's words (normalised: lower case, no accents)
-- are kept in a side table whose index answers `word >= q AND word < q'` on both engines.
-- PostgreSQL compares them byte-wise ("C") so that the range means "starts with" whatever the
-- database's locale.
CREATE TABLE reference_drugs (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,   -- the BDPM CIS code, or the built-in list's slug
  name TEXT NOT NULL,
  form TEXT NOT NULL,
  strength TEXT NOT NULL,
  substances TEXT NOT NULL,         -- substance names, separated by '|'
  source TEXT NOT NULL CHECK (source IN ('builtin', 'bdpm')),
  name_key TEXT {{postgres}}COLLATE "C"{{end}} NOT NULL,   -- the name, normalised
  search_key TEXT NOT NULL          -- ' ' + normalised name and substances, for further words
);
CREATE INDEX reference_drugs_source ON reference_drugs (source);

CREATE TABLE reference_drug_words (
  word TEXT {{postgres}}COLLATE "C"{{end}} NOT NULL,
  drug_id BIGINT NOT NULL REFERENCES reference_drugs (id),
  PRIMARY KEY (word, drug_id)
);
CREATE INDEX reference_drug_words_drug ON reference_drug_words (drug_id);

CREATE TABLE reference_pharmacies (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  finess TEXT UNIQUE,               -- FINESS number of the établissement; NULL for demo rows
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  city TEXT NOT NULL,
  commune_code TEXT,                -- INSEE code
  phone TEXT,
  mssante TEXT,                     -- secure mail address (MSSanté)
  source TEXT NOT NULL CHECK (source IN ('demo', 'finess')),
  search_key TEXT NOT NULL,         -- ' ' + normalised name and city, for further words
  updated_at BIGINT NOT NULL
);
CREATE INDEX reference_pharmacies_postcode ON reference_pharmacies (postcode);

CREATE TABLE reference_pharmacy_words (
  word TEXT {{postgres}}COLLATE "C"{{end}} NOT NULL,
  pharmacy_id BIGINT NOT NULL REFERENCES reference_pharmacies (id),
  PRIMARY KEY (word, pharmacy_id)
);
CREATE INDEX reference_pharmacy_words_pharmacy ON reference_pharmacy_words (pharmacy_id);
