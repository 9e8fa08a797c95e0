import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { createSendWorkflow } from '../../../../electron/services/conversations';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { nextEvent } from '../../../helpers/nextEvent';
import { as, sendAnyway } from '../../../helpers/callApi';

const NOW = Date.UTC(2026, 10, 28, 16, 0);
/** A reply the draft check has something to say about (curt, and it ignores how the customer feels). */
const CURT = 'Noted.';
const KIND = 'Hi Sam, I am so sorry the parcel has gone missing again. I have sent a replacement today by tracked courier.';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A team server over a real workspace and analysis engine (lexicon): Aisha (agent) and Hannah (supervisor) on Sam's upset chat. */
async function collision() {
  const harness = await startAnalysis({ models: [] });
  const { store, bus, ingestion, events } = harness;
  const aishaUser = await store.users.create({ name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' }, NOW);
  const hannahUser = await store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, NOW);
  let clock = NOW;
  const api = await createApi({ host: 'web', mode: 'team', bus, workspace: { state: 'ready', store, ingestion }, now: () => (clock += 1_000) });
  closers.push(() => api.close());
  const customerWrites = (body: string) =>
    ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
      conversation: { externalRef: 'chat-sam', subject: 'Missing parcel' },
      message: { author: 'customer', body, sentAt: (clock += 1_000), externalId: `sam-${clock}` },
    });
  const first = await customerWrites('This is awful. My parcel is lost again and nobody has answered me. I am angry and disappointed.');
  await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === first.messageId);
  const conversationId = first.conversationId;
  const aisha = as(api, aishaUser);
  const hannah = as(api, hannahUser);
  /** Everything a send could write: the thread, the session log, the drafts, the coach's prompts. */
  const written = async () => ({
    messages: (await store.messages.listForConversation(conversationId)).map((message) => message.id),
    log: (await store.sessionEvents.listForConversation(conversationId)).map((event) => event.id),
    drafts: await store.drafts.byKind(conversationId, aishaUser.id),
    prompts: await store.coachPrompts.listForConversation(conversationId),
  });
  return { ...harness, api, conversationId, first, aisha, hannah, aishaUser, hannahUser, customerWrites, written, tick: () => clock };
}

