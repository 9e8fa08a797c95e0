import { Kbd } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useRef } from 'react';
import { COMMANDS, type CommandId } from '../../../../shared/contract/keymap';
import { useCommand, useCommands, type PaletteAction } from './CommandProvider';
import { displayKey } from './keyOfEvent';

const PALETTE_CLASS = 'kinship-command-palette';

export type ExtraAction = PaletteAction;

/** The heading a named command is listed under, from the part of its id before the dot. */
const COMMAND_GROUP: Record<string, string> = {
  conversation: 'Conversation',
  composer: 'Reply',
  search: 'Queue',
  go: 'Go to',
};

function groupOf(id: CommandId): string {
  return COMMAND_GROUP[id.split('.')[0]!] ?? 'General';
}

/**
 * Focus around the palette, in one order whatever the machine's speed: focus goes back to where it
 * was BEFORE a chosen action runs, so an action that moves focus (to the call note, the reply box)
 * keeps it. Mantine's own return of focus fires on a timer after closing and could land after the
 * action's move, taking the focus away again.
 */
function usePaletteFocus() {
  const before = useRef<HTMLElement | null>(null);
  const chosen = useRef(false);
  const restore = () => {
    const element = before.current;
    if (element?.isConnected) element.focus({ preventScroll: true });
  };
  return {
    opened() {
      before.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      chosen.current = false;
    },
    choose(run: () => void) {
      return () => {
        chosen.current = true;
        restore();
        run();
      };
    },
    closed() {
      if (!chosen.current) restore();
      chosen.current = false;
    },
  };
}

/**
 * Ctrl/⌘+K: every command available here, with its key, and every action the features on screen
 * offer (usePaletteActions), grouped by what they act on. The palette knows no action itself.
 */
export function CommandPalette({ extra = [] }: { extra?: ExtraAction[] }) {
  const { available, keymap, run, actions: offered } = useCommands();
  const focus = usePaletteFocus();
  useCommand('palette.open', () => {
    // where focus is now, before the palette takes it
    focus.opened();
    spotlight.open();
  });
  const groups = new Map<string, SpotlightActionData[]>();
  const add = (group: string, action: SpotlightActionData) => groups.set(group, [...(groups.get(group) ?? []), action]);
  for (const id of available) {
    if (id === 'palette.open') continue;
    add(groupOf(id), { id, label: COMMANDS[id].title, rightSection: <Kbd size="xs">{displayKey(keymap[id])}</Kbd>, onClick: focus.choose(() => run(id)) });
  }
  for (const action of [...extra, ...offered]) {
    add(action.group ?? 'General', {
      id: action.id,
      label: action.label,
      ...(action.description ? { description: action.description } : {}),
      ...(action.key ? { rightSection: <Kbd size="xs">{displayKey(action.key)}</Kbd> } : {}),
      onClick: focus.choose(action.run),
    });
  }
  const actions: SpotlightActionGroupData[] = [...groups.entries()].map(([group, list]) => ({ group, actions: list }));
  return (
    <Spotlight
      actions={actions}
      shortcut={null}
      nothingFound="No command matches"
      highlightQuery
      limit={80}
      scrollable
      maxHeight={460}
      classNames={{ content: PALETTE_CLASS }}
      // Mantine's dialog takes its name from a title the palette does not show: name it here
      onSpotlightOpen={() => {
        requestAnimationFrame(() => document.querySelector(`.${PALETTE_CLASS}`)?.setAttribute('aria-label', 'Command palette'));
      }}
      onSpotlightClose={focus.closed}
      returnFocus={false}
      searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: 'Type a command…', 'aria-label': 'Command' }}
    />
  );
}
