-- What a browser measured of its own call (ADM2, docs/operator.md "Statistics"): how long the
-- call took to connect and whether the pair of ICE candidates in use went through the TURN
-- relay, and whether the video was cut to save the sound. One row per side of a consultation
-- (the patient's browser, the practitioner's), no account and no content: only aggregated, for
-- the operator's statistics.
CREATE TABLE call_reports (
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  side TEXT NOT NULL CHECK (side IN ('patient', 'practitioner')),
  setup_ms INTEGER NOT NULL,
  relayed INTEGER NOT NULL,
  audio_only INTEGER NOT NULL DEFAULT 0,
  reported_at BIGINT NOT NULL,
  PRIMARY KEY (appointment_id, side)
);

-- The statistics read appointments by their time, and queue entries by when they joined.
CREATE INDEX appointments_start ON appointments (start_at);
CREATE INDEX queue_entries_joined ON queue_entries (joined_at);
