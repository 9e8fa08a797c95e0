/**
 * Collects one conversation's messages as IngestMessages: the same customer and conversation
 * fields on each, a unique external id per message, and the conversation status after each one.
 */
import type { Channel, ConversationStatus, MessageAuthor, MessageMeta } from '../../../shared/contract/domain';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { Agent } from './brand';
import type { ConversationPlan } from './conversationPlan';
import { identitiesFor } from './people';

export interface RecordOptions {
  agent?: Agent;
  meta?: MessageMeta;
}

export class ConversationRecorder {
  private readonly messages: IngestMessage[] = [];
  private status: ConversationStatus = 'open';
  readonly channel: Channel;

  constructor(
    readonly ref: string,
    private readonly plan: ConversationPlan,
    private readonly subject: string,
  ) {
    this.channel = plan.script.kind;
  }

  get count(): number {
    return this.messages.length;
  }

  /** Adds a message; agent messages and notes need `agent`. Returns its external id. */
  add(author: MessageAuthor, body: string, sentAt: number, options: RecordOptions = {}): string {
    if (author === 'customer') this.status = 'open';
    else if (author === 'agent') this.status = 'pending';
    const externalId = `${this.ref}-m${this.messages.length + 1}`;
    const { plan } = this;
    const message: IngestMessage['message'] = { author, body, sentAt, externalId };
    if (options.agent && author !== 'customer' && author !== 'system') {
      message.authorName = options.agent.name;
      message.authorEmail = options.agent.email;
    }
    if (options.meta) message.meta = options.meta;
    const conversation: IngestMessage['conversation'] = {
      externalRef: this.ref,
      subject: this.subject,
      queue: plan.queue,
      status: this.status,
    };
    if (plan.assigned) conversation.assigneeEmail = plan.agent.email;
    this.messages.push({
      channel: this.channel,
      customer: { displayName: plan.customer.displayName, identities: identitiesFor(plan.customer, this.channel) },
      conversation,
      message,
    });
    return externalId;
  }

  /** The messages, the last one carrying the conversation's final status. */
  finish(): IngestMessage[] {
    const last = this.messages[this.messages.length - 1];
    if (last) last.conversation.status = this.plan.status;
    return this.messages;
  }
}
