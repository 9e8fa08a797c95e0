import type { ConversationSummary, User } from '../../../shared/contract/domain';
import { TAGS_IN_WORKSPACE_MAX, TAGS_PER_CONVERSATION_MAX, normaliseTagName, type TagColor, type TagUse } from '../../../shared/contract/triage';
import { Refusal } from '../common/refusal';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import { logConversation } from './conversationLog';

/**
 * Tags on conversations: added by name (an existing tag is reused whatever the case it is typed in;
 * a new name makes a new tag), removed by id. Each change is one write with its entry in the
 * session log; a refusal changes nothing.
 */
export function createTagActions(store: Store, bus: EventBus, now: () => number) {
  async function summary(conversationId: number, viewer: User | null): Promise<ConversationSummary> {
    const found = await store.conversations.getSummary(conversationId, viewer?.id ?? null);
    if (!found) throw new Refusal('not-found', `There is no conversation ${conversationId}.`);
    return found;
  }

  return {
    list: () => store.tags.list(),

    async add(input: { conversationId: number; name: string; color: TagColor | null; user: User | null }): Promise<ConversationSummary> {
      await summary(input.conversationId, input.user);
      const name = normaliseTagName(input.name);
      if (!name) throw new Refusal('invalid-input', 'A tag needs a name.');
      const at = now();
      const changed = await store.transaction(async () => {
        const existing = await store.tags.findByName(name);
        if (existing && await store.tags.isOn(input.conversationId, existing.id)) return false;
        if (await store.tags.countOn(input.conversationId) >= TAGS_PER_CONVERSATION_MAX) {
          throw new Refusal('conflict', `A conversation carries at most ${TAGS_PER_CONVERSATION_MAX} tags: remove one first.`);
        }
        if (!existing && await store.tags.count() >= TAGS_IN_WORKSPACE_MAX) {
          throw new Refusal('conflict', `The workspace has its ${TAGS_IN_WORKSPACE_MAX.toLocaleString('en')} tags already: use one of them.`);
        }
        const tag = existing ?? await store.tags.create(name, input.color, at);
        await store.tags.attach(input.conversationId, tag.id, at);
        await logConversation(store, { at, kind: 'tag.added', conversationId: input.conversationId, user: input.user, payload: { tagId: tag.id, name: tag.name, created: !existing } });
        return true;
      });
      if (changed) bus.emit('conversation.changed', { conversationId: input.conversationId, reason: 'tags' });
      return summary(input.conversationId, input.user);
    },

    async remove(input: { conversationId: number; tagId: number; user: User | null }): Promise<ConversationSummary> {
      await summary(input.conversationId, input.user);
      const tag = await store.tags.getById(input.tagId);
      if (!tag || !await store.tags.isOn(input.conversationId, tag.id)) throw new Refusal('not-found', `Conversation ${input.conversationId} has no tag ${input.tagId}.`);
      const at = now();
      await store.transaction(async () => {
        await store.tags.detach(input.conversationId, tag.id);
        await logConversation(store, { at, kind: 'tag.removed', conversationId: input.conversationId, user: input.user, payload: { tagId: tag.id, name: tag.name } });
      });
      bus.emit('conversation.changed', { conversationId: input.conversationId, reason: 'tags' });
      return summary(input.conversationId, input.user);
    },

    /**
     * Renames or recolours a tag everywhere it is used. A name another tag already has is refused
     * (merging two tags is not a rename); the same name in another case just changes its case.
     */
    async update(input: { id: number; name?: string; color?: TagColor | null; user: User | null }): Promise<TagUse> {
      const at = now();
      const { tag, change } = await store.transaction(async () => {
        const tag = await store.tags.getById(input.id);
        if (!tag) throw new Refusal('not-found', `There is no tag ${input.id}.`);
        const name = input.name === undefined ? tag.name : normaliseTagName(input.name);
        if (!name) throw new Refusal('invalid-input', 'A tag needs a name.');
        const clash = await store.tags.findByName(name);
        if (clash && clash.id !== tag.id) throw new Refusal('conflict', `There is a tag called “${clash.name}” already.`);
        const color = input.color === undefined ? tag.color : input.color;
        const change = name !== tag.name ? ('renamed' as const) : color !== tag.color ? ('recoloured' as const) : null;
        if (!change) return { tag, change };
        // deleted since it was read (another server process): nothing is logged for a tag that is gone
        if (!await store.tags.update(tag.id, name, color)) throw new Refusal('not-found', `There is no tag ${input.id}.`);
        await store.sessionEvents.append({ at, kind: 'tag.changed', conversationId: null, messageId: null, userId: input.user?.id ?? null, payload: { tagId: tag.id, from: { name: tag.name, color: tag.color }, to: { name, color } } });
        return { tag: { ...tag, name, color }, change };
      });
      if (change) bus.emit('tags.changed', { tagId: tag.id, change });
      return { ...tag, conversations: await store.tags.uses(tag.id) };
    },

    /** Deletes a tag and takes it off every conversation carrying it, in one write. */
    async delete(input: { id: number; user: User | null }): Promise<{ id: number; removedFrom: number }> {
      const at = now();
      const removedFrom = await store.transaction(async () => {
        const tag = await store.tags.getById(input.id);
        if (!tag) throw new Refusal('not-found', `There is no tag ${input.id}.`);
        const removedFrom = await store.tags.uses(tag.id);
        if (!await store.tags.delete(tag.id)) throw new Refusal('not-found', `There is no tag ${input.id}.`);
        await store.sessionEvents.append({ at, kind: 'tag.deleted', conversationId: null, messageId: null, userId: input.user?.id ?? null, payload: { tagId: tag.id, name: tag.name, removedFrom } });
        return removedFrom;
      });
      bus.emit('tags.changed', { tagId: input.id, change: 'deleted' });
      return { id: input.id, removedFrom };
    },
  };
}

export type TagActions = ReturnType<typeof createTagActions>;
