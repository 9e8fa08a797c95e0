import { ApiError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/domain';
import type { CoachService } from '../coach';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

type CoachHandlers = Pick<Handlers, 'coach.prompts' | 'coach.recordOutcome' | 'coach.checkDraft' | 'playbook.get' | 'playbook.save' | 'playbook.preview'>;

/** The coach's prompts and draft check for agents; its playbook, which only supervisors change. */
export function createCoachHandlers(ready: () => ReadyWorkspace, coach: () => CoachService, role: () => Role): CoachHandlers {
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
