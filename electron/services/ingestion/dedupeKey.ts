import { createHash } from 'node:crypto';
import type { IngestMessage } from '../../../shared/contract/ingestion';

/**
 * The identity of a message across repeated deliveries: the e-mail Message-ID when there is one,
 * else the connector's own id, else a hash of what makes it the same message.
 */
export function dedupeKey(item: IngestMessage): string {
  const emailId = item.message.meta?.messageId;
  if (item.channel === 'email' && typeof emailId === 'string' && emailId.trim()) {
    return `email:${emailId.trim().toLowerCase()}`;
  }
  if (item.message.externalId) return `${item.channel}:id:${item.message.externalId}`;
  const firstIdentity = item.customer.identities[0];
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        item.channel,
        item.conversation.externalRef ?? '',
        firstIdentity?.kind ?? '',
        firstIdentity?.value ?? '',
        item.message.author,
        item.message.sentAt,
        item.message.body,
      ]),
    )
    .digest('hex');
  return `${item.channel}:hash:${hash}`;
}
