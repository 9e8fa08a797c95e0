import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/services/store/openDatabase';
import { migrations } from '../../../../electron/services/store/migrations';
import { openSqliteStore } from '../../../../electron/services/store/store';
import type { SearchFilter } from '../../../../electron/services/store/searchIndex';
import { SEARCH_MARK_END, SEARCH_MARK_START, type Channel, type ConversationStatus } from '../../../../shared/contract/domain';
import { tempDir } from '../../../helpers/tempDir';
import { testStore } from '../../../helpers/testStore';

/**
 * Search finds a conversation by what an agent would type: words of its messages in any form,
 * emoji, its subject, its customer's name, e-mail address or phone number — within the queue's
 * filters, each conversation once, saying why.
 */
const T0 = Date.UTC(2026, 2, 3, 10, 14);
/** [marked] for SEARCH_MARK_START…END, to read expectations easily. */
const shown = (text: string | null | undefined) => (text ?? '').replaceAll(SEARCH_MARK_START, '[').replaceAll(SEARCH_MARK_END, ']');

async function seed() {
  const store = await testStore();
  const agent = await store.users.create({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, T0);
  let key = 0;
  const customer = async (name: string, identities: { kind: 'email' | 'phone' | 'chat'; value: string }[] = []) => {
    const id = await store.customers.create(name, T0);
    for (const identity of identities) await store.customers.addIdentity(id, identity);
    return id;
  };
  const conversation = (customerId: number, subject: string | null, channel: Channel = 'email', status: ConversationStatus = 'open', assigneeId: number | null = null) =>
    store.conversations.create({ customerId, channel, status, subject, queue: 'general', assigneeId, externalRef: `ref-${++key}`, createdAt: T0 + key });
  const message = async (conversationId: number, body: string) => {
    const sentAt = T0 + ++key * 1000;
    const id = (await store.messages.insert({
      conversationId, author: 'customer', authorName: null, authorUserId: null, body, sentAt,
      externalId: null, dedupeKey: `m-${key}`, meta: {}, createdAt: sentAt,
    }))!;
    await store.conversations.recordMessage(conversationId, id, sentAt, 'customer');
    return id;
  };
  const find = (typed: string, filter: SearchFilter = {}) => store.search.find(typed, filter, 50);
  return { store, agent, customer, conversation, message, find };
}

describe('search over conversations', () => {
  it('finds a conversation by its subject, marked, and says so', async () => {
    const { customer, conversation, message, find } = await seed();
    const ana = await customer('Ana Lima');
    const wrong = await conversation(ana, 'Wrong size or colour');
    await message(wrong, 'The jumper I got is too small.');
    await conversation(ana, 'Missed delivery');
    const hits = await find('colour');
    expect(hits.map((hit) => hit.conversationId)).toEqual([wrong]);
    expect(hits[0]!.matchedIn).toEqual(['subject']);
    expect(shown(hits[0]!.subject)).toBe('Wrong size or [colour]');
    expect(hits[0]!.message).toBeNull();
    // the word in another form finds it too
    expect((await find('colours')).map((hit) => hit.conversationId)).toEqual([wrong]);
  });

  it('finds a customer’s conversations by name, e-mail address (or part of it) and phone number written any way', async () => {
    const { customer, conversation, find } = await seed();
    const lucy = await customer('Lucy Chapman', [
      { kind: 'email', value: 'lucy.chapman@example.com' },
      { kind: 'phone', value: '+44 7700 900123' },
    ]);
    const other = await customer('Tom Baker', [{ kind: 'phone', value: '07700 900456' }]);
    const first = await conversation(lucy, 'Sofa legs');
    const second = await conversation(lucy, null, 'voice');
    const toms = await conversation(other, 'Curtains');

    const byName = await find('Lucy Chap');
    expect(byName.map((hit) => hit.conversationId)).toEqual([second, first]);
    expect(byName[0]!.matchedIn).toEqual(['customer', 'email']);
    expect(shown(byName[0]!.customerName)).toBe('[Lucy] [Chapman]');

    for (const typed of ['lucy.chapman@example.com', 'chapman@exam', 'lucy.chap']) {
      const hits = await find(typed);
      expect(hits.map((hit) => hit.conversationId), typed).toEqual([second, first]);
      expect(hits[0]!.matchedIn, typed).toContain('email');
      expect(shown(hits[0]!.identity), typed).toContain('[chapman]');
    }
    for (const typed of ['+44 7700 900123', '07700900123', '07700 900123', '7700900123', '900123', '0044 7700 900123', '+44 (0)7700 900123'.replace('(0)', '')]) {
      const hits = await find(typed);
      expect(hits.map((hit) => hit.conversationId), typed).toEqual([second, first]);
      expect(hits[0]!.matchedIn, typed).toEqual(['phone']);
      expect(shown(hits[0]!.identity), typed).toBe('[+44 7700 900123]');
    }
    // a number stored in its national form is found by its international one
    expect((await find('+44 7700 900456')).map((hit) => hit.conversationId)).toEqual([toms]);
    expect(await find('900789')).toEqual([]);
  });

  it('finds messages by any form of their words, and marks the form found', async () => {
    const { customer, conversation, message, find } = await seed();
    const id = await conversation(await customer('Ana Lima'), 'Order 1042');
    const refunded = message(id, 'We refunded the full amount yesterday.');
    const other = await conversation(await customer('Ben Ng'), 'Chair');
    await message(other, 'I would like a refund please.');
    for (const typed of ['refunds', 'refunding', 'refunded', 'Refund']) {
      expect((await find(typed)).map((hit) => hit.conversationId).sort(), typed).toEqual([id, other].sort());
    }
    const hit = (await find('refunds')).find((found) => found.conversationId === id)!;
    expect(hit.message?.id).toBe(await refunded);
    expect(shown(hit.message?.snippet)).toBe('We [refunded] the full amount yesterday.');
    expect(hit.matchedIn).toEqual(['message']);
  });

  it('finds emoji, alone, in a run, beside a word and together with words', async () => {
    const { customer, conversation, message, find } = await seed();
    const sad = await conversation(await customer('Ana Lima'), null, 'chat');
    await message(sad, 'Still nothing 😞');
    const sadder = await conversation(await customer('Ben Ng'), null, 'chat');
    await message(sadder, 'Third time asking😞😞');
    const happy = await conversation(await customer('Cai Wu'), null, 'chat');
    await message(happy, 'Lovely, thanks 👍🏽');
    expect((await find('😞')).map((hit) => hit.conversationId).sort()).toEqual([sad, sadder].sort());
    expect(shown((await find('😞')).find((hit) => hit.conversationId === sad)!.message?.snippet)).toBe('Still nothing [😞]');
    expect((await find('nothing 😞')).map((hit) => hit.conversationId)).toEqual([sad]);
    expect((await find('asking')).map((hit) => hit.conversationId)).toEqual([sadder]);
    expect((await find('👍')).map((hit) => hit.conversationId)).toEqual([happy]);
  });

  it('looks only where the queue’s filters look: channel, status, assignee and mood', async () => {
    const { agent, customer, conversation, message, find } = await seed();
    const ana = await customer('Ana Lima');
    const emailOpen = await conversation(ana, 'Wrong size or colour', 'email', 'open', agent.id);
    const chatResolved = await conversation(ana, 'Wrong size or colour', 'chat', 'resolved');
    const chatOpen = await conversation(ana, 'Delivery', 'chat', 'pending');
    await message(chatOpen, 'Which colour did you order?');
    const ids = async (filter: SearchFilter) => (await find('colour', filter)).map((hit) => hit.conversationId).sort();
    expect(await ids({})).toEqual([emailOpen, chatResolved, chatOpen].sort());
    expect(await ids({ channel: 'chat' })).toEqual([chatResolved, chatOpen].sort());
    expect(await ids({ channel: 'email' })).toEqual([emailOpen]);
    expect(await ids({ status: 'active' })).toEqual([emailOpen, chatOpen].sort());
    expect(await ids({ channel: 'chat', status: 'resolved' })).toEqual([chatResolved]);
    expect(await ids({ status: 'snoozed' })).toEqual([]);
    expect(await ids({ assignee: agent.id })).toEqual([emailOpen]);
    expect(await ids({ assignee: 'unassigned' })).toEqual([chatResolved, chatOpen].sort());
    expect(await ids({ mood: 'upset' })).toEqual([]);
  });

  it('shows a conversation once, however many ways it matched, with why', async () => {
    const { customer, conversation, message, find } = await seed();
    const ana = await customer('Ana Colour', [{ kind: 'email', value: 'ana@colour.example' }]);
    const id = await conversation(ana, 'Wrong size or colour');
    await message(id, 'The colour is not what the picture showed.');
    const best = message(id, 'Colour, colour, colour: it is the wrong colour.');
    await message(id, 'Nothing to do with it.');
    const hits = await find('colour');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ conversationId: id, matchedIn: ['subject', 'customer', 'email', 'message'], messageMatches: 2 });
    expect(hits[0]!.message?.id).toBe(await best);
  });

  it('finds words with accents and in other scripts, however they are typed', async () => {
    const { customer, conversation, message, find } = await seed();
    const id = await conversation(await customer('Zoë Müller'), 'Größe falsch');
    await message(id, 'Où est ma commande ? Где мой заказ? أين طلبي');
    expect((await find('Zoe Muller')).map((hit) => hit.conversationId)).toEqual([id]);
    expect((await find('größe')).map((hit) => hit.conversationId)).toEqual([id]);
    expect((await find('ou est')).map((hit) => hit.conversationId)).toEqual([id]);
    expect((await find('заказ')).map((hit) => hit.conversationId)).toEqual([id]);
    expect((await find('طلبي')).map((hit) => hit.conversationId)).toEqual([id]);
    expect(shown((await find('commande')).at(0)?.message?.snippet)).toContain('[commande]');
  });

  it('never fails on what a person may type, FTS syntax included', async () => {
    const { customer, conversation, message, find } = await seed();
    const id = await conversation(await customer('Ana Lima', [{ kind: 'phone', value: '+44 7700 900123' }]), 'Café crème');
    await message(id, 'He said "not again" - NEAR the door * AND OR NOT');
    const hostile = ['"', '""', '"""', '*', '**', 'NEAR(', 'NEAR(a b', 'NEAR', '-', '--', '- not', '"not again', 'again"', 'a"b', 'AND', 'OR NOT', '(', ')', '()', 'a:b', 'subject:', '{subject customer}', 'phones : 900123', '^', '^not', '+', '+44', '+-', 'x*y', "'", "''", '😞"', '"*"', '\\', '\u0000', '\u0002', '%', '_', ';DROP TABLE messages', '0', '00', '+0', '(((((((', ' '];
    for (const typed of hostile) {
      expect(() => find(typed), typed).not.toThrow();
      expect(() => find(typed, { channel: 'chat', status: 'active' }), typed).not.toThrow();
    }
    expect((await find('"not again"')).map((hit) => hit.conversationId)).toEqual([id]);
    expect((await find('"not again')).map((hit) => hit.conversationId)).toEqual([id]);
    expect((await find('NEAR(door')).map((hit) => hit.conversationId)).toEqual([id]);
    expect((await find('cafe creme')).map((hit) => hit.conversationId)).toEqual([id]);
  });

  it('keeps the conversations’ index in step with subjects, names and identities as they change', async () => {
    const { store, customer, conversation, find } = await seed();
    const ana = await customer('Ana Lima');
    const id = await conversation(ana, 'Sofa legs');
    await store.customers.addIdentity(ana, { kind: 'email', value: 'ana.lima@example.com' });
    expect((await find('ana.lima@example')).map((hit) => hit.conversationId)).toEqual([id]);
    const raw = new Database(store.path);
    try {
      raw.prepare('UPDATE customers SET display_name = ? WHERE id = ?').run('Ana Souza', ana);
      raw.prepare('UPDATE conversations SET subject = ? WHERE id = ?').run('Armchair', id);
      raw.prepare("DELETE FROM customer_identities WHERE kind = 'email'").run();
    } finally {
      raw.close();
    }
    expect(await find('Lima')).toEqual([]);
    expect((await find('Souza')).map((hit) => hit.conversationId)).toEqual([id]);
    expect(await find('sofa')).toEqual([]);
    expect((await find('armchair')).map((hit) => hit.conversationId)).toEqual([id]);
    expect(await find('ana.lima@example')).toEqual([]);
  });
});

