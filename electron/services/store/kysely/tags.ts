import type { Tag, TagColor, TagUse } from '../../../../shared/contract/triage';
import type { StoreContext } from '../storeContext';

interface TagRow {
  id: number;
  name: string;
  color: string | null;
}

const toTag = (row: TagRow): Tag => ({ id: row.id, name: row.name, color: row.color as TagColor | null });

/** The workspace's tags and which conversations carry them. Names are unique whatever their case. */
export function createTagsRepository(ctx: StoreContext) {
  const count = (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => query.executeTakeFirstOrThrow().then((row) => Number(row.n));
  return {
    /** Every tag, by name, with how many conversations carry it. */
    async list(): Promise<TagUse[]> {
      const rows = await ctx.db().selectFrom('tags as t')
        .select(['t.id', 't.name', 't.color'])
        .select((eb) => eb.selectFrom('conversation_tags as ct').select(eb.fn.countAll().as('n')).whereRef('ct.tag_id', '=', 't.id').as('conversations'))
        .orderBy((eb) => ctx.sql.caseless(eb.ref('t.name'))).execute();
      return rows.map((row) => ({ ...toTag(row), conversations: Number(row.conversations) }));
    },
    async getById(id: number): Promise<Tag | null> {
      const row = await ctx.db().selectFrom('tags').select(['id', 'name', 'color']).where('id', '=', id).executeTakeFirst();
      return row ? toTag(row) : null;
    },
    /** The tag with this name, whatever its case. */
    async findByName(name: string): Promise<Tag | null> {
      const row = await ctx.db().selectFrom('tags').select(['id', 'name', 'color']).where((eb) => eb(ctx.sql.caseless(eb.ref('name')), '=', ctx.sql.caseless(eb.val(name)))).executeTakeFirst();
      return row ? toTag(row) : null;
    },
    async create(name: string, color: TagColor | null, at: number): Promise<Tag> {
      const { id } = await ctx.db().insertInto('tags').values({ name, color, created_at: at }).returning('id').executeTakeFirstOrThrow();
      return { id, name, color };
    },
    async count(): Promise<number> {
      return count(ctx.db().selectFrom('tags').select((eb) => eb.fn.countAll().as('n')));
    },
    async countOn(conversationId: number): Promise<number> {
      return count(ctx.db().selectFrom('conversation_tags').select((eb) => eb.fn.countAll().as('n')).where('conversation_id', '=', conversationId));
    },
    async isOn(conversationId: number, tagId: number): Promise<boolean> {
      return (await ctx.db().selectFrom('conversation_tags').select('tag_id').where('conversation_id', '=', conversationId).where('tag_id', '=', tagId).executeTakeFirst()) !== undefined;
    },
    async attach(conversationId: number, tagId: number, at: number): Promise<boolean> {
      const row = await ctx.db().insertInto('conversation_tags').values({ conversation_id: conversationId, tag_id: tagId, added_at: at })
        .onConflict((oc) => oc.columns(['conversation_id', 'tag_id']).doNothing()).returning('tag_id').executeTakeFirst();
      return row !== undefined;
    },
    async detach(conversationId: number, tagId: number): Promise<boolean> {
      const result = await ctx.db().deleteFrom('conversation_tags').where('conversation_id', '=', conversationId).where('tag_id', '=', tagId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    /** Renames or recolours the tag: false when there is no such tag (any more). */
    async update(id: number, name: string, color: TagColor | null): Promise<boolean> {
      return (await ctx.db().updateTable('tags').set({ name, color }).where('id', '=', id).executeTakeFirst()).numUpdatedRows > 0n;
    },
    /** How many conversations carry the tag. */
    async uses(id: number): Promise<number> {
      return count(ctx.db().selectFrom('conversation_tags').select((eb) => eb.fn.countAll().as('n')).where('tag_id', '=', id));
    },
    /** Deletes the tag; the conversations carrying it lose it with it (ON DELETE CASCADE). */
    async delete(id: number): Promise<boolean> {
      return (await ctx.db().deleteFrom('tags').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
    },
  };
}

export type TagsRepository = ReturnType<typeof createTagsRepository>;
