// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CustomersPage } from '../../../../renderer/src/features/customers/CustomersPage';
import { CONNECTION_STAGES, type ConnectionStage, type CustomerConnectionRow } from '../../../../shared/contract/connection';
import type { MethodOutput } from '../../../../shared/contract/methods';
import { renderWithMantine } from '../../../helpers/renderWithMantine';
import { fakeClient, withClient } from '../customer/fakeClient';

afterEach(cleanup);

// jsdom lays nothing out; give the virtual list's scroller a height so it renders rows
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 }));
afterAll(() => delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight);

const now = Date.now();
function row(customerId: number, displayName: string, stage: ConnectionStage, score: number, risks: string[] = [], overdueFollowUps = 0): CustomerConnectionRow {
  return { customerId, displayName, score, stage, movement30d: stage === 'at-risk' ? -11 : 2, risks, lastContactAt: now - customerId * 86_400_000, contacts: customerId, overdueFollowUps };
}

const customers = [
  row(1, 'Ada Lindqvist', 'kin', 81),
  row(2, 'Bram Osei', 'friend', 62),
  row(3, 'Chloe Marsh', 'at-risk', 31, ['a complaint from 3 March is still unanswered', 'a promise is overdue'], 1),
  row(4, 'Dev Raman', 'friend', 55),
  row(5, 'Eli Novak', 'at-risk', 44, ['the last 30 days took 14 points away']),
];

const settledWork: MethodOutput<'workspace.background'> = {
  analysis: { queued: 0, done: 80, total: 80, settled: true },
  index: { pending: 0, failed: 0, settled: true },
  settled: true,
};

function setup(rows = customers, background: () => MethodOutput<'workspace.background'> = () => settledWork) {
  const byStage = Object.fromEntries(CONNECTION_STAGES.map((stage) => [stage, rows.filter((r) => r.stage === stage).length])) as Record<ConnectionStage, number>;
  return fakeClient({
    'workspace.status': () => ({ counts: { customers: 5, conversations: 12, messages: 80, byChannel: { chat: 4, email: 4, voice: 4 } } }) as unknown as MethodOutput<'workspace.status'>,
    'workspace.background': () => background(),
    'customers.list': ({ stage, name, limit = 100, offset = 0 }) => {
      const matching = rows.filter((r) => (!stage || r.stage === stage) && (!name || r.displayName.includes(name)));
      return { items: matching.slice(offset, offset + limit), total: matching.length, byStage };
    },
  });
}

const shownRows = () => screen.getAllByTestId('customer-row');

describe('the Customers page', () => {
  it('calls the list provisional while readings come in, and reads it again once background work has settled', async () => {
    const working = { ...settledWork, analysis: { queued: 30, done: 50, total: 80, settled: false }, settled: false };
    let background = working;
    const { client, emit, callsOf } = setup(customers, () => background);
    renderWithMantine(withClient(client, <CustomersPage />));
    await waitFor(() => expect(shownRows()).toHaveLength(5));
    expect((await screen.findByTestId('customers-provisional')).textContent).toMatch(/provisional — readings still coming in \(50 of 80 read\)/);
    const section = screen.getByRole('region', { name: 'Customers by connection' });
    expect(section.getAttribute('data-settled')).toBe('false');

    const listsBefore = callsOf('customers.list').length;
    background = settledWork;
    emit('workspace.background', settledWork);
    await waitFor(() => expect(section.getAttribute('data-settled')).toBe('true'));
    expect(screen.queryByTestId('customers-provisional')).toBeNull();
    // the lists were read again after the work settled, before the page said so
    expect(callsOf('customers.list').length).toBeGreaterThan(listsBefore);
  });

  it('lists everyone with counts by stage, and those at risk at the top with why', async () => {
    const { client } = setup();
    renderWithMantine(withClient(client, <CustomersPage />));
    await waitFor(() => expect(shownRows()).toHaveLength(5));
    const stage = screen.getByRole('radiogroup', { name: 'Stage' });
    expect(within(stage).getByLabelText('Friend 2')).toBeTruthy();
    expect(within(stage).getByLabelText('At risk 2')).toBeTruthy();
    expect(within(stage).getByLabelText('All 5')).toBeTruthy();
    const atRisk = screen.getByRole('list', { name: 'At-risk customers' });
    expect(within(atRisk).getAllByTestId('at-risk-reasons').map((item) => item.textContent)).toEqual([
      'a complaint from 3 March is still unanswered; a promise is overdue',
      'the last 30 days took 14 points away',
    ]);
  });

  it('asks the host for one stage when it is chosen, and shows why each is at risk', async () => {
    const { client, callsOf } = setup();
    renderWithMantine(withClient(client, <CustomersPage />));
    await waitFor(() => expect(shownRows()).toHaveLength(5));

    fireEvent.click(screen.getByLabelText('Friend 2'));
    await waitFor(() => expect(callsOf('customers.list')).toContainEqual({ stage: 'friend', sort: 'score', limit: 100, offset: 0 }));
    await waitFor(() => expect(shownRows().map((r) => r.getAttribute('data-stage'))).toEqual(['friend', 'friend']));
    expect(screen.queryByRole('list', { name: 'At-risk customers' })).toBeNull();

    fireEvent.click(screen.getByLabelText('At risk 2'));
    await waitFor(() => expect(callsOf('customers.list')).toContainEqual({ stage: 'at-risk', sort: 'score', limit: 100, offset: 0 }));
    await waitFor(() => expect(shownRows().map((r) => r.getAttribute('data-stage'))).toEqual(['at-risk', 'at-risk']));
    expect(shownRows().map((r) => within(r).getByTestId('customer-risks').textContent)).toEqual([
      'a complaint from 3 March is still unanswered; a promise is overdue',
      'the last 30 days took 14 points away',
    ]);
    expect(within(shownRows()[0]!).getByTestId('customer-overdue').textContent).toBe('1 overdue');
  });

  it('says the index is still being worked out when no customer has one yet', async () => {
    const { client } = setup([]);
    renderWithMantine(withClient(client, <CustomersPage />));
    expect(await screen.findByText('The connection index is still being worked out')).toBeTruthy();
  });
});
