import type { ResponseTargetsService, SnoozeService, TagActions } from '../triage';
import { mayCall } from './authorize';
import type { Caller } from './caller';
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
export function createTriageHandlers(triage: () => TriageParts): TriageHandlers {
  const targetsState = async (caller: Caller) => ({ ...(await triage().targets.get()), canEdit: mayCall(caller, 'responseTargets.save') });
  return {
    'tags.list': () => triage().tags.list(),
    'conversations.addTag': ({ id, name, color }, caller) => triage().tags.add({ conversationId: id, name, color, user: caller.person }),
    'conversations.removeTag': ({ id, tagId }, caller) => triage().tags.remove({ conversationId: id, tagId, user: caller.person }),
    'tags.update': ({ id, name, color }, caller) => triage().tags.update({ id, name, color, user: caller.person }),
    'tags.delete': ({ id }, caller) => triage().tags.delete({ id, user: caller.person }),
    'conversations.snooze': ({ id, until }, caller) => triage().snoozes.snooze({ conversationId: id, until, user: caller.person }),
    'responseTargets.get': async (_params, caller) => await targetsState(caller),
    // who may is the dispatcher's one table (shared/contract/permissions.ts)
    'responseTargets.save': async ({ targets }, caller) => {
      await triage().targets.save(targets, caller.person);
      return targetsState(caller);
    },
  };
}
