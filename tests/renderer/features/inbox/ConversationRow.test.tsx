// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationRow } from '../../../../renderer/src/features/inbox/ConversationRow';
import type { ConversationSummary } from '../../../../shared/contract/domain';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

const now = Date.now();
const conversation: ConversationSummary = {
  id: 1,
  channel: 'chat',
  status: 'open',
  subject: null,
  queue: 'general',
  assignee: null,
  team: null,
  customer: { id: 7, displayName: 'Dana Okafor' },
  lastMessage: { author: 'customer', preview: 'Any news?', sentAt: now - 60_000 },
  messageCount: 3,
  createdAt: now - 3_600_000,
  updatedAt: now - 60_000,
  priority: 'normal',
  unread: false,
  hasDraft: false,
  waitingSince: null,
  mood: null,
  followUpDueAt: null,
  tags: [],
  snoozedUntil: null,
  responseClock: null,
  connection: null,
};

describe('a queue row', () => {
  it('flags a follow-up that is past due, and not one still to come', () => {
    renderWithMantine(<ConversationRow conversation={{ ...conversation, followUpDueAt: now - 60_000 }} selected={false} onOpen={() => {}} />);
    expect(screen.getByRole('img', { name: 'Follow-up overdue' })).toBeTruthy();
    cleanup();
    renderWithMantine(<ConversationRow conversation={{ ...conversation, followUpDueAt: now + 3_600_000 }} selected={false} onOpen={() => {}} />);
    expect(screen.queryByRole('img', { name: 'Follow-up overdue' })).toBeNull();
  });

  it('shows the customer’s connection stage when it is known', () => {
    renderWithMantine(<ConversationRow conversation={{ ...conversation, connection: { score: 62, stage: 'friend' } }} selected={false} onOpen={() => {}} />);
    const dot = screen.getByRole('img', { name: 'Connection: friend (62)' });
    expect(dot.getAttribute('title')).toBe('Connection: friend (62): how close this customer is to us, from stranger to kin');
    cleanup();
    renderWithMantine(<ConversationRow conversation={conversation} selected={false} onOpen={() => {}} />);
    expect(screen.queryByTestId('connection-dot')).toBeNull();
  });

  it('names the team the conversation is assigned to, and no team when it has none', () => {
    renderWithMantine(<ConversationRow conversation={{ ...conversation, team: { id: 5, name: 'Returns' } }} selected={false} onOpen={() => {}} />);
    expect(screen.getByTestId('team-badge').textContent).toBe('Returns');
    expect(screen.getByLabelText('Team: Returns').getAttribute('title')).toBe('Assigned to the team Returns');
    cleanup();
    renderWithMantine(<ConversationRow conversation={conversation} selected={false} onOpen={() => {}} />);
    expect(screen.queryByTestId('team-badge')).toBeNull();
  });
});
