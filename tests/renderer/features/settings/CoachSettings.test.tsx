// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientProvider } from '../../../../renderer/src/api/ClientContext';
import type { KinshipClient } from '../../../../renderer/src/api/client';
import { CoachSettings } from '../../../../renderer/src/features/settings/coach/CoachSettings';
import { triggerSummary } from '../../../../renderer/src/features/settings/coach/playbookWords';
import { PLAYBOOK_LIMITS, type Playbook } from '../../../../shared/contract/coach';
import type { ConversationSummary } from '../../../../shared/contract/domain';
import { ApiError } from '../../../../shared/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract/methods';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

const playbook: Playbook = {
  version: 1,
  maxPrompts: 3,
  rules: [
    {
      id: 'acknowledge-anger',
      kind: 'acknowledge',
      title: 'Acknowledge the frustration',
      enabled: true,
      priority: 80,
      when: { emotions: ['anger', 'disgust'], minEmotionScore: 0.5 },
      wordings: ['{firstName}, I can see why you’re annoyed.', 'That’s really frustrating.'],
    },
    { id: 'thank-happy', kind: 'thank', title: 'Thank them warmly', enabled: true, priority: 60, when: { minSentiment: 0.5 }, wordings: ['Thank you!'] },
  ],
  draftCheck: { upsetBelow: -0.3, curtUnderWords: 12, enabled: ['ignores-feeling', 'curt'] },
};

const conversation = {
  id: 42,
  channel: 'email',
  status: 'open',
  subject: 'Where is my sofa?',
  customer: { id: 7, displayName: 'Dana Okafor' },
  mood: { sentiment: -0.8, emotion: 'anger', analyzer: 'model' },
} as ConversationSummary;

const previewResult: MethodOutput<'playbook.preview'> = {
  suggestions: [{ kind: 'acknowledge', ruleId: 'acknowledge-anger', title: 'Acknowledge the frustration', reason: 'anger 0.91', text: 'Dana, I can see why you’re annoyed.' }],
  rules: [
    {
      ruleId: 'acknowledge-anger',
      kind: 'acknowledge',
      title: 'Acknowledge the frustration',
      enabled: true,
      fired: true,
      conditions: [{ condition: 'emotion', met: true, detail: 'anger 0.91' }],
      reason: 'anger 0.91',
      text: 'Dana, I can see why you’re annoyed.',
      shown: true,
      whyNot: null,
    },
    {
      ruleId: 'thank-happy',
      kind: 'thank',
      title: 'Thank them warmly',
      enabled: true,
      fired: false,
      conditions: [{ condition: 'minSentiment', met: false, detail: 'needs sentiment ≥ 0.50; last message −0.80' }],
      reason: null,
      text: null,
      shown: false,
      whyNot: 'needs sentiment ≥ 0.50; last message −0.80',
    },
  ],
};

type Handlers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

function setup(canEdit: boolean, overrides: Handlers = {}) {
  const handlers: Handlers = {
    'playbook.get': () => ({ playbook, isDefault: true, canEdit }),
    'playbook.save': ({ playbook: next }) => ({ playbook: next ?? playbook, isDefault: next === null, canEdit }),
    'playbook.preview': () => previewResult,
    'conversations.list': () => ({ items: [conversation], total: 1 }),
    ...overrides,
  };
  const call = vi.fn(async (method: MethodName, input: unknown) => {
    const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`no fake for ${method}`);
    return handler(input);
  });
  const client = { host: 'web', call, openConversationWindow: vi.fn(), on: () => () => {}, onResume: () => () => {} } as unknown as KinshipClient;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  renderWithMantine(
    <QueryClientProvider client={queryClient}>
      <ClientProvider client={client}>
        <CoachSettings />
      </ClientProvider>
    </QueryClientProvider>,
  );
  const callsOf = <M extends MethodName>(method: M) => call.mock.calls.filter(([name]) => name === method).map(([, input]) => input as MethodInput<M>);
  return { call, callsOf };
}

/** Opens a rule's editor and returns its item. */
async function openRule(title: string) {
  const control = await screen.findByRole('button', { name: new RegExp(title) });
  fireEvent.click(control);
  const item = control.closest('[data-testid="playbook-rule"]') as HTMLElement;
  await within(item).findByLabelText(/^Title/);
  return item;
}

