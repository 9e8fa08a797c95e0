import type { User } from '../../../shared/contract/domain';
import type { SessionEventKind } from '../store/kysely/sessionEvents';
import type { Store } from '../store/store';

/** An entry in the session log about a conversation (not about one message), by whoever did it (null: the console itself). */
export async function logConversation(store: Store, entry: { at: number; kind: SessionEventKind; conversationId: number; user: User | null; payload: Record<string, unknown> }): Promise<void> {
  await store.sessionEvents.append({ at: entry.at, kind: entry.kind, conversationId: entry.conversationId, messageId: null, userId: entry.user?.id ?? null, payload: entry.payload });
}
