// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MacroMenu } from '../../../../renderer/src/features/conversation/MacroMenu';
import { DEFAULT_MACROS, type Macro } from '../../../../shared/contract/macros';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

describe('the macro menu', () => {
  it('asks for a macro’s blanks before inserting it, and leaves one not answered as a blank to see', async () => {
    const onInsert = vi.fn<(macro: Macro) => void>();
    renderWithMantine(<MacroMenu macros={DEFAULT_MACROS} onInsert={onInsert} />);
    fireEvent.click(screen.getByRole('button', { name: 'Macros' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sorry — here is how we fix it' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fill in “Sorry — here is how we fix it”' });
    fireEvent.change(screen.getByLabelText('What you have done'), { target: { value: 'I’ve sent a new card.' } });
    expect(dialog.textContent).toContain('Left empty, [when you will check in] goes into your draft');
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    expect(onInsert.mock.calls[0]![0].body).toContain('Here’s what I’ve done: I’ve sent a new card.\n\nI’ll check in with you by {{fill:when you will check in}} to make sure');
  });

  it('inserts a macro without blanks at once', async () => {
    const onInsert = vi.fn<(macro: Macro) => void>();
    renderWithMantine(<MacroMenu macros={DEFAULT_MACROS} onInsert={onInsert} />);
    fireEvent.click(screen.getByRole('button', { name: 'Macros' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Thank you' }));
    expect(onInsert).toHaveBeenCalledWith(DEFAULT_MACROS.find((macro) => macro.id === 'thank-you'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