describe('a reply whose author has not seen what arrived since is held', () => {
  it('holds a reply written before a colleague replied, says who, when and how it began, and writes nothing', async () => {
    const { api, conversationId, first, aisha, hannah, hannahUser, written } = await collision();
    await aisha.ok('drafts.save', { conversationId, kind: 'reply', body: KIND });
    // Hannah answers while Aisha is still writing
    const theirs = await sendAnyway(api, { conversationId, kind: 'reply', body: 'Hi Sam, Hannah here: your replacement is on its way.' }, hannah.caller);
    const before = written();
    const held = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId });
    expect(held).toEqual({
      outcome: 'held',
      arrived: [{ messageId: theirs.id, author: 'agent', authorName: hannahUser.name, sentAt: theirs.sentAt, preview: 'Hi Sam, Hannah here: your replacement is on its way.' }],
      more: 0,
    });
    // nothing sent, logged or cleared: the draft is still Aisha's
    expect(await written()).toEqual(await before);
    expect((await written()).drafts.reply).toMatchObject({ body: KIND });
    // having seen it, she sends
    expect(await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: theirs.id })).toMatchObject({ outcome: 'sent' });
  });

  it('holds for the customer writing and for a colleague’s note, never for one’s own messages, and never holds a note', async () => {
    const { api, conversationId, first, aisha, hannah, customerWrites, written } = await collision();
    // her own note since is no news to her
    const mine = await sendAnyway(api, { conversationId, kind: 'note', body: 'Checking the courier first.' }, aisha.caller);
    expect(mine.author).toBe('note');
    const sam = await customerWrites('Hello? Is anyone there?');
    const note = await sendAnyway(api, { conversationId, kind: 'note', body: 'I will take this one, leave it with me.' }, hannah.caller);
    const held = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId });
    expect(held).toMatchObject({ outcome: 'held', more: 0, arrived: [{ messageId: sam.messageId, author: 'customer', authorName: 'Sam Carter', preview: 'Hello? Is anyone there?' }, { messageId: note.id, author: 'note', authorName: 'Hannah Cole' }] });
    // a note is never held
    const count = (await written()).messages.length;
    expect(await aisha.ok('conversations.send', { conversationId, kind: 'note', body: 'Sam wrote again.', seenMessageId: first.messageId })).toMatchObject({ outcome: 'sent' });
    expect((await written()).messages.length).toBe(count + 1);
  });

  it('names the newest three of many that arrived and counts the rest', async () => {
    const { conversationId, first, aisha, customerWrites } = await collision();
    const ids: number[] = [];
    for (const word of ['One', 'Two', 'Three', 'Four', 'Five']) ids.push((await customerWrites(`${word}?`)).messageId);
    const held = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId });
    expect(held).toMatchObject({ outcome: 'held', more: 2 });
    expect(held.outcome === 'held' && held.arrived.map((message) => message.messageId)).toEqual(ids.slice(2));
  });

  it('decides on everything that arrived however much it is: names the newest, and "send anyway" over older ones still holds', async () => {
    const { conversationId, first, aisha, customerWrites } = await collision();
    // more than any one read of what arrived would hold
    const ids: number[] = [];
    for (let index = 0; index < 503; index++) ids.push((await customerWrites(`Are you there? (${index + 1})`)).messageId);
    const named = (result: { outcome: string; arrived?: { messageId: number }[] }) => result.arrived?.map((message) => message.messageId);
    const held = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId });
    expect(held).toMatchObject({ outcome: 'held', more: 500 });
    expect(named(held)).toEqual(ids.slice(-3));
    // sent anyway over the first 500 only: the three newest are still unseen, so it is held again
    const partly = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId, collisionOverride: { upToMessageId: ids[499]! } });
    expect(partly).toMatchObject({ outcome: 'held', more: 500 });
    expect(named(partly)).toEqual(ids.slice(-3));
    // over the newest it was told of: it goes
    expect(await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId, collisionOverride: { upToMessageId: ids.at(-1)! } })).toMatchObject({ outcome: 'sent' });
  });

  it('"send anyway" sends over what the author was told of, records who overrode what, and holds again for anything newer', async () => {
    const { api, store, conversationId, first, aisha, aishaUser, hannah, customerWrites } = await collision();
    const theirs = await sendAnyway(api, { conversationId, kind: 'reply', body: 'Hannah here: a replacement is on its way.' }, hannah.caller);
    const held = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId });
    expect(held.outcome).toBe('held');
    // before she decides, Sam writes again: "send anyway" over Hannah's reply does not cover it
    const sam = await customerWrites('Thank you Hannah!');
    const again = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId, collisionOverride: { upToMessageId: theirs.id } });
    expect(again).toMatchObject({ outcome: 'held', arrived: [{ messageId: theirs.id }, { messageId: sam.messageId }] });
    expect(await store.sessionEvents.listOfKind('collision.overridden')).toEqual([]);
    const sent = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId, collisionOverride: { upToMessageId: sam.messageId } });
    if (sent.outcome !== 'sent') throw new Error('not sent');
    expect(await store.sessionEvents.listOfKind('collision.overridden')).toEqual([
      expect.objectContaining({
        conversationId,
        messageId: sent.message.id,
        userId: aishaUser.id,
        payload: {
          seenMessageId: first.messageId,
          over: [
            { messageId: theirs.id, author: 'agent', authorName: 'Hannah Cole', sentAt: theirs.sentAt },
            { messageId: sam.messageId, author: 'customer', authorName: 'Sam Carter', sentAt: expect.any(Number) },
          ],
          more: 0,
        },
      }),
    ]);
  });

  it('holds before the draft check (nothing checked or logged), then checks, and both decisions go with the reply', async () => {
    const { api, store, conversationId, first, aisha, aishaUser, hannah, written } = await collision();
    const theirs = await sendAnyway(api, { conversationId, kind: 'reply', body: 'Hannah here: a replacement is on its way.' }, hannah.caller);
    const before = written();
    const held = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: CURT, seenMessageId: first.messageId });
    expect(held.outcome).toBe('held');
    expect(await written()).toEqual(await before);
    expect((await store.sessionEvents.listOfKind('draft.checked')).filter((event) => event.userId === aishaUser.id)).toEqual([]);
    // sent anyway over the collision: now the draft check speaks
    const override = { upToMessageId: theirs.id };
    const checked = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: CURT, seenMessageId: first.messageId, collisionOverride: override });
    if (checked.outcome !== 'check') throw new Error('the reply was not checked');
    const shown = checked.findings.map((finding) => ({ check: finding.check, better: finding.better }));
    const sent = await aisha.ok('conversations.send', { conversationId, kind: 'reply', body: CURT, seenMessageId: first.messageId, collisionOverride: override, draftCheck: { decision: 'send-anyway', shown } });
    if (sent.outcome !== 'sent') throw new Error('not sent');
    const kinds = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.messageId === sent.message.id).map((event) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['draft.decision', 'collision.overridden']));
  });

  it('compares again as the reply is stored: a message arriving during the draft check holds it, and nothing is stored', async () => {
    const { store, ingestion, conversationId, first, aishaUser, customerWrites } = await collision();
    // the customer writes while the draft check reads the reply
    let arrived: number | null = null;
    const workflow = createSendWorkflow({
      store,
      ingestion,
      coach: {
        checkDraft: async () => {
          arrived = (await customerWrites('Actually, it just arrived!')).messageId;
          return [];
        },
        settle: async () => [],
      },
      findPromises: () => [],
      now: () => NOW + 60_000,
    });
    const count = (await store.messages.listForConversation(conversationId)).length;
    const result = await workflow.send({ conversationId, kind: 'reply', body: KIND, seenMessageId: first.messageId, user: aishaUser });
    expect(arrived).not.toBeNull();
    expect(result).toMatchObject({ outcome: 'held', arrived: [{ messageId: arrived, author: 'customer', preview: 'Actually, it just arrived!' }] });
    // only the customer's message was stored
    expect((await store.messages.listForConversation(conversationId)).length).toBe(count + 1);
  });

  it('refuses a "seen" message of another conversation, and changes nothing', async () => {
    const { conversationId, aisha, written, customerWrites, ingestion } = await collision();
    const other = await ingestion.ingest({
      channel: 'email',
      customer: { displayName: 'Lena Fischer', identities: [{ kind: 'email', value: 'lena@example.com' }] },
      conversation: { externalRef: 'mail-lena', subject: 'Refund' },
      message: { author: 'customer', body: 'Where is my refund?', sentAt: NOW, externalId: 'lena-1' },
    });
    await customerWrites('Hello?');
    const before = written();
    expect(await aisha.call('conversations.send', { conversationId, kind: 'reply', body: KIND, seenMessageId: other.messageId })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await written()).toEqual(await before);
  });
});
