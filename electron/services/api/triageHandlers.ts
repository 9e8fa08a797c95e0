import { ApiError } from '../../../shared/contract/errors';
import type { Role, User } from '../../../shared/contract/domain';
import type { ResponseTargetsService, SnoozeService, TagActions } from '../triage';
import type { Handlers } from './dispatch';

type TriageHandlers = Pick<
  Handlers,
  'tags.list' | 'tags.update' | 'tags.delete' | 'conversations.addTag' | 'conversations.removeTag' | 'conversations.snooze' | 'responseTargets.get' | 'responseTargets.save'
>;

export interface TriageParts {
  tags: TagActions;
  snoozes: SnoozeService;
  targets: ResponseTargetsService;
}

/** Tags, snoozes and the response-time targets (which only supervisors change). */
export function createTriageHandlers(triage: () => TriageParts, currentUser: () => User | null, role: () => Role): TriageHandlers {
  const supervisorOnly = (what: string) => {
    if (role() !== 'supervisor') throw new ApiError('forbidden', `Only a supervisor can ${what}.`);
  };
  const targetsState = () => ({ ...triage().targets.get(), canEdit: role() === 'supervisor' });
  return {
    'tags.list': () => triage().tags.list(),
    'conversations.addTag': ({ id, name, color }) => triage().tags.add({ conversationId: id, name, color, user: currentUser() }),
    'conversations.removeTag': ({ id, tagId }) => triage().tags.remove({ conversationId: id, tagId, user: currentUser() }),
    'tags.update': ({ id, name, color }) => {
      supervisorOnly('rename or recolour tags');
      return triage().tags.update({ id, name, color, user: currentUser() });
    },
    'tags.delete': ({ id }) => {
      supervisorOnly('delete tags');
      return triage().tags.delete({ id, user: currentUser() });
    },
    'conversations.snooze': ({ id, until }) => triage().snoozes.snooze({ conversationId: id, until, user: currentUser() }),
    'responseTargets.get': () => targetsState(),
    'responseTargets.save': ({ targets }) => {
      supervisorOnly('change the response-time targets');
      triage().targets.save(targets, currentUser());
      return targetsState();
    },
  };
}
