import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { draftSnapshotsOf } from '../../../../electron/services/conversations/draftSnapshots';
import { migrate } from '../../../../electron/services/store/migrate';
import { migrations } from '../../../../electron/services/store/migrations';
import { openSqliteStore } from '../../../../electron/services/store/store';
import path from 'node:path';
import { tempDir } from '../../../helpers/tempDir';
import { MESSAGE_MAX_CHARS } from '../../../../shared/contract/send';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { nextEvent } from '../../../helpers/nextEvent';
import { ok } from '../../../helpers/callApi';

const NOW = Date.UTC(2026, 10, 23, 10, 0);

/** A real workspace and analysis engine (lexicon: deterministic readings), an agent at the console, and an upset customer. */
async function upsetCustomer() {
  const harness = await startAnalysis({ models: [] });
  const { store, bus, ingestion, events } = harness;
  await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, NOW);
  let clock = NOW;
  const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => (clock += 1_000) });
  const { conversationId, messageId } = await ingestion.ingest({
    channel: 'chat',
    customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
    conversation: { externalRef: 'chat-sam', subject: 'Missing parcel' },
    message: { author: 'customer', body: 'This is awful. My parcel is lost again and nobody has answered me. I am angry and disappointed.', sentAt: NOW - 3 * 3_600_000, externalId: 'sam-1' },
  });
  await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === messageId);
  const messages = () => store.messages.listForConversation(conversationId);
  const log = () => store.sessionEvents.listForConversation(conversationId);
  const detail = () => ok(api, 'conversations.get', { id: conversationId });
  return { ...harness, api, conversationId, messages, log, detail };
}

describe('a reply and a note keep separate drafts', () => {
  it('saves each kind apart, gives both back, and sending a note leaves the reply draft as it was', async () => {
    const { api, store, conversationId, detail } = await upsetCustomer();
    await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Hi Sam, I am so sorry' });
    await ok(api, 'drafts.save', { conversationId, kind: 'note', body: 'Between us: check the courier first' });
    await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Hi Sam, I am so sorry about this.' });
    const both = await detail();
    expect(both.drafts.reply).toMatchObject({ kind: 'reply', body: 'Hi Sam, I am so sorry about this.' });
    expect(both.drafts.note).toMatchObject({ kind: 'note', body: 'Between us: check the courier first' });
    expect(both.draft).toMatchObject({ kind: 'reply' }); // the one worked on last

    // each kind's snapshots rebuild to its own text in the session log
    const snapshots = draftSnapshotsOf(await store.sessionEvents.listForConversation(conversationId));
    expect(snapshots.map((snapshot) => [snapshot.kind, snapshot.body])).toEqual([
      ['reply', 'Hi Sam, I am so sorry'],
      ['note', 'Between us: check the courier first'],
      ['reply', 'Hi Sam, I am so sorry about this.'],
    ]);

    const note = await ok(api, 'conversations.send', { conversationId, kind: 'note', body: 'Between us: check the courier first' });
    expect(note).toMatchObject({ outcome: 'sent', message: { author: 'note' }, promises: [], prompts: [] });
    const after = await detail();
    expect(after.drafts).toEqual({ reply: both.drafts.reply, note: null });
  });

  it('keeps a draft saved before the split under the kind it was saved as', async () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const db = new Database(file);
    db.pragma('application_id = 0x4b494e53');
    migrate(db, migrations.filter((migration) => migration.version < 10), null);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Sam Carter', 0)").run();
    db.prepare("INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at) VALUES (1, 1, 'chat', 'open', 0, 0), (2, 1, 'email', 'open', 0, 0)").run();
    db.prepare("INSERT INTO drafts (conversation_id, user_id, kind, body, updated_at) VALUES (1, 3, 'reply', 'Hi Sam,', 10), (2, 3, 'note', 'Between us…', 20)").run();
    db.close();
    const store = await openSqliteStore(file);
    expect(await store.drafts.byKind(1, 3)).toEqual({ reply: { kind: 'reply', body: 'Hi Sam,', savedAt: 10 }, note: null });
    // a draft last written as a note stays one: it never becomes customer-facing on its own
    expect(await store.drafts.byKind(2, 3)).toEqual({ reply: null, note: { kind: 'note', body: 'Between us…', savedAt: 20 } });
    await store.close();
  });
});

