import type { EventBus } from '../events/eventBus';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

/**
 * Tells the consoles when a person's draft in a conversation appears or goes, so the queue can mark
 * the conversations with an unsent draft (as Front marks them "Draft") without reading the list
 * again at every keystroke: only a change of "has a draft" is announced.
 */
export function withDraftMarks(
  handlers: Pick<Handlers, 'drafts.save'>,
  ready: () => ReadyWorkspace,
  bus: EventBus,
): Pick<Handlers, 'drafts.save'> {
  const save = handlers['drafts.save'];
  return {
    'drafts.save': async (params, caller) => {
      const userId = caller.person.id;
      const hadDraft = (await ready().store.conversations.getSummary(params.conversationId, userId))?.hasDraft ?? false;
      const saved = await save(params, caller);
      const hasDraft = (await ready().store.conversations.getSummary(params.conversationId, userId))?.hasDraft ?? false;
      if (hasDraft !== hadDraft) bus.emit('draft.changed', { conversationId: params.conversationId, userId, hasDraft });
      return saved;
    },
  };
}
