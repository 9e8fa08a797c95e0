import type { StoreContext } from '../storeContext';
import { backToOpen } from './backToOpen';

/**
 * Snoozed conversations and when they come back. Leaving 'snoozed' any way at all clears the time
 * (a trigger, on both stores), so a conversation reopened by hand is never woken later.
 */
export function createSnoozesRepository(ctx: StoreContext) {
  return {
    /**
     * Snoozes it; false when there is no such conversation or — given the customer's latest message
     * as the snoozer last saw it — when the customer has written since (the arrival woke it, or is
     * about to: a snooze never covers a message its snoozer did not see). The check is the update's
     * own condition, so an arrival committed in between is seen (PostgreSQL re-reads the row).
     */
    async snooze(conversationId: number, until: number, at: number, seenCustomerMessageId?: number | null): Promise<boolean> {
      let update = ctx.db().updateTable('conversations').set({ status: 'snoozed', snoozed_until: until, updated_at: at }).where('id', '=', conversationId);
      if (seenCustomerMessageId !== undefined) update = update.where('last_customer_message_id', 'is not distinct from', seenCustomerMessageId);
      const result = await update.executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /**
     * A customer's message was stored (in the caller's transaction): a snoozed conversation wakes
     * in that same transaction. Returns the time it was snoozed until (null: no time), or undefined
     * when it was not snoozed.
     */
    async wakeOnArrival(conversationId: number, at: number): Promise<{ until: number | null } | undefined> {
      return ctx.transaction(async () => {
        const row = await ctx.db().selectFrom('conversations').select(['status', 'snoozed_until']).where('id', '=', conversationId).executeTakeFirst();
        if (row?.status !== 'snoozed') return undefined;
        return (await this.wake(conversationId, at)) ? { until: row.snoozed_until } : undefined;
      });
    },
    /** The earliest time a snoozed conversation comes back, or null when none is waiting to. */
    async nextDue(): Promise<number | null> {
      const row = await ctx.db().selectFrom('conversations').select((eb) => eb.fn.min('snoozed_until').as('due')).where('snoozed_until', 'is not', null).where('status', '=', 'snoozed').executeTakeFirst();
      return row?.due ?? null;
    },
    /** Snoozed conversations whose time has come (at most `limit`, earliest first). */
    async due(at: number, limit: number): Promise<{ conversationId: number; until: number }[]> {
      const rows = await ctx.db().selectFrom('conversations').select(['id', 'snoozed_until'])
        .where('snoozed_until', 'is not', null).where('snoozed_until', '<=', at).where('status', '=', 'snoozed')
        .orderBy('snoozed_until').orderBy('id').limit(limit).execute();
      return rows.map((row) => ({ conversationId: row.id, until: row.snoozed_until! }));
    },
    /** Whether it is snoozed, and until when (null: no time was given). */
    async state(conversationId: number): Promise<{ snoozed: boolean; until: number | null; lastCustomerMessageId: number | null } | null> {
      const row = await ctx.db().selectFrom('conversations').select(['status', 'snoozed_until', 'last_customer_message_id']).where('id', '=', conversationId).executeTakeFirst();
      return row ? { snoozed: row.status === 'snoozed', until: row.snoozed_until, lastCustomerMessageId: row.last_customer_message_id } : null;
    },
    /** Back to open work, unread for everyone; false when it was not snoozed. */
    async wake(conversationId: number, at: number): Promise<boolean> {
      return backToOpen(ctx, conversationId, 'snoozed', at);
    },
  };
}

export type SnoozesRepository = ReturnType<typeof createSnoozesRepository>;