describe('conversations.send', () => {
  it('runs the draft check on a reply and sends nothing while it has findings; "send anyway" sends and is logged', async () => {
    const { api, conversationId, messages, log, detail } = await upsetCustomer();
    await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Noted.' });
    const count = (await messages()).length;
    const checked = await ok(api, 'conversations.send', { conversationId, kind: 'reply', body: 'Noted.' });
    if (checked.outcome !== 'check') throw new Error('the reply was not checked');
    expect(checked.findings.map((finding) => finding.check)).toEqual(expect.arrayContaining(['ignores-feeling', 'curt']));
    expect((await messages()).length).toBe(count);
    expect((await detail()).drafts.reply).toMatchObject({ body: 'Noted.' });
    expect((await log()).at(-1)).toMatchObject({ kind: 'draft.checked', payload: { checks: checked.findings.map((finding) => finding.check) } });

    const shown = checked.findings.map((finding) => ({ check: finding.check, better: finding.better }));
    const sent = await ok(api, 'conversations.send', { conversationId, kind: 'reply', body: 'Noted.', draftCheck: { decision: 'send-anyway', shown } });
    if (sent.outcome !== 'sent') throw new Error('not sent');
    expect((await messages()).length).toBe(count + 1);
    expect((await detail()).drafts.reply).toBeNull();
    const decision = (await log()).find((event) => event.kind === 'draft.decision');
    expect(decision).toMatchObject({ messageId: sent.message.id, payload: { decision: 'send-anyway', sentAs: 'reply' } });
    expect((decision!.payload.shown as { used: boolean }[]).every((finding) => !finding.used)).toBe(true);
  });

  it('records "use instead" with which better sentences reached the customer', async () => {
    const { api, conversationId, log } = await upsetCustomer();
    const checked = await ok(api, 'conversations.send', { conversationId, kind: 'reply', body: 'Noted.' });
    if (checked.outcome !== 'check') throw new Error('the reply was not checked');
    const better = checked.findings.find((finding) => finding.check === 'ignores-feeling')!.better!;
    const shown = checked.findings.map((finding) => ({ check: finding.check, better: finding.better }));
    const sent = await ok(api, 'conversations.send', { conversationId, kind: 'reply', body: `Hi Sam, ${better} I have sent a replacement by express today and I will email you the tracking number by 5 pm.`, draftCheck: { decision: 'use-instead', shown } });
    expect(sent.outcome).toBe('sent');
    const decision = (await log()).find((event) => event.kind === 'draft.decision')!;
    expect(decision.payload.decision).toBe('use-instead');
    expect(decision.payload.shown).toContainEqual({ check: 'ignores-feeling', used: true });
  });

  it('does not check a note, and settles no prompt with it', async () => {
    const { api, conversationId, store } = await upsetCustomer();
    const result = await ok(api, 'conversations.send', { conversationId, kind: 'note', body: 'Noted.' });
    expect(result).toMatchObject({ outcome: 'sent', message: { author: 'note' }, prompts: [] });
    expect((await store.coachPrompts.listForConversation(conversationId)).every((prompt) => prompt.outcome === null)).toBe(true);
  });

  it('settles prompts by the reply that reached the customer: one inserted, overwritten and sent as a note is not "inserted"', async () => {
    const { api, conversationId, store, log } = await upsetCustomer();
    const [first, second] = await ok(api, 'coach.prompts', { conversationId });
    await ok(api, 'coach.recordOutcome', { promptId: first!.id, outcome: 'inserted' });
    await ok(api, 'coach.recordOutcome', { promptId: second!.id, outcome: 'inserted' });
    // the draft was overwritten, and what went was a note
    await ok(api, 'conversations.send', { conversationId, kind: 'note', body: 'Courier says it was delivered to a neighbour.' });
    expect(await store.coachPrompts.getById(first!.id)).toMatchObject({ outcome: null });
    expect((await log()).filter((event) => event.kind === 'prompt.outcome')).toEqual([]);

    // the reply that goes holds the second prompt word for word and not the first
    const result = await ok(api, 'conversations.send', {
      conversationId,
      kind: 'reply',
      body: `Hi Sam, ${second!.text} A neighbour took it in, and I'll call you back tomorrow to make sure you have it.`,
      draftCheck: { decision: 'send-anyway', shown: [] },
    });
    if (result.outcome !== 'sent') throw new Error('not sent');
    expect(result.prompts).toContainEqual({ promptId: first!.id, outcome: 'ignored', insertedIntoDraft: true });
    expect(result.prompts).toContainEqual({ promptId: second!.id, outcome: 'inserted', insertedIntoDraft: true });
    expect(await store.coachPrompts.getById(first!.id)).toMatchObject({ outcome: 'ignored' });
    expect(await store.coachPrompts.getById(second!.id)).toMatchObject({ outcome: 'inserted' });
    // and the promise in it is offered
    expect(result.promises.map((promise) => promise.excerpt).join(' ')).toMatch(/call you back tomorrow/);
  });

  it('sets the status asked for once the message is stored, and logs the change', async () => {
    const { api, conversationId, log } = await upsetCustomer();
    const resolved = await ok(api, 'conversations.send', { conversationId, kind: 'reply', body: 'Hi Sam, I am so sorry. It is on its way today by express.', draftCheck: { decision: 'send-anyway', shown: [] }, thenStatus: 'resolved' });
    expect(resolved).toMatchObject({ outcome: 'sent', conversation: { status: 'resolved' } });
    expect((await log()).at(-1)).toMatchObject({ kind: 'status.changed', payload: { from: 'open', to: 'resolved' } });
    const pending = await ok(api, 'conversations.send', { conversationId, kind: 'note', body: 'Waiting for the courier.', thenStatus: 'pending' });
    expect(pending).toMatchObject({ outcome: 'sent', conversation: { status: 'pending' } });
  });

  it('does not set the status when the draft check stops the reply', async () => {
    const { api, conversationId, detail } = await upsetCustomer();
    const checked = await ok(api, 'conversations.send', { conversationId, kind: 'reply', body: 'Noted.', thenStatus: 'resolved' });
    expect(checked.outcome).toBe('check');
    expect((await detail()).conversation.status).toBe('open');
  });

  it('refuses an empty, an over-long or a misaddressed message with a clear reason, and changes nothing', async () => {
    const { api, conversationId, messages, log, detail } = await upsetCustomer();
    await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Keep me' });
    const count = (await messages()).length;
    const logged = (await log()).length;
    expect(await api.call('conversations.send', { conversationId, kind: 'reply', body: '   ' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'body', message: 'Write something first' }] } });
    const long = await api.call('conversations.send', { conversationId, kind: 'reply', body: 'a'.repeat(MESSAGE_MAX_CHARS + 1), draftCheck: { decision: 'send-anyway', shown: [] } }, await api.deskCaller(null));
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'body', message: expect.stringMatching(/longer than 100,000 characters/) }] } });
    expect(await api.call('conversations.send', { conversationId: 999_999, kind: 'reply', body: 'hello' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.call('conversations.send', { conversationId, kind: 'reply', body: 'hello', thenStatus: 'closed' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await messages()).length).toBe(count);
    expect((await log()).length).toBe(logged);
    expect((await detail()).drafts.reply).toMatchObject({ body: 'Keep me' });
    // exactly the limit is sent
    const atLimit = await ok(api, 'conversations.send', { conversationId, kind: 'note', body: 'a'.repeat(MESSAGE_MAX_CHARS) });
    expect(atLimit.outcome).toBe('sent');
  });
});
