import type { Channel, ConversationStatus, FollowUp } from '../../../../shared/contract/domain';
import type { ConnectionHistory, HistoryConversation, HistoryMessage } from '../../../../electron/services/connection/connectionHistory';

/** Small, readable customer histories for the connection tests (times are UTC; tests use Europe/London). */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const TZ = 'Europe/London';

/** "2026-03-03 10:00" → epoch ms (UTC; London is on UTC in winter). */
export const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`);

export interface Step {
  after: number;
  author: 'customer' | 'agent' | 'note' | 'system';
  body: string;
  sentiment: number | null;
}

/** A customer message `minutes` after the conversation starts. */
export const customer = (minutes: number, body: string, sentiment: number): Step => ({ after: minutes * MINUTE, author: 'customer', body, sentiment });
/** An internal note `minutes` after the conversation starts (never seen by the customer). */
export const note = (minutes: number, body: string): Step => ({ after: minutes * MINUTE, author: 'note', body, sentiment: null });
/** A system line ("Call started") `minutes` after the conversation starts. */
export const system = (minutes: number, body: string): Step => ({ after: minutes * MINUTE, author: 'system', body, sentiment: null });
/** An agent reply `minutes` after the conversation starts. */
export const agent = (minutes: number, body: string): Step => ({ after: minutes * MINUTE, author: 'agent', body, sentiment: null });

export class HistoryBuilder {
  private readonly conversations: HistoryConversation[] = [];
  private readonly followUps: FollowUp[] = [];
  private nextMessageId = 1;

  constructor(
    private readonly firstName: string | null = 'Anna',
    private readonly customerId = 7,
  ) {}

  /** Adds a conversation starting at `start`; returns its id. */
  conversation(start: number, steps: Step[], channel: Channel = 'chat', subject: string | null = null, status: ConversationStatus = 'open'): number {
    const id = this.conversations.length + 1;
    const messages: HistoryMessage[] = steps.map((step) => ({
      id: this.nextMessageId++,
      author: step.author,
      body: step.body,
      sentAt: start + step.after,
      sentiment: step.sentiment,
      dominant: null,
    }));
    this.conversations.push({ id, channel, status, subject, createdAt: start, messages });
    return id;
  }

  /** Adds a follow-up (a promise); `done` is when it was done, null while open. */
  followUp(conversationId: number | null, description: string, createdAt: number, dueAt: number, done: number | null, status: FollowUp['status'] = done === null ? 'open' : 'done'): this {
    this.followUps.push({
      id: this.followUps.length + 1,
      customerId: this.customerId,
      conversationId,
      messageId: null,
      createdBy: 1,
      description,
      dueAt,
      status,
      createdAt,
      closedAt: done,
    });
    return this;
  }

  build(): ConnectionHistory {
    return {
      customer: { id: this.customerId, displayName: `${this.firstName ?? 'Someone'} Example`, firstName: this.firstName, createdAt: this.conversations[0]?.createdAt ?? 0 },
      conversations: this.conversations.map((c) => ({ ...c, messages: [...c.messages] })),
      followUps: [...this.followUps],
    };
  }
}
