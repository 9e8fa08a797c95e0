import { inboxViewSchema, type InboxView } from '../../../../shared/contract/views';
import type { StoreContext } from '../storeContext';

interface SavedViewRow {
  id: number;
  user_id: number;
  name: string;
  view: string;
  created_at: number;
  updated_at: number;
}

export interface StoredView {
  id: number;
  userId: number;
  name: string;
  view: InboxView;
  createdAt: number;
  updatedAt: number;
}

/** A view stored in a shape the inbox no longer has is left out rather than shown wrong. */
export const toView = (row: SavedViewRow): StoredView | null => {
  const view = inboxViewSchema.safeParse(JSON.parse(row.view));
  return view.success ? { id: row.id, userId: row.user_id, name: row.name, view: view.data, createdAt: row.created_at, updatedAt: row.updated_at } : null;
};

const COLUMNS = ['id', 'user_id', 'name', 'view', 'created_at', 'updated_at'] as const;

/** People's named views of the inbox: each person's own, in the order they were made. */
export function createSavedViewsRepository(ctx: StoreContext) {
  const ofUser = (userId: number) => ctx.db().selectFrom('saved_views').select(COLUMNS).where('user_id', '=', userId);
  return {
    async list(userId: number): Promise<StoredView[]> {
      return (await ofUser(userId).orderBy('id').execute()).flatMap((row) => toView(row) ?? []);
    },
    async get(id: number, userId: number): Promise<StoredView | null> {
      const row = await ofUser(userId).where('id', '=', id).executeTakeFirst();
      return row ? toView(row) : null;
    },
    /** The person's view with this name (in any case), if they have one. */
    async findByName(userId: number, name: string): Promise<StoredView | null> {
      const row = await ofUser(userId).where((eb) => eb(ctx.sql.caseless(eb.ref('name')), '=', ctx.sql.caseless(eb.val(name)))).executeTakeFirst();
      return row ? toView(row) : null;
    },
    async count(userId: number): Promise<number> {
      return Number((await ctx.db().selectFrom('saved_views').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);
    },
    async create(userId: number, name: string, view: InboxView, at: number): Promise<number> {
      return (await ctx.db().insertInto('saved_views').values({ user_id: userId, name, view: JSON.stringify(view), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    },
    async update(id: number, userId: number, name: string, view: InboxView, at: number): Promise<boolean> {
      const result = await ctx.db().updateTable('saved_views').set({ name, view: JSON.stringify(view), updated_at: at }).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async delete(id: number, userId: number): Promise<boolean> {
      const result = await ctx.db().deleteFrom('saved_views').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type SavedViewsRepository = ReturnType<typeof createSavedViewsRepository>;
