import type Database from 'better-sqlite3';
import type { Customer, CustomerIdentity, IdentityKind } from '../../../../shared/contract/domain';

interface CustomerRow {
  id: number;
  display_name: string;
  created_at: number;
}

export function createCustomersRepository(db: Database.Database) {
  const insert = db.prepare<[string, number]>('INSERT INTO customers (display_name, created_at) VALUES (?, ?)');
  const insertIdentity = db.prepare<[number, IdentityKind, string]>(
    'INSERT OR IGNORE INTO customer_identities (customer_id, kind, value) VALUES (?, ?, ?)',
  );
  const byIdentity = db.prepare<[IdentityKind, string], { customer_id: number }>(
    'SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?',
  );
  const byId = db.prepare<[number], CustomerRow>('SELECT id, display_name, created_at FROM customers WHERE id = ?');
  const identitiesOf = db.prepare<[number], CustomerIdentity>(
    'SELECT kind, value FROM customer_identities WHERE customer_id = ? ORDER BY kind, value',
  );
  const page = db.prepare<[number, number], CustomerRow>(
    'SELECT id, display_name, created_at FROM customers ORDER BY display_name COLLATE NOCASE, id LIMIT ? OFFSET ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM customers');

  const toCustomer = (row: CustomerRow): Customer => ({
    id: row.id,
    displayName: row.display_name,
    createdAt: row.created_at,
    identities: identitiesOf.all(row.id),
  });

  return {
    create(displayName: string, createdAt: number): number {
      return Number(insert.run(displayName, createdAt).lastInsertRowid);
    },
    /** Links an identity to a customer; an identity already known (to anyone) is left as it is. */
    addIdentity(customerId: number, identity: CustomerIdentity): boolean {
      return insertIdentity.run(customerId, identity.kind, identity.value.trim()).changes > 0;
    },
    findIdByIdentity(identity: CustomerIdentity): number | null {
      return byIdentity.get(identity.kind, identity.value.trim())?.customer_id ?? null;
    },
    getById(id: number): Customer | null {
      const row = byId.get(id);
      return row ? toCustomer(row) : null;
    },
    list(limit: number, offset: number): Customer[] {
      return page.all(limit, offset).map(toCustomer);
    },
    count(): number {
      return countAll.get()!.n;
    },
  };
}

export type CustomersRepository = ReturnType<typeof createCustomersRepository>;
