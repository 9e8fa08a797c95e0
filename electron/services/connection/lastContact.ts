import type { ConnectionHistory } from './connectionHistory';

/**
 * When we were last in contact with the customer: their last message or ours to them, or a call (its
 * start and end lines). An internal note is not a contact, nor is any other system line.
 */
export function lastContactAt(history: ConnectionHistory): number | null {
  let latest: number | null = null;
  for (const conversation of history.conversations) {
    for (const message of conversation.messages) {
      const contact = message.author === 'customer' || message.author === 'agent' || (message.author === 'system' && conversation.channel === 'voice');
      if (contact && (latest === null || message.sentAt > latest)) latest = message.sentAt;
    }
  }
  return latest;
}
