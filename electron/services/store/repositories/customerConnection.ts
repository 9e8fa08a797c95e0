import type Database from 'better-sqlite3';
import { CONNECTION_STAGES, type ConnectionStage, type CustomerConnectionRow } from '../../../../shared/contract/connection';
import type { ConnectionListFilter, ConnectionListSort, StoredConnection } from '../kysely/customerConnection';

export type { StoredConnection };

interface Row {
  customer_id: number;
  display_name: string;
  score: number;
  stage: ConnectionStage;
  movement_30d: number;
  risks: string;
  last_contact_at: number | null;
  contacts: number;
  overdue: number;
}

export type { ConnectionListFilter, ConnectionListSort };

const ORDER: Record<ConnectionListSort, string> = {
  score: 'cc.score DESC, cu.id',
  // falling fastest first
  movement: 'cc.movement_30d ASC, cc.score ASC, cu.id',
  recent: 'cc.last_contact_at IS NULL, cc.last_contact_at DESC, cu.id',
};

export function createCustomerConnectionRepository(db: Database.Database) {
  const upsert = db.prepare(
    `INSERT INTO customer_connection (customer_id, score, stage, movement_30d, risks, last_contact_at, contacts, computed_at)
     VALUES (@customerId, @score, @stage, @movement30d, @risks, @lastContactAt, @contacts, @computedAt)
     ON CONFLICT (customer_id) DO UPDATE SET score = excluded.score, stage = excluded.stage, movement_30d = excluded.movement_30d,
       risks = excluded.risks, last_contact_at = excluded.last_contact_at, contacts = excluded.contacts, computed_at = excluded.computed_at`,
  );
  const byStage = db.prepare<[], { stage: ConnectionStage; n: number }>('SELECT stage, count(*) AS n FROM customer_connection GROUP BY stage');
  const notComputed = db.prepare<[number], { id: number }>(
    'SELECT cu.id FROM customers cu LEFT JOIN customer_connection cc ON cc.customer_id = cu.id WHERE cc.customer_id IS NULL ORDER BY cu.id LIMIT ?',
  );
  const computedBefore = db.prepare<[number, number], { customer_id: number }>(
    'SELECT customer_id FROM customer_connection WHERE computed_at < ? ORDER BY computed_at LIMIT ?',
  );
  const staleAll = db.prepare('UPDATE customer_connection SET computed_at = 0');
  const listStatements = new Map<string, { page: Database.Statement; total: Database.Statement }>();
  function statementsFor(filter: ConnectionListFilter, sort: ConnectionListSort) {
    const key = `${filter.stage ? 's' : ''}${filter.name ? 'n' : ''}:${sort}`;
    let found = listStatements.get(key);
    if (!found) {
      const where = ['1 = 1'];
      if (filter.stage) where.push('cc.stage = @stage');
      if (filter.name) where.push("cu.display_name LIKE '%' || @name || '%'");
      const from = `FROM customer_connection cc JOIN customers cu ON cu.id = cc.customer_id WHERE ${where.join(' AND ')}`;
      found = {
        page: db.prepare(
          `SELECT cc.customer_id, cu.display_name, cc.score, cc.stage, cc.movement_30d, cc.risks, cc.last_contact_at, cc.contacts,
                  (SELECT count(*) FROM follow_ups f WHERE f.customer_id = cc.customer_id AND f.status = 'open' AND f.due_at < @now) AS overdue
           ${from} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`,
        ),
        total: db.prepare(`SELECT count(*) AS n ${from}`),
      };
      listStatements.set(key, found);
    }
    return found;
  }

  return {
    save(connection: StoredConnection): void {
      upsert.run({ ...connection, risks: JSON.stringify(connection.risks) });
    },
    list(filter: ConnectionListFilter, sort: ConnectionListSort, limit: number, offset: number, now: number): { items: CustomerConnectionRow[]; total: number } {
      const { page, total } = statementsFor(filter, sort);
      const params = { ...(filter.stage ? { stage: filter.stage } : {}), ...(filter.name ? { name: filter.name } : {}) };
      const rows = page.all({ ...params, now, limit, offset }) as Row[];
      return {
        items: rows.map((row) => ({
          customerId: row.customer_id,
          displayName: row.display_name,
          score: row.score,
          stage: row.stage,
          movement30d: row.movement_30d,
          risks: JSON.parse(row.risks) as string[],
          lastContactAt: row.last_contact_at,
          contacts: row.contacts,
          overdueFollowUps: row.overdue,
        })),
        total: (total.get(params) as { n: number }).n,
      };
    },
    countByStage(): Record<ConnectionStage, number> {
      const counts = Object.fromEntries(CONNECTION_STAGES.map((stage) => [stage, 0])) as Record<ConnectionStage, number>;
      for (const row of byStage.all()) counts[row.stage] = row.n;
      return counts;
    },
    /** Customers whose index has never been computed (new ones, or a workspace from before the index). */
    notComputed(limit: number): number[] {
      return notComputed.all(limit).map((row) => row.id);
    },
    /** Marks every index as due for recomputation (e.g. once a backlog of readings is done). */
    markAllStale(): void {
      staleAll.run();
    },
    /** Customers whose index was last computed before `at`, oldest first (time alone moves the index). */
    computedBefore(at: number, limit: number): number[] {
      return computedBefore.all(at, limit).map((row) => row.customer_id);
    },
  };
}

export type CustomerConnectionRepository = ReturnType<typeof createCustomerConnectionRepository>;
