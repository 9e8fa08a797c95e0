// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CustomerPanel } from '../../../../renderer/src/features/customer/CustomerPanel';
import type { ConnectionIndex } from '../../../../shared/contract/connection';
import type { CustomerProfile, FollowUp } from '../../../../shared/contract/domain';
import { renderWithMantine } from '../../../helpers/renderWithMantine';
import { fakeClient, withClient } from './fakeClient';

afterEach(cleanup);

const DAY = 86_400_000;
const now = Date.now();

function followUp(id: number, description: string, dueAt: number, status: FollowUp['status'] = 'open'): FollowUp {
  return { id, customerId: 7, conversationId: 70, messageId: null, createdBy: 1, description, dueAt, status, createdAt: now - 10 * DAY, closedAt: status === 'open' ? null : now - DAY };
}

const profile: CustomerProfile = {
  customer: { id: 7, displayName: 'Dana Okafor', createdAt: now - 300 * DAY, identities: [{ kind: 'email', value: 'dana@example.com' }] },
  timeline: [],
  followUps: [
    followUp(1, 'Send the replacement tracking number', now + 3 * DAY),
    followUp(2, 'Call back about the refund', now - 2 * DAY - 3_600_000),
    followUp(3, 'Old promise', now - 30 * DAY, 'done'),
  ],
  contacts: { total: 4, byChannel: { chat: 2, email: 1, voice: 1 }, first: now - 300 * DAY, last: now - DAY },
};

const labels = [
  [-12, 'complaint on 3 March unanswered for 6 days'],
  [-8.25, 'promise “call back about the refund” overdue by 2 days'],
  [6.5, 'the chat on 1 February ended warmly'],
  [4, 'promise kept on 12 January'],
  [3, 'contact on 3 March'],
  [2.5, 'the agent remembered an earlier order'],
  [1.5, 'addressed by name on 1 February'],
  [-1.2, 'feeling fell over the year'],
] as const;

const index: ConnectionIndex = {
  customerId: 7,
  score: 38.6,
  stage: 'at-risk',
  risks: ['a complaint from 3 March is still unanswered', 'a promise is overdue'],
  movement30d: -9.4,
  trend: [
    { at: now - 90 * DAY, score: 51 },
    { at: now - 30 * DAY, score: 48 },
    { at: now, score: 38.6 },
  ],
  // not in order: the list puts the largest effect first itself
  contributions: [...labels].reverse().map(([points, label], i) => ({ kind: 'contact', points, label, at: now - i * DAY, conversationId: i === labels.length - 1 ? 71 : null })),
  computedAt: now,
  provisional: false,
};

function setup(connection: ConnectionIndex = index) {
  const fake = fakeClient({
    'customers.profile': () => profile,
    'customers.connection': () => connection,
    'followUps.create': (input) => ({ ...followUp(9, input.description, input.dueAt), conversationId: input.conversationId ?? null }),
    'followUps.close': ({ id, status }) => ({ ...profile.followUps.find((f) => f.id === id)!, status, closedAt: now }),
  });
  const opened: number[] = [];
  renderWithMantine(withClient(fake.client, <CustomerPanel customerId={7} currentConversationId={70} onOpen={(id) => opened.push(id)} />));
  return { ...fake, opened };
}

