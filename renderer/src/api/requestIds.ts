import { isRetryableMethod } from '../../../shared/contract/methods';

/** Writes the console makes on its own while the person works; they never mean "the person moved on". */
const BACKGROUND_METHODS = new Set(['drafts.save', 'conversations.markRead']);

/** A random UUID (v4); randomUUID needs a secure context, getRandomValues does not. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface Unsettled {
  clientId: string;
  target: string;
}

/** What a request acts on: its conversation, customer, prompt, follow-up… or the workspace. */
function targetOf(input: Record<string, unknown>): string {
  for (const key of ['conversationId', 'id', 'customerId', 'promptId'] as const) {
    if (typeof input[key] === 'number') return `${key === 'id' ? 'id' : key}:${String(input[key])}`;
  }
  return 'workspace';
}

/**
 * Gives each write the person makes a client-made id (see RETRYABLE_METHODS), and gives the same id
 * again when they send the same request after the connection was lost — when nobody knows whether
 * the host applied it — so the host stores it once. An id is forgotten once its request gets a
 * definite answer, or once a different request on the same thing gets one (setting a status back
 * and then again is a new act, not a resend).
 */
export function createRequestIds(makeId: () => string = newRequestId) {
  const unsettled = new Map<string, Unsettled>();
  const keyOf = (method: string, input: Record<string, unknown>) => `${method}\n${JSON.stringify(input)}`;

  return {
    /** The input to send: with the id of an earlier unanswered try of the same request, or a new one. */
    begin(method: string, input: unknown): { input: unknown; key: string | null } {
      if (!isRetryableMethod(method) || typeof input !== 'object' || input === null || 'clientId' in input) return { input, key: null };
      const plain = input as Record<string, unknown>;
      const key = keyOf(method, plain);
      const entry = unsettled.get(key) ?? { clientId: makeId(), target: targetOf(plain) };
      unsettled.set(key, entry);
      return { input: { ...plain, clientId: entry.clientId }, key };
    },
    /** The request got an answer (`definite`), or was lost on the way and may be sent again. */
    settle(key: string | null, method: string, definite: boolean): void {
      if (key === null || !definite) return;
      const entry = unsettled.get(key);
      unsettled.delete(key);
      if (!entry || BACKGROUND_METHODS.has(method)) return;
      for (const [other, { target }] of unsettled) if (target === entry.target) unsettled.delete(other);
    },
    get pending(): number {
      return unsettled.size;
    },
  };
}

export type RequestIds = ReturnType<typeof createRequestIds>;
