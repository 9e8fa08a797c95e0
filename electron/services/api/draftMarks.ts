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
      // the person's drafts here, one small read by key (not the conversation's whole summary before
      // and after every autosave): after the save, this kind is there unless it was emptied, and the
      // other kind is as it was
      const before = await ready().store.drafts.byKind(params.conversationId, userId);
      const hadDraft = Object.values(before).some((draft) => draft !== null);
      const saved = await save(params, caller);
      // not saved (that draft was sent meanwhile): nothing changed
      if (saved.savedAt === null) return saved;
      const hasDraft = params.body.trim() !== '' || Object.entries(before).some(([kind, draft]) => kind !== params.kind && draft !== null);
      if (hasDraft !== hadDraft) bus.emit('draft.changed', { conversationId: params.conversationId, userId, hasDraft });
      return saved;
    },
  };
}
