import { describe, expect, it } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService, MAX_KEYS_PER_CHUNK } from '../../../../electron/services/ingestion/ingestionService';
import type { Store } from '../../../../electron/services/store/store';
import { openTestStore } from '../../../helpers/bothStores';

/**
 * A bulk import of e-mails with long References on PostgreSQL: every key of a chunk is a lock held
 * to its commit, and PostgreSQL's lock table is shared and small (64 per connection by default).
 * 100 messages of 400 References each — one chunk, 40,000 locks — used to fill it ("out of shared
 * memory", 53200); chunks are now cut by their keys as well as by their messages.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const MESSAGES = 100;
const REFERENCES = 400;
const email = (messageId: string, meta: Record<string, unknown>, sentAt: number): IngestMessage => ({
  channel: 'email',
  customer: { displayName: 'Ines Duarte', identities: [{ kind: 'email', value: 'ines@example.com' }] },
  conversation: { subject: 'A long thread' },
  message: { author: 'customer', body: `Message ${messageId}`, sentAt, meta: { messageId, ...meta } },
});

describe('a bulk import of e-mails with long References, on PostgreSQL', () => {
  it('stores them all, no chunk holding more keys than the bound', async () => {
    const { store } = await openTestStore('postgres');
    let mostKeys = 0;
    const counting: Store = {
      ...store,
      messages: { ...store.messages, holdArrival: async (keys: readonly string[]) => {
        mostKeys = Math.max(mostKeys, keys.length);
        await store.messages.holdArrival(keys);
      } },
    };
    const ingestion = createIngestionService(counting, createEventBus());
    const root = await ingestion.ingest(email('<root@example.com>', {}, T0), { notify: false });
    // each answers the root and carries its own long list of References (forwarded, quoted, old mail)
    const items = Array.from({ length: MESSAGES }, (_, i) =>
      email(`<m${i}@example.com>`, { inReplyTo: '<root@example.com>', references: Array.from({ length: REFERENCES }, (_, r) => `<old-${i}-${r}@example.com>`) }, T0 + 1 + i));
    const results = await ingestion.ingestMany(items, { notify: false });
    expect(results.filter((result) => result.created)).toHaveLength(MESSAGES);
    expect(new Set(results.map((result) => result.conversationId))).toEqual(new Set([root.conversationId]));
    expect(await store.messages.count()).toBe(MESSAGES + 1);
    expect(mostKeys).toBeLessThanOrEqual(MAX_KEYS_PER_CHUNK);
  });
});
