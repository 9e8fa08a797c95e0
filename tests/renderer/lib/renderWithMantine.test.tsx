// @vitest-environment jsdom
import { Button, Popover } from '@mantine/core';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithMantine } from '../../helpers/renderWithMantine';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

function Toggle() {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened}>
      <Popover.Target>
        <Button onClick={() => setOpened((open) => !open)}>Toggle</Button>
      </Popover.Target>
      <Popover.Dropdown>Inside</Popover.Dropdown>
    </Popover>
  );
}

describe('components rendered for tests', () => {
  it('open and close without leaving a transition timer behind (one would fire after the test’s jsdom is gone)', async () => {
    renderWithMantine(<Toggle />);
    vi.useFakeTimers();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    });
    // animation frames aside (jsdom runs them as timers), nothing is waiting to run
    await act(async () => {
      vi.advanceTimersToNextFrame();
    });
    expect(vi.getTimerCount()).toBe(0);
  });
});
