import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Message } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';

interface Loaded {
  conversationId: number;
  /** Earlier messages read so far, oldest first. */
  messages: Message[];
  /** How many are still further back than the first of them. */
  olderCount: number;
}

const NONE: Message[] = [];

const before = (a: Message, b: Message) => a.sentAt < b.sentAt || (a.sentAt === b.sentAt && a.id < b.id);

/**
 * A long thread read a page at a time: the conversation opens with its newest page, and earlier
 * pages are read as the agent scrolls up. The pages stay joined when new messages arrive.
 */
export function useOlderMessages(conversationId: number, newest: Message[] | undefined, newestOlderCount: number) {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded>({ conversationId, messages: [], olderCount: 0 });
  const [loading, setLoading] = useState(false);
  const inFlight = useRef(false);
  const earlier = loaded.conversationId === conversationId ? loaded.messages : NONE;

  const messages = useMemo(() => {
    const first = newest?.[0];
    if (!newest || !first) return newest ?? NONE;
    return [...earlier.filter((message) => before(message, first)), ...newest];
  }, [earlier, newest]);
  const remaining = earlier.length > 0 ? loaded.olderCount : newestOlderCount;

  const read = useCallback(
    async (beforeMessage: Message, limit: number) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setLoading(true);
      try {
        const page = await client.call('conversations.olderMessages', { id: conversationId, beforeMessageId: beforeMessage.id, limit });
        setLoaded((current) => {
          const had = current.conversationId === conversationId ? current.messages : [];
          const seen = new Set<number>();
          const joined = [...page.messages, ...had]
            .filter((message) => !seen.has(message.id) && seen.add(message.id))
            .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
          const pageFirst = page.messages[0];
          const pageIsOldest = pageFirst !== undefined && (had[0] === undefined || before(pageFirst, had[0]));
          return { conversationId, messages: joined, olderCount: pageIsOldest || had.length === 0 ? page.olderCount : current.olderCount };
        });
      } finally {
        inFlight.current = false;
        setLoading(false);
      }
    },
    [client, conversationId],
  );

  const loadOlder = useCallback(() => {
    const first = messages[0];
    if (first && remaining > 0) void read(first, 100);
  }, [messages, read, remaining]);

  // new messages pushed the newest page past pages already read: read the gap between them
  const gap = earlier.length > 0 ? newestOlderCount - (loaded.olderCount + earlier.filter((message) => newest?.[0] && before(message, newest[0])).length) : 0;
  useEffect(() => {
    const first = newest?.[0];
    if (gap > 0 && first) void read(first, Math.min(500, gap));
  }, [gap, newest, read]);

  return { messages, olderCount: remaining, loading, loadOlder };
}
