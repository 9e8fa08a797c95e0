/**
 * A draft remembers the message it was last sent as (per conversation, person and kind), so that a
 * save of the text from before that send — an autosave still on its way when Send was pressed, from
 * another window or another server process — is told the draft was sent instead of writing the sent
 * text back into the composer. Sending leaves the draft's row behind with an empty body (an empty
 * draft is no draft) and this column set; a save names the one it knows of (drafts.save's `afterSent`).
 */
export const draftsSentAs = /* sql */ `
ALTER TABLE drafts ADD COLUMN sent_message_id INTEGER;
`;

export const draftsSentAsPostgres = /* sql */ `
ALTER TABLE drafts ADD COLUMN sent_message_id bigint;
`;
