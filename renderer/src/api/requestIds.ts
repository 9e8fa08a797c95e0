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

interface Lost {
  clientId: string;
  target: string;
}

/** What a request acts on — a conversation, a follow-up, a prompt, a customer — or the workspace. */
function targetOf(method: string, input: Record<string, unknown>): string {
  const number = (key: string) => (typeof input[key] === 'number' ? String(input[key]) : null);
  const [family] = method.split('.');
  if (family === 'followUps' && number('id')) return `follow-up:${number('id')}`;
  const conversation = number('conversationId') ?? (family === 'conversations' ? number('id') : null);
  if (conversation) return `conversation:${conversation}`;
  if (number('promptId')) return `prompt:${number('promptId')}`;
  if (number('customerId')) return `customer:${number('customerId')}`;
  return 'workspace';
}

/**
 * Gives each write the person makes a client-made id (see RETRYABLE_METHODS), and gives the same id
 * again when they send the same request after it was lost with the connection — when nobody knows
 * whether the host applied it — so the host stores it once. Only a lost request's id is given
 * again: a request still on its way, or answered, is never confused with a new one (two identical
 * notes sent on purpose are two notes). A lost id is forgotten once a different request on the same
 * thing is answered (setting a status back and then again is a new act, not a resend). Writes the
 * console makes on its own (draft saves, marking read) always get a fresh id: a later save of the
 * same text is a new save.
 */
export function createRequestIds(makeId: () => string = newRequestId) {
  const lost = new Map<string, Lost>();
  const keyOf = (method: string, input: Record<string, unknown>) => `${method}\n${JSON.stringify(input)}`;

  return {
    /** The input to send: with the id of an earlier lost try of the same request, or a new one. */
    begin(method: string, input: unknown): { input: unknown; key: string | null } {
      if (!isRetryableMethod(method) || typeof input !== 'object' || input === null || 'clientId' in input) return { input, key: null };
      const plain = input as Record<string, unknown>;
      const key = keyOf(method, plain);
      const earlier = BACKGROUND_METHODS.has(method) ? undefined : lost.get(key);
      lost.delete(key);
      return { input: { ...plain, clientId: earlier?.clientId ?? makeId() }, key };
    },
    /** The request got an answer (`definite`), or was lost on the way and may be sent again. */
    settle(key: string | null, method: string, sent: unknown, definite: boolean): void {
      if (key === null || typeof sent !== 'object' || sent === null) return;
      const input = sent as Record<string, unknown>;
      const target = targetOf(method, input);
      if (!definite) {
        if (!BACKGROUND_METHODS.has(method)) lost.set(key, { clientId: String(input.clientId), target });
        return;
      }
      if (BACKGROUND_METHODS.has(method)) return;
      for (const [other, entry] of lost) if (entry.target === target) lost.delete(other);
    },
    get pending(): number {
      return lost.size;
    },
  };
}

export type RequestIds = ReturnType<typeof createRequestIds>;
