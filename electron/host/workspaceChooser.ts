import { teamServerOrigin, type WorkspaceChoice, type WorkspaceChoiceResult } from '../../shared/contract/workspaceChoice';
import { writeWorkspaceChoice } from './workspaceChoiceFile';

export interface WorkspaceChooserOptions {
  /** Where the choice is kept (the desk's data folder). */
  dataDir: string;
  /** Whether an origin is a Kinship team server this computer reaches (electron/host/teamServerProbe.ts). */
  probe: (origin: string) => Promise<WorkspaceChoiceResult>;
  /** Starts the desk: its services and the console. */
  openDesk: () => void;
  /** Opens a console of the team server at `origin`. */
  openTeam: (origin: string) => void;
}

/**
 * What the first screen's answer does, under plain Node: the team server's address is checked
 * (https beyond this computer, a Kinship server that answers) before anything is kept; then the
 * choice is kept and opened. A refused choice keeps nothing and says why.
 */
export function createWorkspaceChooser(options: WorkspaceChooserOptions): (choice: WorkspaceChoice) => Promise<WorkspaceChoiceResult> {
  let busy = false;
  return async (choice) => {
    if (busy) return { ok: false, message: 'Kinship is still opening the last choice.' };
    busy = true;
    try {
      if (choice.kind === 'desk') {
        writeWorkspaceChoice(options.dataDir, choice);
        options.openDesk();
        return { ok: true };
      }
      const address = teamServerOrigin(choice.origin);
      if (!address.ok) return address;
      const reached = await options.probe(address.origin);
      if (!reached.ok) return reached;
      writeWorkspaceChoice(options.dataDir, { kind: 'team', origin: address.origin });
      options.openTeam(address.origin);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `Kinship could not keep the choice: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      busy = false;
    }
  };
}
