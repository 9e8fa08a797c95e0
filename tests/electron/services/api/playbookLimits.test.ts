import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { openWorkspace } from '../../../../electron/services/api/workspace';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { PLAYBOOK_LIMITS, type Playbook, type PlaybookRule } from '../../../../shared/contract/coach';
import { tempDir } from '../../../helpers/tempDir';
import { ok } from '../../../helpers/callApi';

/**
 * Issue 9, items 1 and 2, through the contract: `playbook.preview` of a wording of adjacent
 * placeholders on a conversation with earlier prompts (it held the host 17.7 s) and of 100 rules ×
 * 50 mentions (22.6 s) answers correctly — the evaluation is linear now, so the generous timeout
 * below is never near; and `playbook.save` and `playbook.preview` refuse a playbook beyond the
 * contract's limits with a message that says which limit, saving nothing.
 */

const NOW = Date.UTC(2026, 10, 23, 12, 0);

async function setup() {
  const bus = createEventBus();
  const workspace = await openWorkspace(path.join(tempDir(), 'kinship.sqlite'), bus);
  if (workspace.state !== 'ready') throw new Error('the workspace did not open');
  const { store, ingestion } = workspace;
  await store.users.create({ name: 'Morgan Lee', email: 'morgan@kinship.example', role: 'supervisor' }, NOW);
  const api = await createApi({ host: 'web', bus, workspace, now: () => NOW });
  const { conversationId, messageId } = await ingestion.ingest({
    channel: 'chat',
    customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
    conversation: { externalRef: 'chat-sam', subject: 'Missing parcel' },
    message: { author: 'customer', body: 'My parcel never came. Where is order LH-482913?', sentAt: NOW - 600_000, externalId: 'sam-1' },
  });
  // the conversation already has prompts: every wording is checked against them
  for (const [n, text] of ['I’m really sorry, Sam — I can see why you’re frustrated, and you’re right to be.', 'Thank you for bearing with us, Sam.'].entries()) {
    await store.coachPrompts.recordShown({ conversationId, messageId, userId: null, kind: 'acknowledge', ruleId: `earlier-${n}`, title: 'Earlier', text, reason: 'earlier', shownAt: NOW - 500_000 + n });
  }
  return { api, conversationId, close: () => store.close() };
}

function rule(id: string, when: PlaybookRule['when'], wordings: string[]): PlaybookRule {
  return { id, kind: 'acknowledge', title: id, enabled: true, priority: 50, when, wordings };
}

const withRules = (rules: PlaybookRule[]): Playbook => ({ ...DEFAULT_PLAYBOOK, rules });
const base = DEFAULT_PLAYBOOK.rules[0]!;

describe('playbook.preview of the playbooks that stalled the host', () => {
  it('answers for a wording of adjacent placeholders, on a conversation with earlier prompts', async () => {
    const { api, conversationId, close } = await setup();
    const adjacent = withRules([rule('adjacent', {}, [`${'{when}'.repeat(8)}#`])]);
    const preview = await ok(api, 'playbook.preview', { conversationId, playbook: adjacent });
    expect(preview.rules).toHaveLength(1);
    expect(preview.rules[0]).toMatchObject({ ruleId: 'adjacent', fired: true, shown: true });
    expect(preview.rules[0]?.text).toMatch(/^by .+#$/);
    expect(preview.suggestions.map((suggestion) => suggestion.ruleId)).toEqual(['adjacent']);
    await close();
  });

  it('answers for 100 rules × 50 mentions, firing only the rule whose mention the customer wrote', async () => {
    const { api, conversationId, close } = await setup();
    const big = withRules(
      Array.from({ length: PLAYBOOK_LIMITS.rules }, (_, r) =>
        rule(`big-${r}`, { mentions: Array.from({ length: PLAYBOOK_LIMITS.mentionsPerRule }, (_, m) => (r === 73 && m === 49 ? 'parcel never came' : `item${r} code${m}`)) }, [`Rule ${r}: sorry.`]),
      ),
    );
    const preview = await ok(api, 'playbook.preview', { conversationId, playbook: big });
    expect(preview.rules).toHaveLength(PLAYBOOK_LIMITS.rules);
    expect(preview.rules.filter((check) => check.fired).map((check) => check.ruleId)).toEqual(['big-73']);
    expect(preview.rules[73]?.conditions).toEqual([{ condition: 'mentions', met: true, detail: 'mentions “parcel never came”' }]);
    expect(preview.suggestions.map((suggestion) => suggestion.text)).toEqual(['Rule 73: sorry.']);
    await close();
  });
});

describe('the contract’s limits on a playbook', () => {
  const tooBig: [string, Playbook, string, RegExp][] = [
    [
      'too many rules',
      withRules(Array.from({ length: PLAYBOOK_LIMITS.rules + 1 }, (_, r) => rule(`r${r}`, {}, ['Sorry.']))),
      'playbook.rules',
      /^A playbook has at most 100 rules$/,
    ],
    ['too many wordings', withRules([{ ...base, wordings: Array.from({ length: PLAYBOOK_LIMITS.wordingsPerRule + 1 }, (_, n) => `Sorry (${n}).`) }]), 'playbook.rules.0.wordings', /^A rule has at most 30 wordings$/],
    ['too long a wording', withRules([{ ...base, wordings: ['a'.repeat(PLAYBOOK_LIMITS.wordingLength + 1)] }]), 'playbook.rules.0.wordings.0', /^A wording is at most 500 characters$/],
    ['too many placeholders', withRules([{ ...base, wordings: [`${'{when} '.repeat(PLAYBOOK_LIMITS.placeholdersPerWording + 1)}#`] }]), 'playbook.rules.0.wordings.0', /^A wording holds at most 10 placeholders$/],
    ['too many mentions', withRules([rule('m', { mentions: Array.from({ length: PLAYBOOK_LIMITS.mentionsPerRule + 1 }, (_, n) => `word${n}`) }, ['Sorry.'])]), 'playbook.rules.0.when.mentions', /^A rule lists at most 50 mentions$/],
    ['too long a mention', withRules([rule('m', { mentions: ['x'.repeat(PLAYBOOK_LIMITS.mentionLength + 1)] }, ['Sorry.'])]), 'playbook.rules.0.when.mentions.0', /^A mention is at most 40 characters$/],
  ];

  it.each(tooBig)('refuses %s in playbook.save and playbook.preview, naming the limit, saving nothing', async (_name, playbook, where, message) => {
    const { api, conversationId, close } = await setup();
    for (const result of [await api.call('playbook.save', { playbook }, await api.deskCaller(null)), await api.call('playbook.preview', { conversationId, playbook }, await api.deskCaller(null))]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid-input');
      const issue = result.error.issues?.find((each) => each.path === where);
      expect(issue?.message, JSON.stringify(result.error.issues)).toMatch(message);
    }
    expect(await ok(api, 'playbook.get', {})).toMatchObject({ isDefault: true });
    await close();
  });

  it('accepts the default playbook, which keeps within every limit', async () => {
    const { api, conversationId, close } = await setup();
    expect(DEFAULT_PLAYBOOK.rules.length).toBeLessThanOrEqual(PLAYBOOK_LIMITS.rules);
    await ok(api, 'playbook.preview', { conversationId, playbook: DEFAULT_PLAYBOOK });
    expect(await ok(api, 'playbook.save', { playbook: DEFAULT_PLAYBOOK })).toMatchObject({ isDefault: false, playbook: DEFAULT_PLAYBOOK });
    await close();
  });
});
