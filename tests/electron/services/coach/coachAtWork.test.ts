import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { DEFAULT_MACROS } from '../../../../shared/contract/macros';
import { fillMacro } from '../../../../shared/fillMacro';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { nextEvent } from '../../../helpers/nextEvent';
import { as, sendAnyway } from '../../../helpers/callApi';

const NOW = Date.UTC(2026, 10, 23, 10, 0);

/**
 * The coach at work over a real workspace and the real analysis engine (lexicon: no models, so the
 * readings are deterministic): a message arrives through ingestion, is read, prompts are raised
 * and recorded; what the agent does with them is recorded; the reply settles the rest.
 */
async function workspaceWithAgent() {
  const harness = await startAnalysis({ models: [] });
  const { store, bus, ingestion } = harness;
  const agent = await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, NOW);
  const supervisor = await store.users.create({ name: 'Morgan Lee', email: 'morgan@kinship.example', role: 'supervisor' }, NOW);
  let clock = NOW;
  const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => clock });
  const arrive = (body: string, at: number) =>
    ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
      conversation: { externalRef: 'chat-sam', subject: 'Missing parcel', assigneeEmail: agent.email },
      message: { author: 'customer', body, sentAt: at, externalId: `sam-${at}` },
    });
  // Priya answers Sam: the calls are hers unless a test says otherwise
  return { ...harness, api, agent, priya: as(api, agent), morgan: as(api, supervisor), arrive, tick: (ms: number) => (clock += ms) };
}

