import type { ConversationStatus } from '../../../../shared/contract/domain';
import type { StoreContext } from '../storeContext';

/**
 * Brings a conversation back to open work from `from` (a snooze ending, a customer writing into a
 * resolved or pending one), unread for everyone: every read mark goes, so the conversation is bold
 * in every console's queue whatever the time its message carries (an e-mail dated before someone
 * last opened the conversation included). False when it was not `from` (nothing changed).
 *
 * On PostgreSQL one statement (the reads go in a data-modifying WITH): a bulk import reopens a
 * conversation at every customer message after a reply that left it pending, and each statement
 * is a round trip.
 */
export async function backToOpen(ctx: StoreContext, conversationId: number, from: ConversationStatus, at: number): Promise<boolean> {
  // (built where it runs: ctx.db() is the open transaction's only when asked inside it)
  const reopen = () => ctx.db().updateTable('conversations')
    .set((eb) => ({ status: 'open', updated_at: ctx.sql.greatest(eb.ref('updated_at'), eb.val(at)) }))
    .where('id', '=', conversationId).where('status', '=', from);
  if (ctx.sql.kind === 'postgres') {
    const row = await ctx.db()
      .with('opened', () => reopen().returning('id'))
      .with('unread', (db) => db.deleteFrom('conversation_reads').where('conversation_id', 'in', db.selectFrom('opened').select('id')).returning('conversation_id'))
      .selectFrom('opened').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n) > 0;
  }
  return ctx.transaction(async () => {
    if ((await reopen().executeTakeFirst()).numUpdatedRows === 0n) return false;
    await ctx.db().deleteFrom('conversation_reads').where('conversation_id', '=', conversationId).execute();
    return true;
  });
}
