import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { liveUpdateHandlers } from '../../../renderer/src/api/liveUpdates';
import { queryKeys } from '../../../renderer/src/app/queryKeys';
import type { WorkspaceStatus } from '../../../shared/contract/domain';

const arrival = { messageId: 1, conversationId: 1, customerId: 1, channel: 'chat', author: 'customer', sentAt: 1_700_000_000_000 } as const;

/** The console's cache with the workspace's status as it was read, holding `conversations` conversations. */
function consoleWith(conversations: number) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.status, { counts: { conversations } } as unknown as WorkspaceStatus);
  const { handlers, stop } = liveUpdateHandlers(queryClient);
  const statusStale = () => queryClient.getQueryState(queryKeys.status)?.isInvalidated ?? false;
  return { handlers, stop, statusStale };
}

describe('a message arriving in a workspace that had no conversation', () => {
  it('reads the workspace status again, so "No conversations yet" gives way to the queue', () => {
    const { handlers, stop, statusStale } = consoleWith(0);
    handlers['message.added']!(arrival);
    expect(statusStale()).toBe(true);
    stop();
  });

  it('leaves the status alone once there are conversations (no read per message)', () => {
    const { handlers, stop, statusStale } = consoleWith(3);
    handlers['message.added']!(arrival);
    expect(statusStale()).toBe(false);
    stop();
  });
});
