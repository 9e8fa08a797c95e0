/**
 * Readings carry more than a score: the sentiment class, the dominant emotion, each model's own
 * labels and how much of the text was read. They live in one JSON column beside the indexed figures.
 */
export const analysisDetails = /* sql */ `
ALTER TABLE analyses ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details));
DROP INDEX analyses_cache;
CREATE INDEX analyses_cache ON analyses(text_hash, model_id, model_version);
CREATE INDEX analyses_model ON analyses(model_id, model_version, message_id);
`;
