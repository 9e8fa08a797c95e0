import { useEffect, useRef } from 'react';
import { useClient } from '../../api/ClientContext';
import { activityReporterOf } from './useLive';

/**
 * Tells the host, as a hint, that the person is typing a reply or a note in this conversation: each
 * change of the text (not the text loaded with the draft) counts as a key; emptied, sent or closed,
 * they no longer type. The reporter throttles what is sent.
 */
export function useReportTyping(conversationId: number, kind: 'reply' | 'note', text: string): void {
  const client = useClient();
  const last = useRef<{ kind: string; text: string } | null>(null);
  useEffect(() => {
    const reporter = activityReporterOf(client);
    const was = last.current;
    last.current = { kind, text };
    if (!reporter || was === null) return;
    if (was.kind !== kind) {
      reporter.stopTyping(conversationId);
      return;
    }
    if (was.text === text) return;
    if (text.trim() === '') reporter.stopTyping(conversationId);
    else reporter.typed(conversationId, kind);
  }, [client, conversationId, kind, text]);
  useEffect(() => () => activityReporterOf(client)?.stopTyping(conversationId), [client, conversationId]);
}
