// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { AddFollowUp } from '../../../../renderer/src/features/customer/AddFollowUp';
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

describe('a follow-up due in the past, on screen', () => {
  it('Add follow-up says a past time is past as it is chosen, and sends nothing', async () => {
    const { client, callsOf } = fakeClient({ 'followUps.create': created });
    renderWithMantine(withClient(client, <AddFollowUp customerId={7} conversationId={70} />));
    fireEvent.click(screen.getByRole('button', { name: 'Add follow-up' }));
    fireEvent.change(screen.getByLabelText('What was promised', { exact: false }), { target: { value: 'Ring back' } });
    fireEvent.change(screen.getByLabelText('Due', { exact: false }), { target: { value: inputValue(Date.now() - 2 * HOUR) } });
    expect(await screen.findByText('This time is already past: a follow-up is due from now on.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save follow-up' }));
    await waitFor(() => expect(screen.getByText('This time is already past: a follow-up is due from now on.')).toBeTruthy());
    expect(callsOf('followUps.create')).toEqual([]);
    // an hour ahead is saved
    fireEvent.change(screen.getByLabelText('Due', { exact: false }), { target: { value: inputValue(Date.now() + HOUR) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save follow-up' }));
    await waitFor(() => expect(callsOf('followUps.create')).toHaveLength(1));
  });
});
