import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { testStore } from '../../../helpers/testStore';

function htmlEmail(bodyHtml: string, messageId: string): IngestMessage {
  return {
    channel: 'email',
    customer: { displayName: 'Edith Carter', identities: [{ kind: 'email', value: 'edith@example.org' }] },
    conversation: { subject: 'Where is my order?' },
    message: { author: 'customer', body: '', bodyHtml, sentAt: Date.UTC(2026, 4, 12, 9, 0), meta: { messageId } },
  };
}

describe('ingesting HTML e-mail', () => {
  it('stores an e-mail whatever its HTML: nested 2,000 levels deep (22 KB), it is stored with its words', async () => {
    const store = await testStore();
    const ingestion = createIngestionService(store, createEventBus());
    const deep = `${'<div>'.repeat(2000)}My order never arrived, please help${'</div>'.repeat(2000)}`;
    expect(deep.length).toBeGreaterThan(22_000);
    const result = await ingestion.ingest(htmlEmail(deep, '<deep@example.org>'));
    expect(result.created).toBe(true);
    const stored = (await store.messages.getForReading(result.messageId))!;
    expect(stored.body).toBe('My order never arrived, please help');
  });

  it('stores an e-mail of 20,000 unclosed divs (nothing to read, but kept)', async () => {
    const store = await testStore();
    const ingestion = createIngestionService(store, createEventBus());
    const result = await ingestion.ingest(htmlEmail(`Hello<div>${'<div>'.repeat(20_000)}`, '<open@example.org>'));
    expect(result.created).toBe(true);
    expect((await store.messages.getForReading(result.messageId))!.body).toBe('Hello');
  });
});
