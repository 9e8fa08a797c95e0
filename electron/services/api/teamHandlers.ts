import type { TeamActions } from '../teams';
import type { Handlers } from './dispatch';

type TeamHandlers = Pick<Handlers, 'teams.list' | 'teams.create' | 'teams.rename' | 'teams.setMembers' | 'teams.delete'>;

/** The workspace's teams: everyone reads them; who may change them is the dispatcher's one table (admins). */
export function createTeamHandlers(teams: () => TeamActions): TeamHandlers {
  return {
    'teams.list': () => teams().list(),
    'teams.create': ({ name, memberIds }, caller) => teams().create({ name, memberIds, user: caller.person }),
    'teams.rename': ({ id, name }, caller) => teams().rename({ id, name, user: caller.person }),
    'teams.setMembers': ({ id, memberIds }, caller) => teams().setMembers({ id, memberIds, user: caller.person }),
    'teams.delete': ({ id }, caller) => teams().delete({ id, user: caller.person }),
  };
}