describe('migration 11 (search everywhere) on an existing workspace', () => {
  it('indexes what is already stored: word forms, emoji, subjects, names, addresses and numbers', async () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const before = migrations.filter((migration) => migration.version < 11);
    const old = openDatabase(file, { migrations: before });
    expect(old.migration.to).toBe(before.at(-1)!.version);
    const { db } = old;
    db.prepare("INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Lucy Chapman', 0)").run();
    db.prepare("INSERT INTO customer_identities (customer_id, kind, value) VALUES (1, 'email', 'lucy@example.com'), (1, 'phone', '+44 7700 900123')").run();
    db.prepare("INSERT INTO conversations (id, customer_id, channel, status, subject, created_at, updated_at) VALUES (7, 1, 'email', 'open', 'Wrong size or colour', 0, 0)").run();
    db.prepare("INSERT INTO messages (id, conversation_id, author, body, sent_at, dedupe_key, created_at) VALUES (70, 7, 'customer', 'You refunded the wrong card 😞', 1, 'a', 1)").run();
    db.close();

    const store = await openSqliteStore(file);
    try {
      expect(store.migration.applied).toContain('11 search everywhere');
      const ids = async (typed: string) => (await store.search.find(typed, {}, 10)).map((hit) => hit.conversationId);
      for (const typed of ['colour', 'Lucy', 'lucy@example.com', '07700900123', 'refunds', '😞']) expect(await ids(typed), typed).toEqual([7]);
      // and new messages are indexed as they come
      await store.messages.insert({ conversationId: 7, author: 'agent', authorName: null, authorUserId: null, body: 'Replacements are on their way 🚚', sentAt: 2, externalId: null, dedupeKey: 'b', meta: {}, createdAt: 2 });
      expect(await ids('replacement')).toEqual([7]);
      expect(await ids('🚚')).toEqual([7]);
    } finally {
      await store.close();
    }
  });
});
