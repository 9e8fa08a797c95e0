// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowUpOffer } from '../../../../renderer/src/features/customer/FollowUpOffer';
import type { FollowUp } from '../../../../shared/contract/domain';
import { renderWithMantine } from '../../../helpers/renderWithMantine';
import { fakeClient, withClient } from './fakeClient';

afterEach(cleanup);

const HOUR = 3_600_000;
/** A moment as the Due field takes it, on this machine's clock (the agent's). */
const inputValue = (at: number) => dayjs(at).format('YYYY-MM-DDTHH:mm');

function created(input: { description: string; dueAt: number }): FollowUp {
  return { id: 1, customerId: 7, conversationId: 70, messageId: null, createdBy: 1, description: input.description, dueAt: input.dueAt, status: 'open', createdAt: Date.now(), closedAt: null };
}

describe('a follow-up offered after a call', () => {
  it('an offered follow-up can be changed, but not to a time already past', async () => {
    const { client, callsOf } = fakeClient({ 'followUps.create': created });
    let done: boolean | null = null;
    const offer = { customerId: 7, conversationId: 70, messageId: 700, description: 'Call Finn back', dueAt: Date.now() + 24 * HOUR, excerpt: 'Call Finn back tomorrow', timeSaid: true };
    renderWithMantine(withClient(client, <FollowUpOffer offer={offer} onDone={(added) => (done = added)} />));
    expect((screen.getByLabelText('What to do') as HTMLInputElement).value).toBe('Call Finn back');
    fireEvent.change(screen.getByLabelText(/^Due/), { target: { value: inputValue(Date.now() - 24 * HOUR) } });
    expect(await screen.findByText('This time is already past: a follow-up is due from now on.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add follow-up' }) as HTMLButtonElement).disabled).toBe(true);
    const later = Date.now() + 48 * HOUR;
    fireEvent.change(screen.getByLabelText(/^Due/), { target: { value: inputValue(later) } });
    fireEvent.click(screen.getByRole('button', { name: 'Add follow-up' }));
    await waitFor(() => expect(done).toBe(true));
    expect(callsOf('followUps.create')).toEqual([{ customerId: 7, conversationId: 70, messageId: 700, description: 'Call Finn back', dueAt: dayjs(inputValue(later)).valueOf() }]);
  });
});