describe('the coach over a real workspace', () => {
  it('raises prompts when an upset message has been read, records them shown, and settles them when the reply goes', async () => {
    const { api, priya, store, events, arrive, tick } = await workspaceWithAgent();
    const { conversationId, messageId } = await arrive('This is awful. My parcel is lost again and nobody has answered me. I am angry and disappointed.', NOW - 3 * 3_600_000);
    const raised = await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === messageId);

    const prompts = await priya.ok('coach.prompts', { conversationId });
    // the event carries the same open prompts, so the console can show them without asking
    expect(raised.name === 'coach.prompts' && raised.payload.prompts).toEqual(prompts);
    expect(prompts.map((prompt) => prompt.kind)).toContain('acknowledge');
    const acknowledge = prompts.find((prompt) => prompt.kind === 'acknowledge')!;
    expect(acknowledge.reason).toMatch(/sentiment −0\.\d\d/);
    expect(acknowledge.text.length).toBeGreaterThan(10);
    const shown = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'prompt.shown');
    expect(shown).toHaveLength(prompts.length);
    // asking again does not raise them twice
    expect((await priya.ok('coach.prompts', { conversationId })).map((prompt) => prompt.id)).toEqual(prompts.map((prompt) => prompt.id));

    tick(4_000);
    await priya.ok('coach.recordOutcome', { promptId: acknowledge.id, outcome: 'inserted' });
    expect(await priya.ok('coach.prompts', { conversationId })).not.toContainEqual(expect.objectContaining({ id: acknowledge.id }));
    expect(await priya.call('coach.recordOutcome', { promptId: 999_999, outcome: 'dismissed' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // put into the draft: logged, but its outcome waits for the reply that reaches the customer
    expect(await store.coachPrompts.getById(acknowledge.id)).toMatchObject({ outcome: null, insertedAt: NOW + 4_000 });
    expect((await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'prompt.inserted').map((event) => event.payload.promptId)).toEqual([acknowledge.id]);

    tick(20_000);
    await sendAnyway(api, { conversationId, kind: 'reply', body: `Hi Sam, ${acknowledge.text} I've found your parcel and it goes out today.` }, priya.caller);
    const after = await store.coachPrompts.listForConversation(conversationId);
    expect(after.find((prompt) => prompt.id === acknowledge.id)).toMatchObject({ outcome: 'inserted', outcomeAt: NOW + 24_000 });
    // the others were left alone: ignored, at the moment the reply went
    for (const prompt of after.filter((p) => p.id !== acknowledge.id)) expect(prompt).toMatchObject({ outcome: 'ignored', outcomeAt: NOW + 24_000 });
    const outcomes = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'prompt.outcome');
    expect(outcomes.map((event) => event.payload.outcome).sort()).toEqual(['inserted', ...after.slice(1).map(() => 'ignored')].sort());

    // a later reply without that line does not change what was done with it before
    tick(60_000);
    await sendAnyway(api, { conversationId, kind: 'reply', body: 'The tracking number is on its way to you now.' }, priya.caller);
    expect(await store.coachPrompts.getById(acknowledge.id)).toMatchObject({ outcome: 'inserted', outcomeAt: NOW + 24_000 });
  });

  it('finds an inserted prompt edited when the reply that went holds it in changed words', async () => {
    const { api, priya, store, events, arrive } = await workspaceWithAgent();
    const { conversationId, messageId } = await arrive('I am so upset and angry, this is a terrible experience and a disgrace.', NOW - 600_000);
    await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === messageId);
    const [first] = await priya.ok('coach.prompts', { conversationId });
    await priya.ok('coach.recordOutcome', { promptId: first!.id, outcome: 'inserted' });
    // the prompt with its last word changed
    const edited = [...first!.text.split(' ').slice(0, -1), 'truly.'].join(' ');
    const sent = await sendAnyway(api, { conversationId, kind: 'reply', body: `Sam, ${edited} I am on it now.` }, priya.caller);
    expect(await store.coachPrompts.getById(first!.id)).toMatchObject({ outcome: 'edited' });
    const outcome = (await store.sessionEvents.listForConversation(conversationId)).find((event) => event.kind === 'prompt.outcome' && event.payload.promptId === first!.id);
    expect(outcome?.payload).toMatchObject({ outcome: 'edited', insertedIntoDraft: true, replyMessageId: sent.id });
  });

  it('checks a curt reply to an upset customer and offers a better sentence', async () => {
    const { priya, morgan, events, arrive } = await workspaceWithAgent();
    const { conversationId, messageId } = await arrive('This is terrible, I am furious. Where is my refund?', NOW - 600_000);
    await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === messageId);
    const findings = await priya.ok('coach.checkDraft', { conversationId, text: 'Noted.' });
    expect(findings.map((finding) => finding.check)).toEqual(expect.arrayContaining(['ignores-feeling', 'curt']));
    expect(findings.every((finding) => finding.better === null || finding.better.length > 10)).toBe(true);
    const warm = await priya.ok('coach.checkDraft', {
      conversationId,
      text: 'Hi Sam, I’m so sorry — that’s not good enough. I’ve issued your refund today and you’ll see it by Friday; I’ll email you the confirmation by 5 pm.',
    });
    expect(warm).toEqual([]);

    // a built-in macro pasted as it is is the team's own personal reply (it names the customer), not a stock line to flag
    const thanks = DEFAULT_MACROS.find((macro) => macro.id === 'thank-you')!;
    const pasted = fillMacro(thanks.body, { customerName: 'Sam Carter', agentName: 'Priya Shah', subject: 'Missing parcel', bodies: [] });
    expect((await priya.ok('coach.checkDraft', { conversationId, text: pasted })).map((finding) => finding.check)).not.toContain('verbatim-template');
    // a macro that does not, pasted word for word, is
    const impersonal = 'Thank you for contacting us. Your request has been received and will be handled shortly.';
    // (the team's macros are the supervisor's to change)
    await morgan.ok('macros.save', { macros: [...DEFAULT_MACROS, { id: 'received', name: 'Received', body: impersonal, shortcut: null }] });
    expect((await priya.ok('coach.checkDraft', { conversationId, text: impersonal })).map((finding) => finding.check)).toContain('verbatim-template');
  });

  it('describes a draft’s tone in the agent’s terms: an apology is warm, “That is your problem” blaming', async () => {
    const { priya, events, arrive } = await workspaceWithAgent();
    const { conversationId, messageId } = await arrive('This is terrible, I am furious. Where is my refund?', NOW - 600_000);
    await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === messageId);
    const tone = (text: string) => priya.ok('coach.draftTone', { conversationId, draftId: 'draft-1', text });
    const apology = await tone('I am so sorry, Sam. I completely understand how frustrating this must be. Your refund goes today and I will confirm by 5 pm.');
    expect(apology).toMatchObject({ tone: 'warm', because: ['says sorry', 'shows understanding'] });
    expect(await tone('That is your problem.')).toMatchObject({ tone: 'blaming' });
    expect(await tone('Noted.')).toMatchObject({ tone: 'curt' });
    expect(await tone('   ')).toEqual({ tone: 'neutral', because: [], reading: null });
    expect(await priya.call('coach.draftTone', { conversationId: 999_999, draftId: 'x', text: 'Hi' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lets only a supervisor change the playbook, previews an unsaved one, and refuses a broken one', async () => {
    const { priya, morgan, events, arrive } = await workspaceWithAgent();
    const { conversationId, messageId } = await arrive('I am very angry and upset about this awful service.', NOW - 600_000);
    await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === messageId);

    expect(await priya.ok('playbook.get', {})).toMatchObject({ isDefault: true, canEdit: false });
    const edited = { ...DEFAULT_PLAYBOOK, rules: DEFAULT_PLAYBOOK.rules.map((rule) => (rule.kind === 'acknowledge' ? { ...rule, enabled: false } : rule)) };
    expect(await priya.call('playbook.save', { playbook: edited })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const preview = await priya.ok('playbook.preview', { conversationId, playbook: edited });
    expect(preview.suggestions.map((suggestion) => suggestion.kind)).not.toContain('acknowledge');
    const off = preview.rules.filter((rule) => rule.kind === 'acknowledge');
    expect(off.length).toBeGreaterThan(0);
    expect(off.every((rule) => !rule.enabled && !rule.shown)).toBe(true);

    expect(await morgan.ok('playbook.save', { playbook: edited })).toMatchObject({ isDefault: false, canEdit: true });
    expect((await priya.ok('playbook.get', {})).playbook.rules.filter((rule) => rule.kind === 'acknowledge').every((rule) => !rule.enabled)).toBe(true);
    const broken = { ...edited, rules: [{ ...edited.rules[0]!, wordings: [] }] };
    expect(await morgan.call('playbook.save', { playbook: broken })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // a wording the coach could never fill is refused here too, not only in the editor
    const unknownPlaceholder = { ...edited, rules: [{ ...edited.rules[0]!, wordings: ['Hi {nickname}, sorry about that.'] }] };
    const refused = await morgan.call('playbook.save', { playbook: unknownPlaceholder });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'playbook.rules.0.wordings.0', message: expect.stringMatching(/^Unknown placeholder \{nickname\}/) }] } });
    expect(await morgan.ok('playbook.save', { playbook: null })).toMatchObject({ isDefault: true });
  });
});
