import type { StoreContext } from '../storeContext';

/** Small JSON values kept with the workspace (current user, preferences). */
export function createSettingsRepository(ctx: StoreContext) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await ctx.db().selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async set(key: string, value: unknown): Promise<void> {
      const text = JSON.stringify(value);
      await ctx.db().insertInto('settings').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute();
    },
    async delete(key: string): Promise<void> {
      await ctx.db().deleteFrom('settings').where('key', '=', key).execute();
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
