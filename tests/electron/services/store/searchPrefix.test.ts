import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RANKED_MATCHES } from '../../../../electron/services/store/searchIndex';
import { createPrefixSpelling, MAX_PREFIX_TERMS } from '../../../../electron/services/store/searchPrefix';
import { parseSearch } from '../../../../electron/services/store/searchQuery';
import { createSearchStems } from '../../../../electron/services/store/searchStems';
import { testStore } from '../../../helpers/testStore';

/**
 * The search's cost stays bounded for words in many messages: the last word's prefix is spelled out
 * as the words of the index it starts (FTS5 would merge them all over the whole index first), and
 * words that fill the window of matches are not scored over the whole index.
 */
const T0 = Date.UTC(2026, 2, 3, 10, 14);

const connections: Database.Database[] = [];
afterEach(() => {
  while (connections.length) connections.pop()!.close();
});

async function seed() {
  const store = await testStore();
  // a second connection to the workspace, to look at its index directly
  const db = new Database(store.path);
  connections.push(db);
  let key = 0;
  const customerId = await store.customers.create('Ana Lima', T0);
  const conversation = (subject: string) =>
    store.conversations.create({ customerId, channel: 'chat', status: 'open', subject, queue: 'general', assigneeId: null, externalRef: `ref-${++key}`, createdAt: T0 + key });
  const message = async (conversationId: number, body: string) => {
    const sentAt = T0 + ++key * 1000;
    const id = (await store.messages.insert({ conversationId, author: 'customer', authorName: null, authorUserId: null, body, sentAt, externalId: null, dedupeKey: `m-${key}`, meta: {}, createdAt: sentAt }))!;
    await store.conversations.recordMessage(conversationId, id, sentAt, 'customer');
    return id;
  };
  return { store, db, conversation, message };
}

describe('a search’s last word, as the start of words', () => {
  it('is spelled out as the index’s words it starts, finding exactly what FTS5’s prefix finds', async () => {
    const { store, db, conversation, message } = await seed();
    const thanks = await conversation('Thanks');
    await message(thanks, 'Thank you so much!');
    await message(thanks, 'Thank your driver from me.');
    await message(thanks, 'Thanks, young man.');
    await message(await conversation('Other'), 'You were right about the sofa.');
    const spelled = createPrefixSpelling(db, createSearchStems(db));
    const query = spelled(parseSearch('thank yo'));
    expect(query).toBe('"thank" AND ("you" OR "young" OR "your")');
    const ids = (match: string) => db.prepare<[string], { rowid: number }>('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').all(match).map((row) => row.rowid);
    expect(ids(query!)).toEqual(ids(parseSearch('thank yo').words!));
    expect(ids(query!)).toHaveLength(3);
    // and the search finds them all
    expect((await store.search.find('thank yo', {}, 50)).map((hit) => hit.messageMatches)).toEqual([3]);
  });

  it('is left to FTS5 when it starts nothing, or more words than are worth spelling out', async () => {
    const { store, db, conversation, message } = await seed();
    const id = await conversation('Words');
    await message(id, Array.from({ length: MAX_PREFIX_TERMS + 1 }, (_, i) => `zebra${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' '));
    const spelled = createPrefixSpelling(db, createSearchStems(db));
    expect(spelled(parseSearch('zebr'))).toBe('"zebr"*');
    expect(spelled(parseSearch('qwxz'))).toBe('"qwxz"*');
    // a finished word (a space after it) is no prefix
    expect(spelled(parseSearch('thank you '))).toBe('"thank" "you"');
    expect(await store.search.find('zebr', {}, 50)).toHaveLength(1);
  });
});

describe('words in more messages than are ranked', () => {
  it('show their newest matches first; rarer words are ranked by how well they match', async () => {
    const { store, conversation, message } = await seed();
    const old = await conversation('Old');
    await message(old, 'order order order order: my order, the order of my order');
    let best = 0;
    for (let i = 0; i < RANKED_MATCHES; i++) {
      const id = await conversation(`Busy ${i}`);
      // the best match by bm25 is in the middle of the window
      if (i === RANKED_MATCHES / 2) best = id;
      await message(id, i === RANKED_MATCHES / 2 ? 'order order order' : `About my order number ${i}, and a few more words to make it longer`);
    }
    const newest = await conversation('Newest');
    await message(newest, 'And where is my order now, a week after I was told it would arrive?');
    const hits = await store.search.find('order', {}, 50);
    expect(hits[0]!.conversationId).toBe(newest);
    expect(hits.map((hit) => hit.conversationId)).not.toContain(best);
    expect(hits.map((hit) => hit.conversationId)).not.toContain(old);
    // a rare word: the message using it most and most briefly first, not the newest
    const rare = await conversation('Rare');
    await message(rare, 'sprocket sprocket sprocket');
    await message(await conversation('Rare too'), 'One sprocket among many other words in a long and rambling message about nothing in particular');
    expect((await store.search.find('sprocket', {}, 50))[0]!.conversationId).toBe(rare);
  });
});