describe('Settings → Coach playbook', () => {
  it('is read-only for an agent: a note, every input disabled, no Save', async () => {
    setup(false);
    expect(await screen.findByText('Only a supervisor or an admin can change the playbook.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restore defaults' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a rule' })).toBeNull();
    expect((screen.getByRole('switch', { name: 'Use the rule “Acknowledge the frustration”' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText(/Prompts shown at once/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Curt/ }) as HTMLInputElement).disabled).toBe(true);

    const rule = await openRule('Acknowledge the frustration');
    expect((within(rule).getByLabelText(/^Title/) as HTMLInputElement).disabled).toBe(true);
    expect((within(rule).getByLabelText(/^Score at least/) as HTMLInputElement).disabled).toBe(true);
    expect((within(rule).getByLabelText('Wording 1') as HTMLTextAreaElement).disabled).toBe(true);
    expect(within(rule).queryByRole('button', { name: /Remove wording/ })).toBeNull();
    expect(within(rule).queryByRole('button', { name: /Insert \{firstName\}/ })).toBeNull();
  });

  it('lists the rules by kind with their trigger in words', async () => {
    setup(true);
    const rule = await screen.findByRole('button', { name: /Acknowledge the frustration/ });
    expect(rule.textContent).toContain('anger or disgust ≥ 0.50');
    expect(rule.textContent).toContain('priority 80');
    expect(screen.getByRole('heading', { name: 'Acknowledge the feeling' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Thank them' })).toBeTruthy();
  });

  it('lets a supervisor change a threshold and saves the changed playbook', async () => {
    const { callsOf } = setup(true);
    const rule = await openRule('Acknowledge the frustration');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(rule).getByLabelText(/^Score at least/), { target: { value: '0.75' } });
    expect(await screen.findByText('Unsaved changes')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    await waitFor(() => expect(callsOf('playbook.save')).toHaveLength(1));
    const sent = callsOf('playbook.save')[0]!.playbook!;
    expect(sent.rules[0]!.when).toEqual({ emotions: ['anger', 'disgust'], minEmotionScore: 0.75 });
    expect(sent.rules[1]).toEqual(playbook.rules[1]);
    expect(sent.draftCheck).toEqual(playbook.draftCheck);
    await waitFor(() => expect(screen.queryByText('Unsaved changes')).toBeNull());
  });

  it('points out an unknown placeholder and will not save until it is fixed', async () => {
    const { callsOf } = setup(true);
    const rule = await openRule('Acknowledge the frustration');
    const wording = within(rule).getByLabelText('Wording 1');
    fireEvent.change(wording, { target: { value: 'Hi {firstname}, sorry about {ordr}.' } });
    expect((await within(rule).findAllByText(/Unknown placeholders \{firstname\}, \{ordr\}/)).length).toBeGreaterThan(0);
    expect(wording.getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(save);
    expect(callsOf('playbook.save')).toHaveLength(0);

    fireEvent.change(wording, { target: { value: 'Hi {firstName}, sorry about {order}.' } });
    await waitFor(() => expect(save.disabled).toBe(false));
    expect(within(rule).queryByText(/Unknown placeholder/)).toBeNull();
  });

  it('inserts a placeholder from its chip', async () => {
    setup(true);
    const rule = await openRule('Acknowledge the frustration');
    const wording = within(rule).getByLabelText('Wording 2') as HTMLTextAreaElement;
    fireEvent.focus(wording);
    wording.setSelectionRange(0, 0);
    fireEvent.select(wording);
    fireEvent.click(within(rule).getByRole('button', { name: /^Insert \{firstName\}/ }));
    await waitFor(() => expect(wording.value).toBe('{firstName} That’s really frustrating.'));
  });

  it('shows the server’s validation issues next to the field', async () => {
    setup(true, {
      'playbook.save': () => {
        throw new ApiError('invalid-input', 'Invalid input', [{ path: 'playbook.rules.1.wordings.0', message: 'Sounds sarcastic' }]);
      },
    });
    const rule = await openRule('Thank them warmly');
    fireEvent.change(within(rule).getByLabelText('Wording 1'), { target: { value: 'Thanks, I guess.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(rule).findByText('Sounds sarcastic')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Rule “Thank them warmly” · wording 1');
  });

  it('previews the playbook as edited on a conversation: what is shown, what fired and why not', async () => {
    const { callsOf } = setup(true);
    // the preview waits for a pause in the editing: give a loaded machine time for it
    const suggestion = await screen.findByTestId('preview-suggestion');
    expect(suggestion.textContent).toContain('Acknowledge the frustration');
    expect(suggestion.textContent).toContain('Because: anger 0.91');
    expect(suggestion.textContent).toContain('Dana, I can see why you’re annoyed.');
    expect(callsOf('playbook.preview')[0]).toEqual({ conversationId: 42, playbook });

    const [fired, notFired] = screen.getAllByTestId('preview-rule');
    expect(fired!.getAttribute('data-fired')).toBe('true');
    expect(fired!.textContent).toContain('Shown');
    expect(within(fired!).getByRole('list', { name: 'Conditions of “Acknowledge the frustration”' }).textContent).toContain('met: Feeling — anger 0.91');
    expect(notFired!.getAttribute('data-fired')).toBe('false');
    expect(notFired!.textContent).toContain('Not fired');
    expect(notFired!.textContent).toContain('not met: Sentiment at least — needs sentiment ≥ 0.50; last message −0.80');
    expect(notFired!.textContent).toContain('Why not: needs sentiment ≥ 0.50');
    expect(screen.getByRole('button', { name: /Acknowledge the frustration/ }).textContent).toContain('Shown in preview');

    // an edit, unsaved, is previewed after a pause
    fireEvent.click(screen.getByRole('switch', { name: 'Use the rule “Thank them warmly”' }));
    await waitFor(() => expect(callsOf('playbook.preview').length).toBe(2));
    expect(callsOf('playbook.preview')[1]!.playbook.rules[1]!.enabled).toBe(false);
  });
});

describe('the playbook’s limits in the editor', () => {
  it('says a rule’s limits, refuses a wording with too many placeholders, and adds no wording past the limit', { timeout: 60_000 }, async () => {
    const full = {
      ...playbook,
      rules: [{ ...playbook.rules[0]!, when: { mentions: ['refund'] }, wordings: Array.from({ length: PLAYBOOK_LIMITS.wordingsPerRule }, (_, n) => `Sorry (${n}).`) }, playbook.rules[1]!],
    };
    const { callsOf } = setup(true, { 'playbook.get': () => ({ playbook: full, isDefault: false, canEdit: true }) });
    const rule = await openRule('Acknowledge the frustration');
    expect(within(rule).getByText(/Up to 30 wordings, each at most 500 characters with at most 10 placeholders\./)).toBeTruthy();
    expect((within(rule).getByRole('button', { name: 'Add a wording' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(rule).getByText('A rule has at most 30 wordings.')).toBeTruthy();
    expect(within(rule).getByText(/\(1 of at most 50, each up to 40 characters\)/)).toBeTruthy();

    const wording = within(rule).getByLabelText('Wording 1');
    fireEvent.change(wording, { target: { value: `${'{when} '.repeat(11)}#` } });
    expect((await within(rule).findAllByText('A wording holds at most 10 placeholders')).length).toBeGreaterThan(0);
    expect(wording.getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(save);
    expect(callsOf('playbook.save')).toHaveLength(0);
  });

  it('adds no rule past the limit, and says so', { timeout: 60_000 }, async () => {
    const full = { ...playbook, rules: Array.from({ length: PLAYBOOK_LIMITS.rules }, (_, n) => ({ ...playbook.rules[1]!, id: `thank-${n}`, title: `Thank them ${n}` })) };
    setup(true, { 'playbook.get': () => ({ playbook: full, isDefault: false, canEdit: true }) });
    expect(((await screen.findByRole('button', { name: 'Add a rule' })) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('A playbook has at most 100 rules.')).toBeTruthy();
  });
});

describe('a trigger in words', () => {
  it('says every condition on one line', () => {
    expect(triggerSummary({ emotions: ['anger', 'disgust'], minEmotionScore: 0.6, inLastMessages: 2, repeatContact: { count: 3, days: 7 } })).toBe(
      'anger or disgust ≥ 0.60 in the last 2 messages · 3 contacts in 7 days',
    );
    expect(triggerSummary({ maxSentiment: -0.35, minWaitMinutes: 1440, openFollowUp: 'overdue' })).toBe('sentiment ≤ −0.35 · waited ≥ 1 day · overdue follow-up');
    expect(triggerSummary({})).toBe('every conversation (no conditions)');
  });
});
