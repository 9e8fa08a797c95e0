import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { liveUpdateHandlers } from '../../../renderer/src/api/liveUpdates';
import { assigneesKey } from '../../../renderer/src/features/conversation/assigneesKey';
import { teamsKey } from '../../../renderer/src/features/teams/useTeams';

describe('a team changed (made, renamed, restaffed or deleted) anywhere', () => {
  it('has the Assign-to picker read the people and their open work again, as well as the teams', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(assigneesKey, []);
    queryClient.setQueryData(teamsKey, []);
    const { handlers, stop } = liveUpdateHandlers(queryClient);
    handlers['teams.changed']!({ teamId: 1, change: 'members' });
    // (a restaffed team takes those leaving off its conversations: their open counts in the picker change)
    expect(queryClient.getQueryState(assigneesKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(teamsKey)?.isInvalidated).toBe(true);
    stop();
  });
});
