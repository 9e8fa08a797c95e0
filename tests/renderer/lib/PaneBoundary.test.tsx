// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaneBoundary } from '../../../renderer/src/lib/PaneBoundary';
import { renderWithMantine } from '../../helpers/renderWithMantine';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let broken = false;
function Fragile({ label }: { label: string }) {
  if (broken) {
    throw new TypeError("message.meta.to.join is not a function");
  }
  return <p>{label} is fine</p>;
}

describe('a pane that fails', () => {
  it('says in plain words what could not be shown and why, and leaves the other panes working', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    renderWithMantine(
      <>
        <PaneBoundary what="This conversation">
          <Fragile label="the thread" />
        </PaneBoundary>
        <PaneBoundary what="The queue">
          <p>the queue is fine</p>
        </PaneBoundary>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This conversation could not be shown: message.meta.to.join is not a function');
    expect(screen.getByText('the queue is fine')).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('the thread is fine')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tries again by itself when what it shows changes (another conversation opened)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    const { rerender } = renderWithMantine(
      <PaneBoundary what="This conversation" resetKeys={[1]}>
        <Fragile label="conversation 1" />
      </PaneBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    broken = false;
    rerender(
      <PaneBoundary what="This conversation" resetKeys={[2]}>
        <Fragile label="conversation 2" />
      </PaneBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('conversation 2 is fine')).toBeTruthy();
  });
});
