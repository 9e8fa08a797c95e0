// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceChooser } from '../../../../renderer/src/features/onboarding/WorkspaceChooser';
import type { WorkspaceChoice, WorkspaceChoiceResult } from '../../../../shared/contract/workspaceChoice';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

/** The main process as the first screen sees it: every choice recorded, answered with `answer`. */
function mainProcess(answer: WorkspaceChoiceResult = { ok: true }) {
  const chosen: WorkspaceChoice[] = [];
  return { chosen, choose: (choice: WorkspaceChoice) => (chosen.push(choice), Promise.resolve(answer)) };
}

const address = () => screen.getByLabelText('Server address');

describe('Electron’s first screen: this desk, or the team’s server', () => {
  it('this desk is one click', async () => {
    const main = mainProcess();
    renderWithMantine(<WorkspaceChooser choose={main.choose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use this desk' }));
    await waitFor(() => expect(main.chosen).toEqual([{ kind: 'desk' }]));
  });

  it('a team server’s address is shown as the origin it opens, and sent as that origin', async () => {
    const main = mainProcess();
    renderWithMantine(<WorkspaceChooser choose={main.choose} />);
    fireEvent.change(address(), { target: { value: 'kinship.example.com/inbox' } });
    expect(screen.getByText('Kinship will open https://kinship.example.com')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(main.chosen).toEqual([{ kind: 'team', origin: 'https://kinship.example.com' }]));
  });

  it('an address in clear beyond this computer is refused before anything is sent, saying why', () => {
    const main = mainProcess();
    renderWithMantine(<WorkspaceChooser choose={main.choose} />);
    fireEvent.change(address(), { target: { value: 'http://kinship.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(screen.getByText(/only over https:\/\//)).toBeTruthy();
    expect(main.chosen).toEqual([]);
  });

  it('the main process’s refusal (not a Kinship server, unreachable) is shown, and the screen stays', async () => {
    const main = mainProcess({ ok: false, message: 'Kinship could not reach https://kinship.example.com: no server has that name (check the spelling).' });
    renderWithMantine(<WorkspaceChooser choose={main.choose} />);
    fireEvent.change(address(), { target: { value: 'kinship.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no server has that name');
    expect((screen.getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shown because the kept server did not answer at start: says so, with its address ready to try again', () => {
    renderWithMantine(<WorkspaceChooser choose={mainProcess().choose} unreachable="https://kinship.example.com" />);
    expect(screen.getByRole('alert').textContent).toContain('Kinship could not reach https://kinship.example.com');
    expect((address() as HTMLInputElement).value).toBe('https://kinship.example.com');
  });
});
