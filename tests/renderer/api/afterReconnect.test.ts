import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { afterReconnect } from '../../../renderer/src/api/liveUpdates';
import { liveKeys } from '../../../renderer/src/features/live/liveKeys';

function cache() {
  const queryClient = new QueryClient();
  for (const key of [['conversations.list', {}], ['conversations.get', 7], liveKeys.presence, liveKeys.activity]) queryClient.setQueryData(key, 'held');
  const stale = () =>
    queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => query.queryKey[0]);
  return { queryClient, stale };
}

describe('what the console reads again after its connection opened again', () => {
  it('a gap (host restarted, away too long): everything it shows', () => {
    const { queryClient, stale } = cache();
    afterReconnect(queryClient, { state: 'gap', reason: 'too-old' });
    expect(stale().sort()).toEqual(['activity.list', 'conversations.get', 'conversations.list', 'presence.list']);
  });

  it('resumed: the missed events were applied, so only what is never replayed (presence, viewing)', () => {
    const { queryClient, stale } = cache();
    afterReconnect(queryClient, { state: 'resumed', replayed: 3 });
    expect(stale().sort()).toEqual(['activity.list', 'presence.list']);
  });

  it('a first connection: nothing', () => {
    const { queryClient, stale } = cache();
    afterReconnect(queryClient, { state: 'fresh' });
    expect(stale()).toEqual([]);
  });
});
