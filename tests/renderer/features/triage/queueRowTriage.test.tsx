// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationRow } from '../../../../renderer/src/features/inbox/ConversationRow';
import type { ConversationSummary } from '../../../../shared/contract/domain';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

const NOW = Date.UTC(2026, 10, 26, 12, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const conversation: ConversationSummary = {
  id: 1,
  channel: 'chat',
  status: 'open',
  subject: 'Where is my sofa?',
  queue: 'general',
  assignee: null,
  team: null,
  customer: { id: 7, displayName: 'Dana Okafor' },
  lastMessage: { author: 'customer', preview: 'Any news?', sentAt: NOW - 60_000 },
  messageCount: 3,
  createdAt: NOW - 3_600_000,
  updatedAt: NOW - 60_000,
  priority: 'normal',
  unread: false,
  waitingSince: NOW - 60_000,
  mood: null,
  followUpDueAt: null,
  connection: null,
  tags: [
    { id: 1, name: 'Delivery', color: 'blue' },
    { id: 2, name: 'VIP', color: null },
    { id: 3, name: 'Damaged', color: 'red' },
  ],
  snoozedUntil: null,
  hasDraft: false,
  responseClock: { kind: 'first', since: NOW - 60_000, dueAt: NOW + 60_000, targetMinutes: 2 },
};

describe('a queue row’s tags and response clock', () => {
  it('shows two tags and "+1", and counts the time left down live until it reads as breached', () => {
    renderWithMantine(<ConversationRow conversation={conversation} selected={false} onOpen={() => {}} />);
    expect(screen.getAllByTestId('tag-chip').map((chip) => chip.textContent)).toEqual(['Delivery', 'VIP']);
    expect(screen.getByText('+1')).toBeTruthy();
    const badge = screen.getByTestId('response-target');
    expect(badge.textContent).toBe('1 min left');
    act(() => vi.advanceTimersByTime(30_000));
    expect(badge.textContent).toBe('30 s left');
    expect(badge.getAttribute('data-tone')).toBe('soon');
    act(() => vi.advanceTimersByTime(3 * 60_000));
    expect(badge.textContent).toBe('breached 2 min ago');
    expect(badge.getAttribute('data-tone')).toBe('breached');
  });

  it('shows no clock where none runs, and when a snoozed one comes back', () => {
    renderWithMantine(<ConversationRow conversation={{ ...conversation, status: 'snoozed', responseClock: null, snoozedUntil: NOW + 3 * 3_600_000 }} selected={false} onOpen={() => {}} />);
    expect(screen.queryByTestId('response-target')).toBeNull();
    expect(screen.getByTestId('snoozed-until').textContent).toMatch(/^until (\d\d:\d\d|\w{3} \d\d:\d\d)$/);
  });
});
