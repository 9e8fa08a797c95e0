import { createHash } from 'node:crypto';
import type { Channel } from '../../../shared/contract/domain';

/** Identifies a text for the reading cache (the channel matters: e-mail quotes are removed). */
export function textHash(channel: Channel, body: string): string {
  return createHash('sha256').update(channel).update('\0').update(body).digest('hex');
}
