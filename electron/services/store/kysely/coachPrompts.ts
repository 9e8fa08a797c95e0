import type { Selectable } from 'kysely';
import type { PromptOutcome } from '../../../../shared/contract/domain';
import type { CoachPromptsTable } from '../schema';
import type { StoreContext } from '../storeContext';

export interface CoachPrompt {
  id: number;
  conversationId: number;
  messageId: number | null;
  userId: number | null;
  kind: string;
  ruleId: string;
  title: string;
  text: string;
  reason: string;
  shownAt: number;
  outcome: PromptOutcome | null;
  outcomeAt: number | null;
  /** When the agent put it into the reply draft (its outcome waits for the reply that goes), or null. */
  insertedAt: number | null;
}

export type NewCoachPrompt = Omit<CoachPrompt, 'id' | 'outcome' | 'outcomeAt' | 'insertedAt'>;

export const toPrompt = (row: Selectable<CoachPromptsTable>): CoachPrompt => ({
  id: row.id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  userId: row.user_id,
  kind: row.kind,
  ruleId: row.rule_id,
  title: row.title,
  text: row.text,
  reason: row.reason,
  shownAt: row.shown_at,
  outcome: row.outcome as PromptOutcome | null,
  outcomeAt: row.outcome_at,
  insertedAt: row.inserted_at,
});

export function createCoachPromptsRepository(ctx: StoreContext) {
  const all = () => ctx.db().selectFrom('coach_prompts').selectAll();
  return {
    /**
     * Records a prompt shown; null when this message already raised this rule (a prompt is raised
     * once per message and rule, whoever else raised it at the same time: the database's unique key).
     */
    async recordShown(prompt: NewCoachPrompt): Promise<number | null> {
      const row = await ctx.db().insertInto('coach_prompts').values({
        conversation_id: prompt.conversationId,
        message_id: prompt.messageId,
        user_id: prompt.userId,
        kind: prompt.kind,
        rule_id: prompt.ruleId,
        title: prompt.title,
        text: prompt.text,
        reason: prompt.reason,
        shown_at: prompt.shownAt,
      }).onConflict((oc) => oc.columns(['message_id', 'rule_id']).doNothing()).returning('id').executeTakeFirst();
      return row?.id ?? null;
    },
    /** Returns false when the prompt does not exist or already has an outcome (an outcome is recorded once). */
    async recordOutcome(id: number, outcome: PromptOutcome, at: number): Promise<boolean> {
      const result = await ctx.db().updateTable('coach_prompts').set({ outcome, outcome_at: at }).where('id', '=', id).where('outcome', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /** The agent put the prompt into the reply draft; false when it is unknown, already there or already decided. */
    async markInserted(id: number, at: number): Promise<boolean> {
      const result = await ctx.db().updateTable('coach_prompts').set({ inserted_at: at }).where('id', '=', id).where('outcome', 'is', null).where('inserted_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async getById(id: number): Promise<CoachPrompt | null> {
      const row = await all().where('id', '=', id).executeTakeFirst();
      return row ? toPrompt(row) : null;
    },
    /** The prompts raised by one customer message, in the order shown. */
    async listForMessage(messageId: number): Promise<CoachPrompt[]> {
      return (await all().where('message_id', '=', messageId).orderBy('id').execute()).map(toPrompt);
    },
    /** The phrasings last shown in a conversation, newest first. */
    async recentTexts(conversationId: number, limit = 30): Promise<string[]> {
      const rows = await ctx.db().selectFrom('coach_prompts').select('text').where('conversation_id', '=', conversationId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => row.text);
    },
    async listForConversation(conversationId: number): Promise<CoachPrompt[]> {
      return (await all().where('conversation_id', '=', conversationId).orderBy('shown_at').orderBy('id').execute()).map(toPrompt);
    },
  };
}

export type CoachPromptsRepository = ReturnType<typeof createCoachPromptsRepository>;
