import type { Customer, CustomerIdentity, IdentityKind } from '../../../../shared/contract/domain';
import { identityKey } from '../identityKey';
import type { StoreContext } from '../storeContext';

interface CustomerRow {
  id: number;
  display_name: string;
  created_at: number;
}

export function createCustomersRepository(ctx: StoreContext) {
  async function withIdentities(rows: CustomerRow[]): Promise<Customer[]> {
    if (!rows.length) return [];
    const identities = await ctx.db().selectFrom('customer_identities').select(['customer_id', 'kind', 'value'])
      .where('customer_id', 'in', rows.map((row) => row.id)).orderBy('kind').orderBy('value').execute();
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      createdAt: row.created_at,
      identities: identities.filter((identity) => identity.customer_id === row.id).map((identity) => ({ kind: identity.kind as IdentityKind, value: identity.value })),
    }));
  }

  return {
    async create(displayName: string, createdAt: number): Promise<number> {
      return (await ctx.db().insertInto('customers').values({ display_name: displayName, created_at: createdAt }).returning('id').executeTakeFirstOrThrow()).id;
    },
    /**
     * Links an identity to a customer, kept as written; an identity already known (to anyone) by its
     * key — "ANN@example.com" is "ann@example.com" — is left as it is.
     */
    async addIdentity(customerId: number, identity: CustomerIdentity): Promise<boolean> {
      const row = await ctx.db().insertInto('customer_identities')
        .values({ customer_id: customerId, kind: identity.kind, value: identity.value.trim(), value_key: identityKey(identity.kind, identity.value) })
        .onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
      return row !== undefined;
    },
    /** The customer an identity belongs to, compared by its key (an e-mail address whatever its case). */
    async findIdByIdentity(identity: CustomerIdentity): Promise<number | null> {
      const row = await ctx.db().selectFrom('customer_identities').select('customer_id')
        .where('kind', '=', identity.kind).where('value_key', '=', identityKey(identity.kind, identity.value)).executeTakeFirst();
      return row?.customer_id ?? null;
    },
    async getById(id: number): Promise<Customer | null> {
      const row = await ctx.db().selectFrom('customers').select(['id', 'display_name', 'created_at']).where('id', '=', id).executeTakeFirst();
      return row ? (await withIdentities([row]))[0]! : null;
    },
    async list(limit: number, offset: number): Promise<Customer[]> {
      const rows = await ctx.db().selectFrom('customers').select(['id', 'display_name', 'created_at'])
        .orderBy((eb) => ctx.sql.caseless(eb.ref('display_name'))).orderBy('id').limit(limit).offset(offset).execute();
      return withIdentities(rows);
    },
    async count(): Promise<number> {
      return Number((await ctx.db().selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    },
  };
}

export type CustomersRepository = ReturnType<typeof createCustomersRepository>;
