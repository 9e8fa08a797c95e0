import { ipcMain } from 'electron';
import { IPC_CHOOSE_WORKSPACE } from '../../shared/contract/channels';
import { parseWorkspaceChoice, type WorkspaceChoice, type WorkspaceChoiceResult } from '../../shared/contract/workspaceChoice';
import { isConsolePage } from './navigationPolicy';

/** Takes the first screen's answer from the console's own page only, checked against the contract, and hands it to `choose`. */
export function handleWorkspaceChoice(choose: (choice: WorkspaceChoice) => Promise<WorkspaceChoiceResult>): () => void {
  ipcMain.handle(IPC_CHOOSE_WORKSPACE, async (event, input: unknown): Promise<WorkspaceChoiceResult> => {
    if (!isConsolePage(event.senderFrame?.url ?? '')) return { ok: false, message: 'Only Kinship’s own first screen chooses where it works.' };
    const choice = parseWorkspaceChoice(input);
    if (!choice) return { ok: false, message: 'Choose this desk, or type your team server’s address.' };
    return choose(choice);
  });
  return () => ipcMain.removeHandler(IPC_CHOOSE_WORKSPACE);
}
