import type Database from 'better-sqlite3';
import type { PromptOutcome } from '../../../../shared/contract/domain';
import { toPrompt, type CoachPrompt, type NewCoachPrompt } from '../kysely/coachPrompts';

export type { CoachPrompt, NewCoachPrompt };

interface PromptRow {
  id: number;
  conversation_id: number;
  message_id: number | null;
  user_id: number | null;
  kind: string;
  rule_id: string;
  title: string;
  text: string;
  reason: string;
  shown_at: number;
  outcome: PromptOutcome | null;
  outcome_at: number | null;
  inserted_at: number | null;
}


export function createCoachPromptsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO coach_prompts (conversation_id, message_id, user_id, kind, rule_id, title, text, reason, shown_at)
     VALUES (@conversationId, @messageId, @userId, @kind, @ruleId, @title, @text, @reason, @shownAt)`,
  );
  // An outcome is recorded once: dismissed, or settled by the reply that reached the customer.
  const decide = db.prepare<{ id: number; outcome: PromptOutcome; at: number }>('UPDATE coach_prompts SET outcome = @outcome, outcome_at = @at WHERE id = @id AND outcome IS NULL');
  const markInserted = db.prepare<{ id: number; at: number }>('UPDATE coach_prompts SET inserted_at = @at WHERE id = @id AND outcome IS NULL AND inserted_at IS NULL');
  const byId = db.prepare<[number], PromptRow>('SELECT * FROM coach_prompts WHERE id = ?');
  const ofMessage = db.prepare<[number], PromptRow>('SELECT * FROM coach_prompts WHERE message_id = ? ORDER BY id');
  const recentTexts = db.prepare<[number, number], { text: string }>(
    'SELECT text FROM coach_prompts WHERE conversation_id = ? ORDER BY id DESC LIMIT ?',
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
      return decide.run({ id, outcome, at }).changes > 0;
    },
    /** The agent put the prompt into the reply draft; false when it is unknown, already there or already decided. */
    markInserted(id: number, at: number): boolean {
      return markInserted.run({ id, at }).changes > 0;
    },
    getById(id: number): CoachPrompt | null {
      const row = byId.get(id);
      return row ? toPrompt(row) : null;
    },
    /** The prompts raised by one customer message, in the order shown. */
    listForMessage(messageId: number): CoachPrompt[] {
      return ofMessage.all(messageId).map(toPrompt);
    },
    /** The phrasings last shown in a conversation, newest first. */
    recentTexts(conversationId: number, limit = 30): string[] {
      return recentTexts.all(conversationId, limit).map((row) => row.text);
    },
    listForConversation(conversationId: number): CoachPrompt[] {
      return ofConversation.all(conversationId).map(toPrompt);
    },
  };
}

export type CoachPromptsRepository = ReturnType<typeof createCoachPromptsRepository>;
