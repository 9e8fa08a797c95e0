import { ApiError } from '../../../shared/contract/errors';
import type { MessageReading } from '../../../shared/contract/analysis';
import type { Channel } from '../../../shared/contract/domain';
import type { CoachService } from '../coach';
import { mayCall } from './authorize';
import type { Caller } from './caller';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

type CoachHandlers = Pick<Handlers, 'coach.prompts' | 'coach.recordOutcome' | 'coach.checkDraft' | 'coach.draftTone' | 'playbook.get' | 'playbook.save' | 'playbook.preview'>;

/** Reads a draft for feeling (the analysis engine); null when analysis is not running or cannot read it. */
export type ReadDraft = (draft: { draftId: string; conversationId: number; channel: Channel; text: string }) => Promise<MessageReading | null>;

/** The coach's prompts and draft check for agents; its playbook, which only supervisors and admins change (shared/contract/permissions.ts). */
export function createCoachHandlers(ready: () => ReadyWorkspace, coach: () => CoachService, now: () => number, readDraft: ReadDraft = async () => null): CoachHandlers {
  const mustExist = (conversationId: number) => {
    if (!ready().store.conversations.getSummary(conversationId)) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
  };
  const playbookState = (caller: Caller) => ({ ...coach().playbooks.get(), canEdit: mayCall(caller, 'playbook.save') });

  return {
    'coach.prompts': ({ conversationId }) => {
      mustExist(conversationId);
      return coach().prompts(conversationId);
    },
    'coach.recordOutcome': ({ promptId, outcome }, caller) => {
      const prompt = coach().recordOutcome(promptId, outcome, caller.person);
      if (!prompt) throw new ApiError('not-found', `There is no prompt ${promptId}.`);
      return prompt;
    },
    'coach.checkDraft': ({ conversationId, text }, caller) => {
      mustExist(conversationId);
      return coach().checkDraft(conversationId, text, caller.person) ?? [];
    },
    'coach.draftTone': async ({ conversationId, draftId, text }, caller) => {
      const conversation = ready().store.conversations.getSummary(conversationId);
      if (!conversation) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
      // the reading is evidence, not the verdict: without it the draft check and the agent's words still say how it reads
      const reading = text.trim() ? await readDraft({ draftId, conversationId, channel: conversation.channel, text }).catch(() => null) : null;
      const tone = coach().draftTone(conversationId, text, reading ? { sentiment: reading.sentiment, dominant: reading.dominant, emotions: reading.emotions, analyzer: reading.analyzer } : null, caller.person);
      if (!tone) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
      return { ...tone, reading };
    },
    'playbook.get': (_params, caller) => playbookState(caller),
    // who may is the dispatcher's one table (shared/contract/permissions.ts)
    'playbook.save': ({ playbook }, caller) => {
      const { store } = ready();
      store.transaction(() => {
        coach().playbooks.save(playbook);
        // who changed the coach, for the team's record
        store.sessionEvents.append({ at: now(), kind: 'playbook.changed', conversationId: null, messageId: null, userId: caller.person.id, payload: { restoredDefault: playbook === null } });
      });
      return playbookState(caller);
    },
    'playbook.preview': ({ conversationId, playbook }, caller) => {
      mustExist(conversationId);
      return coach().preview(conversationId, playbook, caller.person)!;
    },
  };
}
