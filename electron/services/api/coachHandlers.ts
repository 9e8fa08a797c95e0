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
  const mustExist = async (conversationId: number) => {
    if (!(await ready().store.conversations.getSummary(conversationId))) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
  };
  const playbookState = async (caller: Caller) => ({ ...(await coach().playbooks.get()), canEdit: mayCall(caller, 'playbook.save') });

  return {
    'coach.prompts': async ({ conversationId }) => {
      await mustExist(conversationId);
      return coach().prompts(conversationId);
    },
    'coach.recordOutcome': async ({ promptId, outcome }, caller) => {
      const prompt = await coach().recordOutcome(promptId, outcome, caller.person);
      if (!prompt) throw new ApiError('not-found', `There is no prompt ${promptId}.`);
      return prompt;
    },
    'coach.checkDraft': async ({ conversationId, text }, caller) => {
      await mustExist(conversationId);
      return (await coach().checkDraft(conversationId, text, caller.person)) ?? [];
    },
    'coach.draftTone': async ({ conversationId, draftId, text }, caller) => {
      const conversation = await ready().store.conversations.getSummary(conversationId);
      if (!conversation) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
      // the reading is evidence, not the verdict: without it the draft check and the agent's words still say how it reads
      const reading = text.trim() ? await readDraft({ draftId, conversationId, channel: conversation.channel, text }).catch(() => null) : null;
      const tone = await coach().draftTone(conversationId, text, reading ? { sentiment: reading.sentiment, dominant: reading.dominant, emotions: reading.emotions, analyzer: reading.analyzer } : null, caller.person);
      if (!tone) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
      return { ...tone, reading };
    },
    'playbook.get': async (_params, caller) => await playbookState(caller),
    // who may is the dispatcher's one table (shared/contract/permissions.ts)
    'playbook.save': async ({ playbook }, caller) => {
      const { store } = ready();
      await store.transaction(async () => {
        await coach().playbooks.save(playbook);
        // who changed the coach, for the team's record
        await store.sessionEvents.append({ at: now(), kind: 'playbook.changed', conversationId: null, messageId: null, userId: caller.person.id, payload: { restoredDefault: playbook === null } });
      });
      return playbookState(caller);
    },
    'playbook.preview': async ({ conversationId, playbook }, caller) => {
      await mustExist(conversationId);
      return (await coach().preview(conversationId, playbook, caller.person))!;
    },
  };
}
