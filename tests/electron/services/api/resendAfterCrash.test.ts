import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../../shared/contract/domain';
import type { SendResult } from '../../../../shared/contract/send';
import type { CallResult } from '../../../../shared/contract/errors';
import { startChildHost } from '../../../helpers/childHost';
import { tempDir } from '../../../helpers/tempDir';

const REPLIES = 20;

describe('a reply resent after the host was killed', () => {
  it('is stored once, and the resend gets the message the first try stored', async () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    let host = await startChildHost(file);
    expect(await host.call('demo.load', {})).toMatchObject({ ok: true });
    const list = (await host.call('conversations.list', { channel: 'chat', limit: 1 })) as CallResult<{ items: ConversationSummary[] }>;
    if (!list.ok) throw new Error(list.error.message);
    const conversationId = list.value.items[0]!.id;

    // the replies go out one after another, and the host is killed once a few are stored
    const replies = Array.from({ length: REPLIES }, (_, i) => ({ clientId: randomUUID(), conversationId, kind: 'reply' as const, body: `Reply number ${i + 1} of the crash test.`, draftCheck: { decision: 'send-anyway' as const, shown: [] } }));
    const fifthStored = (() => {
      let stored = 0;
      return host.waitForEvent((event) => event.name === 'message.added' && event.payload.author === 'agent' && ++stored === 5);
    })();
    const firstTries = replies.map((input) => host.call('conversations.send', input));
    await fifthStored;
    await host.crash();
    const answered = await Promise.all(firstTries);
    expect(answered.some((result) => !result.ok)).toBe(true); // some were cut off

    // the console resends every reply it has no answer for — and, to be sure, the answered ones too
    host = await startChildHost(file);
    const resent = (await Promise.all(replies.map((input) => host.call('conversations.send', input)))) as CallResult<SendResult>[];
    await host.stop();
    answered.forEach((first, i) => {
      expect(resent[i]!.ok).toBe(true);
      if (first.ok) expect(resent[i]).toEqual(first);
    });

    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const bodies = db.prepare<[number], { body: string }>("SELECT body FROM messages WHERE conversation_id = ? AND author = 'agent' AND body LIKE 'Reply number %'").all(conversationId).map((row) => row.body);
      expect(bodies.sort()).toEqual(replies.map((reply) => reply.body).sort());
    } finally {
      db.close();
    }
  }, 120_000);
});
