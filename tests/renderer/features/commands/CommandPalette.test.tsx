// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { useMemo, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandPalette } from '../../../../renderer/src/features/commands/CommandPalette';
import { usePaletteActions } from '../../../../renderer/src/features/commands/CommandProvider';
import { DEFAULT_KEYMAP } from '../../../../shared/contract/keymap';
import { renderWithMantine } from '../../../helpers/renderWithMantine';
import { fakeClient, withClient } from '../customer/fakeClient';

// jsdom lays nothing out: the palette scrolls its selected action into view
Element.prototype.scrollIntoView ??= () => {};

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

/** A feature on screen that offers one palette action moving the focus to its own field, as the call panel's "Add a call note" does. */
function NoteField() {
  const note = useRef<HTMLInputElement>(null);
  const actions = useMemo(() => [{ id: 'note', label: 'Add a note', run: () => note.current?.focus() }], []);
  usePaletteActions(actions);
  return <input ref={note} aria-label="Note" />;
}

function renderPalette() {
  const { client } = fakeClient({ 'keymap.get': () => DEFAULT_KEYMAP });
  renderWithMantine(
    withClient(
      client,
      <>
        <input aria-label="Search" />
        <NoteField />
        <CommandPalette />
      </>,
    ),
  );
}

async function openPaletteFrom(field: HTMLElement) {
  field.focus();
  fireEvent.keyDown(field, { key: 'k', code: 'KeyK', ctrlKey: true });
  return screen.findByRole('textbox', { name: 'Command' });
}

describe('the command palette', () => {
  it('leaves the focus where a chosen action put it, however late the dialog finishes closing', async () => {
    renderPalette();
    const search = screen.getByRole('textbox', { name: 'Search' });
    await openPaletteFrom(search);
    vi.useFakeTimers();
    fireEvent.click(await vi.waitFor(() => screen.getByText('Add a note')));
    // every timer the closing dialog set runs: none may take the focus back to where the palette opened
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Note' }));
  });

  it('gives the focus back to where it was when closed without choosing', async () => {
    renderPalette();
    const search = screen.getByRole('textbox', { name: 'Search' });
    const command = await openPaletteFrom(search);
    fireEvent.keyDown(command, { key: 'Escape' });
    await vi.waitFor(() => expect(document.activeElement).toBe(search));
  });
});
