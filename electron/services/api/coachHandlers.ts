import { ApiError } from '../../../shared/contract/errors';
import type { MessageReading } from '../../../shared/contract/analysis';
import type { Channel, Role } from '../../../shared/contract/domain';
import type { CoachService } from '../coach';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

type CoachHandlers = Pick<Handlers, 'coach.prompts' | 'coach.recordOutcome' | 'coach.checkDraft' | 'coach.draftTone' | 'playbook.get' | 'playbook.save' | 'playbook.preview'>;

/** Reads a draft for feeling (the analysis engine); null when analysis is not running or cannot read it. */
export type ReadDraft = (draft: { draftId: string; conversationId: number; channel: Channel; text: string }) => Promise<MessageReading | null>;

/** The coach's prompts and draft check for agents; its playbook, which only supervisors change. */
export function createCoachHandlers(ready: () => ReadyWorkspace, coach: () => CoachService, role: () => Role, readDraft: ReadDraft = async () => null): CoachHandlers {
  const mustExist = (conversationId: number) => {
    if (!ready().store.conversations.getSummary(conversationId)) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
  };
  const playbookState = () => ({ ...coach().playbooks.get(), canEdit: role() === 'supervisor' });

  return {
    'coach.prompts': ({ conversationId }) => {
      mustExist(conversationId);
      return coach().prompts(conversationId);
    },
    'coach.recordOutcome': ({ promptId, outcome }) => {
      const prompt = coach().recordOutcome(promptId, outcome);
      if (!prompt) throw new ApiError('not-found', `There is no prompt ${promptId}.`);
      return prompt;
    },
    'coach.checkDraft': ({ conversationId, text }) => {
      mustExist(conversationId);
      return coach().checkDraft(conversationId, text) ?? [];
    },
    'coach.draftTone': async ({ conversationId, draftId, text }) => {
      const conversation = ready().store.conversations.getSummary(conversationId);
      if (!conversation) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
      // the reading is evidence, not the verdict: without it the draft check and the agent's words still say how it reads
      const reading = text.trim() ? await readDraft({ draftId, conversationId, channel: conversation.channel, text }).catch(() => null) : null;
      const tone = coach().draftTone(conversationId, text, reading ? { sentiment: reading.sentiment, dominant: reading.dominant, emotions: reading.emotions, analyzer: reading.analyzer } : null);
      if (!tone) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
      return { ...tone, reading };
    },
    'playbook.get': () => playbookState(),
    'playbook.save': ({ playbook }) => {
      if (role() !== 'supervisor') throw new ApiError('forbidden', 'Only a supervisor can change the coach’s playbook.');
      coach().playbooks.save(playbook);
      return playbookState();
    },
    'playbook.preview': ({ conversationId, playbook }) => {
      mustExist(conversationId);
      return coach().preview(conversationId, playbook)!;
    },
  };
}
