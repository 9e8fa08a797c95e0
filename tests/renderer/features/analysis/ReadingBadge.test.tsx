// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadingBadge } from '../../../../renderer/src/features/analysis/ReadingBadge';
import type { MessageReading } from '../../../../shared/contract/analysis';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

const reading = {
  analyzer: 'model',
  modelId: 'emotions + sentiment',
  sentiment: -0.42,
  sentimentClass: 'negative',
  emotions: [
    { emotion: 'anger', score: 0.71 },
    { emotion: 'neutral', score: 0.29 },
  ],
  dominant: { emotion: 'anger', score: 0.71 },
  words: 9,
  latencyMs: 12,
  analysedAt: 0,
} as unknown as MessageReading;

describe('ReadingBadge', () => {
  it('shows the details when the badge is reached with the keyboard, and keyboard focus stays on the badge', async () => {
    renderWithMantine(<ReadingBadge reading={reading} />);
    const badge = screen.getByTestId('reading');
    expect(badge.getAttribute('aria-haspopup')).toBe('dialog');
    expect(screen.queryByRole('dialog')).toBeNull();
    await act(async () => {
      badge.focus();
    });
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('reading'));
    expect(screen.getByTestId('reading').getAttribute('aria-expanded')).toBe('true');
    await act(async () => {
      fireEvent.blur(screen.getByTestId('reading'));
    });
    expect(screen.getByTestId('reading').getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the details on hover, and hides them when the pointer leaves', async () => {
    renderWithMantine(<ReadingBadge reading={reading} />);
    fireEvent.mouseEnter(screen.getByTestId('reading'));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    fireEvent.mouseLeave(screen.getByTestId('reading'));
    expect(screen.getByTestId('reading').getAttribute('aria-expanded')).toBe('false');
  });
});
