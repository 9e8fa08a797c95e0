import { NAME_TOUCH_POINTS, REMEMBERED_TOUCH_POINTS } from './connectionWeights';
import { contactWords, weightAt, type ConnectionMoment, type RawContribution } from './connectionContext';
import { conversationSignal, type ConversationSignal } from './conversationSignal';
import type { PreparedConversation } from './preparedHistory';

/** One conversation as it stood at the moment: what the bond items (bondItems.ts) need of it, and its personal touches. */
export interface ConversationFacts {
  conversationId: number;
  /** "chat on 3 March" (empty when labels are not wanted). */
  where: string;
  subject: string | null;
  firstContactAt: number;
  /** How it went for the customer, from their messages read so far; null when none is read. */
  signal: ConversationSignal | null;
  /** The last customer message read (what the signal is dated by). */
  lastReadAt: number;
  /** The agent's personal touches in it, as items. */
  touches: RawContribution[];
}

/** What one conversation holds up to the moment: its contact, its signal and the agent's personal touches. */
export function conversationFacts(conversation: PreparedConversation, moment: ConnectionMoment): ConversationFacts | null {
  if (conversation.firstContactAt > moment.cutoff) return null;
  const where = contactWords(moment, conversation.channel, conversation.firstContactAt);
  const sentiments: number[] = [];
  let lastReadAt = 0;
  let nameAt: number | null = null;
  let remembersAt: number | null = null;
  for (const message of conversation.messages) {
    if (message.sentAt > moment.cutoff) break;
    if (message.sentiment !== null) {
      sentiments.push(message.sentiment);
      lastReadAt = message.sentAt;
    }
    if (message.byName && nameAt === null) nameAt = message.sentAt;
    if (message.remembers && remembersAt === null) remembersAt = message.sentAt;
  }

  const touches: RawContribution[] = [];
  if (nameAt !== null) {
    touches.push({
      kind: 'personal-touch',
      points: NAME_TOUCH_POINTS * weightAt(moment, nameAt),
      label: moment.labels ? `addressed by name in the ${where}` : '',
      at: nameAt,
      conversationId: conversation.id,
    });
  }
  if (remembersAt !== null) {
    touches.push({
      kind: 'personal-touch',
      points: REMEMBERED_TOUCH_POINTS * weightAt(moment, remembersAt),
      label: moment.labels ? `referred back to an earlier contact in the ${where}` : '',
      at: remembersAt,
      conversationId: conversation.id,
    });
  }
  return {
    conversationId: conversation.id,
    where,
    subject: conversation.subject?.trim() || null,
    firstContactAt: conversation.firstContactAt,
    signal: conversationSignal(sentiments),
    lastReadAt,
    touches,
  };
}
