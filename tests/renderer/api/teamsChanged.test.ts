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

describe('a conversation reopened by its customer, or woken from a snooze, anywhere', () => {
  it.each(['reopened', 'snooze-ended', 'snoozed'] as const)('(%s) has the Assign-to picker read people\'s open work again', (reason) => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(assigneesKey, []);
    const { handlers, stop } = liveUpdateHandlers(queryClient);
    handlers['conversation.changed']!({ conversationId: 70, reason });
    expect(queryClient.getQueryState(assigneesKey)?.isInvalidated).toBe(true);
    stop();
  });

  it('a tag change leaves the picker as it is', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(assigneesKey, []);
    const { handlers, stop } = liveUpdateHandlers(queryClient);
    handlers['conversation.changed']!({ conversationId: 70, reason: 'tags' });
    expect(queryClient.getQueryState(assigneesKey)?.isInvalidated).toBe(false);
    stop();
  });
});
