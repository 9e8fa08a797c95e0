import { sql } from 'kysely';
import { CONNECTION_STAGES, type ConnectionStage, type CustomerConnectionRow } from '../../../../shared/contract/connection';
import type { StoreContext } from '../storeContext';

/** A customer's index as last computed, kept so the Customers page and the queue can sort by it (the row without what is read at list time). */
export type StoredConnection = Omit<CustomerConnectionRow, 'displayName' | 'overdueFollowUps'> & { computedAt: number };

export type ConnectionListSort = 'score' | 'movement' | 'recent';

export interface ConnectionListFilter {
  stage?: ConnectionStage | undefined;
  /** A part of the customer's name. */
  name?: string | undefined;
}

/** `like` pattern for text containing `part` literally (its % and _ are not wildcards). */
const containing = (part: string) => `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createCustomerConnectionRepository(ctx: StoreContext) {
  function filtered(filter: ConnectionListFilter) {
    let query = ctx.db().selectFrom('customer_connection as cc').innerJoin('customers as cu', 'cu.id', 'cc.customer_id');
    if (filter.stage) query = query.where('cc.stage', '=', filter.stage);
    // case-insensitive on both (SQLite's LIKE already is, for ASCII)
    if (filter.name) query = query.where((eb) => sql<boolean>`${ctx.sql.caseless(eb.ref('cu.display_name'))} LIKE ${ctx.sql.caseless(eb.val(containing(filter.name!)))} ESCAPE '\\'`);
    return query;
  }

  return {
    async save(connection: StoredConnection): Promise<void> {
      const values = {
        score: connection.score,
        stage: connection.stage,
        movement_30d: connection.movement30d,
        risks: JSON.stringify(connection.risks),
        last_contact_at: connection.lastContactAt,
        contacts: connection.contacts,
        computed_at: connection.computedAt,
      };
      await ctx.db().insertInto('customer_connection').values({ customer_id: connection.customerId, ...values })
        .onConflict((oc) => oc.column('customer_id').doUpdateSet(values)).execute();
    },
    async list(filter: ConnectionListFilter, sort: ConnectionListSort, limit: number, offset: number, now: number): Promise<{ items: CustomerConnectionRow[]; total: number }> {
      let page = filtered(filter)
        .select(['cc.customer_id', 'cu.display_name', 'cc.score', 'cc.stage', 'cc.movement_30d', 'cc.risks', 'cc.last_contact_at', 'cc.contacts'])
        .select((eb) => eb.selectFrom('follow_ups as f').select(eb.fn.countAll().as('n'))
          .whereRef('f.customer_id', '=', 'cc.customer_id').where('f.status', '=', 'open').where('f.due_at', '<', now).as('overdue'));
      if (sort === 'score') page = page.orderBy('cc.score', 'desc').orderBy('cu.id');
      // falling fastest first
      else if (sort === 'movement') page = page.orderBy('cc.movement_30d').orderBy('cc.score').orderBy('cu.id');
      else page = page.orderBy((eb) => eb.case().when('cc.last_contact_at', 'is', null).then(1).else(0).end()).orderBy('cc.last_contact_at', 'desc').orderBy('cu.id');
      const [rows, total] = await Promise.all([
        page.limit(limit).offset(offset).execute(),
        filtered(filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          customerId: row.customer_id,
          displayName: row.display_name,
          score: row.score,
          stage: row.stage as ConnectionStage,
          movement30d: row.movement_30d,
          risks: JSON.parse(row.risks) as string[],
          lastContactAt: row.last_contact_at,
          contacts: row.contacts,
          overdueFollowUps: Number(row.overdue),
        })),
        total: Number(total.n),
      };
    },
    async countByStage(): Promise<Record<ConnectionStage, number>> {
      const counts = Object.fromEntries(CONNECTION_STAGES.map((stage) => [stage, 0])) as Record<ConnectionStage, number>;
      const rows = await ctx.db().selectFrom('customer_connection').select(['stage', (eb) => eb.fn.countAll().as('n')]).groupBy('stage').execute();
      for (const row of rows) counts[row.stage as ConnectionStage] = Number(row.n);
      return counts;
    },
    /** Customers whose index has never been computed (new ones, or a workspace from before the index). */
    async notComputed(limit: number): Promise<number[]> {
      const rows = await ctx.db().selectFrom('customers as cu').leftJoin('customer_connection as cc', 'cc.customer_id', 'cu.id')
        .select('cu.id').where('cc.customer_id', 'is', null).orderBy('cu.id').limit(limit).execute();
      return rows.map((row) => row.id);
    },
    /** Marks every index as due for recomputation (e.g. once a backlog of readings is done). */
    async markAllStale(): Promise<void> {
      await ctx.db().updateTable('customer_connection').set({ computed_at: 0 }).execute();
    },
    /** Customers whose index was last computed before `at`, oldest first (time alone moves the index). */
    async computedBefore(at: number, limit: number): Promise<number[]> {
      const rows = await ctx.db().selectFrom('customer_connection').select('customer_id').where('computed_at', '<', at).orderBy('computed_at').limit(limit).execute();
      return rows.map((row) => row.customer_id);
    },
  };
}

export type CustomerConnectionRepository = ReturnType<typeof createCustomerConnectionRepository>;
