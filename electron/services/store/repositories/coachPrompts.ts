import type Database from 'better-sqlite3';
import type { PromptOutcome } from '../../../../shared/contract/domain';

export interface CoachPrompt {
  id: number;
  conversationId: number;
  messageId: number | null;
  userId: number | null;
  kind: string;
  text: string;
  reason: string;
  shownAt: number;
  outcome: PromptOutcome | null;
  outcomeAt: number | null;
}

export type NewCoachPrompt = Omit<CoachPrompt, 'id' | 'outcome' | 'outcomeAt'>;

interface PromptRow {
  id: number;
  conversation_id: number;
  message_id: number | null;
  user_id: number | null;
  kind: string;
  text: string;
  reason: string;
  shown_at: number;
  outcome: PromptOutcome | null;
  outcome_at: number | null;
}

const toPrompt = (row: PromptRow): CoachPrompt => ({
  id: row.id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  userId: row.user_id,
  kind: row.kind,
  text: row.text,
  reason: row.reason,
  shownAt: row.shown_at,
  outcome: row.outcome,
  outcomeAt: row.outcome_at,
});

export function createCoachPromptsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO coach_prompts (conversation_id, message_id, user_id, kind, text, reason, shown_at)
     VALUES (@conversationId, @messageId, @userId, @kind, @text, @reason, @shownAt)`,
  );
  // An outcome is recorded once: the first thing the agent did with the prompt.
  const decide = db.prepare<[PromptOutcome, number, number]>(
    'UPDATE coach_prompts SET outcome = ?, outcome_at = ? WHERE id = ? AND outcome IS NULL',
  );
  const ofConversation = db.prepare<[number], PromptRow>(
    'SELECT * FROM coach_prompts WHERE conversation_id = ? ORDER BY shown_at, id',
  );

  return {
    recordShown(prompt: NewCoachPrompt): number {
      return Number(insert.run(prompt).lastInsertRowid);
    },
    /** Returns false when the prompt does not exist or already has an outcome. */
    recordOutcome(id: number, outcome: PromptOutcome, at: number): boolean {
      return decide.run(outcome, at, id).changes > 0;
    },
    listForConversation(conversationId: number): CoachPrompt[] {
      return ofConversation.all(conversationId).map(toPrompt);
    },
  };
}

export type CoachPromptsRepository = ReturnType<typeof createCoachPromptsRepository>;