describe('the customer panel’s connection index', () => {
  it('says an index worked out before any feeling was read is provisional, and stops saying it once it is', async () => {
    let current: ConnectionIndex = { ...index, provisional: true };
    // the fake answers with whatever `current` is at the time of the call
    const fake = fakeClient({ 'customers.profile': () => profile, 'customers.connection': () => current });
    renderWithMantine(withClient(fake.client, <CustomerPanel customerId={7} currentConversationId={70} onOpen={() => undefined} />));
    expect((await screen.findByTestId('connection-provisional')).textContent).toMatch(/provisional — readings still coming in/);
    current = { ...index, provisional: false };
    fake.emit('connection.changed', { customerIds: [7] });
    await waitFor(() => expect(screen.queryByTestId('connection-provisional')).toBeNull());
    expect(screen.getByTestId('connection-score').textContent).toBe('38.6');
  });

  it('shows the score, the stage, the 30-day movement and why the customer is at risk', async () => {
    setup();
    expect((await screen.findByTestId('connection-score')).textContent).toBe('38.6');
    expect(screen.getByTestId('connection-stage').textContent).toBe('At risk');
    expect(screen.getByLabelText('Down 9.4 in 30 days').textContent).toContain('▼ 9.4');
    const risks = screen.getByRole('list', { name: 'Why this customer is at risk' });
    expect(within(risks).getAllByRole('listitem').map((item) => item.textContent)).toEqual(index.risks);
  });

  it('lists what moved it, largest first, six at first and all on asking', async () => {
    const { opened } = setup();
    await screen.findByTestId('contributions');
    const shown = () => screen.getAllByTestId('contribution').map((item) => item.textContent);
    expect(shown()).toEqual([
      '−12.0 · complaint on 3 March unanswered for 6 days',
      '−8.3 · promise “call back about the refund” overdue by 2 days',
      '+6.5 · the chat on 1 February ended warmly',
      '+4.0 · promise kept on 12 January',
      '+3.0 · contact on 3 March',
      '+2.5 · the agent remembered an earlier order',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 8' }));
    expect(shown()).toHaveLength(8);
    expect(shown().slice(6)).toEqual(['+1.5 · addressed by name on 1 February', '−1.2 · feeling fell over the year']);
    // the one with a conversation opens it
    fireEvent.click(screen.getByRole('button', { name: /complaint on 3 March/ }));
    expect(opened).toEqual([71]);
  });

  it('says a stage that is not at risk without any risk list', async () => {
    setup({ ...index, score: 62, stage: 'friend', risks: [], movement30d: 4.04 });
    expect((await screen.findByTestId('connection-stage')).textContent).toBe('Friend');
    expect(screen.getByLabelText('Up 4.0 in 30 days')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Why this customer is at risk' })).toBeNull();
  });

  it('refetches the index when the host says it was recomputed for this customer', async () => {
    const { emit, callsOf } = setup();
    await screen.findByTestId('connection-score');
    const before = callsOf('customers.connection').length;
    emit('connection.changed', { customerIds: [3, 4] });
    emit('connection.changed', { customerIds: [7] });
    await waitFor(() => expect(callsOf('customers.connection').length).toBe(before + 1));
  });
});

describe('the customer panel’s follow-ups', () => {
  it('lists open promises soonest first and flags the overdue one in red', async () => {
    setup();
    const open = await screen.findByRole('list', { name: 'Open follow-ups' });
    const items = within(open).getAllByTestId('follow-up');
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual(['Call back about the refund', 'Send the replacement tracking number']);
    expect(items[0]!.getAttribute('data-overdue')).toBe('true');
    expect(within(items[0]!).getByTestId('follow-up-due').textContent).toBe('overdue by 2 days');
    expect(items[1]!.getAttribute('data-overdue')).toBeNull();
    expect(within(items[1]!).getByTestId('follow-up-due').textContent).toMatch(/^due /);
  });

  it('closes a follow-up and refreshes the index', async () => {
    const { callsOf } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Done: Call back about the refund' }));
    await waitFor(() => expect(callsOf('followUps.close')).toEqual([{ id: 2, status: 'done' }]));
    await waitFor(() => expect(callsOf('customers.connection').length).toBe(2));
  });

  it('asks what was promised before adding one, then adds it with its due time', async () => {
    const { callsOf } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Add follow-up' }));
    const due = screen.getByLabelText(/^Due/) as HTMLInputElement;
    fireEvent.change(due, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save follow-up' }));
    expect(await screen.findByText('Say what was promised')).toBeTruthy();
    expect(screen.getByText('Choose when it is due')).toBeTruthy();
    expect(callsOf('followUps.create')).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^What was promised/), { target: { value: '  Ring back with the courier’s answer ' } });
    // a time ahead (one already past cannot be chosen)
    const ahead = new Date(now + 3 * DAY);
    ahead.setHours(17, 0, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    fireEvent.change(due, { target: { value: `${ahead.getFullYear()}-${pad(ahead.getMonth() + 1)}-${pad(ahead.getDate())}T17:00` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save follow-up' }));
    await waitFor(() =>
      expect(callsOf('followUps.create')).toEqual([
        { customerId: 7, conversationId: 70, messageId: null, description: 'Ring back with the courier’s answer', dueAt: ahead.getTime() },
      ]),
    );
    await waitFor(() => expect(callsOf('customers.connection').length).toBe(2));
  });
});
