import { Kbd } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { COMMANDS } from '../../../../shared/contract/keymap';
import { useCommand, useCommands, type PaletteAction } from './CommandProvider';
import { displayKey } from './keyOfEvent';

const PALETTE_CLASS = 'kinship-command-palette';

export type ExtraAction = PaletteAction;

/** Ctrl/⌘+K: every command available here, with its key, and the extra actions (pages, roles). */
export function CommandPalette({ extra }: { extra: ExtraAction[] }) {
  const { available, keymap, run, actions: offered } = useCommands();
  useCommand('palette.open', () => spotlight.open());
  const actions: SpotlightActionData[] = [
    ...available
      .filter((id) => id !== 'palette.open')
      .map((id) => ({
        id,
        label: COMMANDS[id].title,
        rightSection: <Kbd size="xs">{displayKey(keymap[id])}</Kbd>,
        onClick: () => run(id),
      })),
    ...[...extra, ...offered].map((action) => ({
      id: action.id,
      label: action.label,
      ...(action.description ? { description: action.description } : {}),
      ...(action.key ? { rightSection: <Kbd size="xs">{displayKey(action.key)}</Kbd> } : {}),
      onClick: action.run,
    })),
  ];
  return (
    <Spotlight
      actions={actions}
      shortcut={null}
      nothingFound="No command matches"
      highlightQuery
      limit={50}
      scrollable
      maxHeight={420}
      classNames={{ content: PALETTE_CLASS }}
      // Mantine's dialog takes its name from a title the palette does not show: name it here
      onSpotlightOpen={() => requestAnimationFrame(() => document.querySelector(`.${PALETTE_CLASS}`)?.setAttribute('aria-label', 'Command palette'))}
      searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: 'Type a command…', 'aria-label': 'Command' }}
    />
  );
}
