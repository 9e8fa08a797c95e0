import type { ConversationSummary, User } from '../../../shared/contract/domain';
import { TAGS_IN_WORKSPACE_MAX, TAGS_PER_CONVERSATION_MAX, normaliseTagName, type TagColor } from '../../../shared/contract/triage';
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
  function summary(conversationId: number, viewer: User | null): ConversationSummary {
    const found = store.conversations.getSummary(conversationId, viewer?.id ?? null);
    if (!found) throw new Refusal('not-found', `There is no conversation ${conversationId}.`);
    return found;
  }

  return {
    list: () => store.tags.list(),

    add(input: { conversationId: number; name: string; color: TagColor | null; user: User | null }): ConversationSummary {
      summary(input.conversationId, input.user);
      const name = normaliseTagName(input.name);
      if (!name) throw new Refusal('invalid-input', 'A tag needs a name.');
      const at = now();
      const changed = store.transaction(() => {
        const existing = store.tags.findByName(name);
        if (existing && store.tags.isOn(input.conversationId, existing.id)) return false;
        if (store.tags.countOn(input.conversationId) >= TAGS_PER_CONVERSATION_MAX) {
          throw new Refusal('conflict', `A conversation carries at most ${TAGS_PER_CONVERSATION_MAX} tags: remove one first.`);
        }
        if (!existing && store.tags.count() >= TAGS_IN_WORKSPACE_MAX) {
          throw new Refusal('conflict', `The workspace has its ${TAGS_IN_WORKSPACE_MAX.toLocaleString('en')} tags already: use one of them.`);
        }
        const tag = existing ?? store.tags.create(name, input.color, at);
        store.tags.attach(input.conversationId, tag.id, at);
        logConversation(store, { at, kind: 'tag.added', conversationId: input.conversationId, user: input.user, payload: { tagId: tag.id, name: tag.name, created: !existing } });
        return true;
      });
      if (changed) bus.emit('conversation.changed', { conversationId: input.conversationId, reason: 'tags' });
      return summary(input.conversationId, input.user);
    },

    remove(input: { conversationId: number; tagId: number; user: User | null }): ConversationSummary {
      summary(input.conversationId, input.user);
      const tag = store.tags.getById(input.tagId);
      if (!tag || !store.tags.isOn(input.conversationId, tag.id)) throw new Refusal('not-found', `Conversation ${input.conversationId} has no tag ${input.tagId}.`);
      const at = now();
      store.transaction(() => {
        store.tags.detach(input.conversationId, tag.id);
        logConversation(store, { at, kind: 'tag.removed', conversationId: input.conversationId, user: input.user, payload: { tagId: tag.id, name: tag.name } });
      });
      bus.emit('conversation.changed', { conversationId: input.conversationId, reason: 'tags' });
      return summary(input.conversationId, input.user);
    },
  };
}

export type TagActions = ReturnType<typeof createTagActions>;
