import type { FollowUp, FollowUpStatus } from '../../../../shared/contract/domain';
import type { StoreContext } from '../storeContext';
import type { Selectable } from 'kysely';
import type { FollowUpsTable } from '../schema';

export type { FollowUp };

export type NewFollowUp = Omit<FollowUp, 'id' | 'status' | 'closedAt'>;

export const toFollowUp = (row: Selectable<FollowUpsTable>): FollowUp => ({
  id: row.id,
  customerId: row.customer_id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  createdBy: row.created_by,
  description: row.description,
  dueAt: row.due_at,
  status: row.status as FollowUpStatus,
  createdAt: row.created_at,
  closedAt: row.closed_at,
});

export function createFollowUpsRepository(ctx: StoreContext) {
  const all = () => ctx.db().selectFrom('follow_ups').selectAll();
  return {
    async create(followUp: NewFollowUp): Promise<number> {
      const row = await ctx.db().insertInto('follow_ups').values({
        customer_id: followUp.customerId,
        conversation_id: followUp.conversationId,
        message_id: followUp.messageId,
        created_by: followUp.createdBy,
        description: followUp.description,
        due_at: followUp.dueAt,
        created_at: followUp.createdAt,
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    /** Marks an open follow-up done or cancelled; false if it was not open. */
    async close(id: number, status: Exclude<FollowUpStatus, 'open'>, at: number): Promise<boolean> {
      const result = await ctx.db().updateTable('follow_ups').set({ status, closed_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async getById(id: number): Promise<FollowUp | null> {
      const row = await all().where('id', '=', id).executeTakeFirst();
      return row ? toFollowUp(row) : null;
    },
    /** Follow-ups made from a sent message (so a promise is not offered twice). */
    async listForMessage(messageId: number): Promise<FollowUp[]> {
      return (await all().where('message_id', '=', messageId).orderBy('id').execute()).map(toFollowUp);
    },
    async listForCustomer(customerId: number): Promise<FollowUp[]> {
      const rows = await all().where('customer_id', '=', customerId)
        .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end()).orderBy('due_at').execute();
      return rows.map(toFollowUp);
    },
    async listOverdue(now: number): Promise<FollowUp[]> {
      return (await all().where('status', '=', 'open').where('due_at', '<', now).orderBy('due_at').execute()).map(toFollowUp);
    },
  };
}

export type FollowUpsRepository = ReturnType<typeof createFollowUpsRepository>;
