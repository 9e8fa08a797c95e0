import { Button, Kbd, Menu, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import type { Macro } from '../../../../shared/contract/macros';
import { displayKey } from '../commands/keyOfEvent';

/** The canned responses, one click (or their own key) from the composer. */
export function MacroMenu({ macros, onInsert }: { macros: Macro[]; onInsert: (macro: Macro) => void }) {
  // once a macro is chosen the focus belongs to the composer it went into (so Ctrl+Enter sends),
  // not back on this button; closed without a choice, it returns to the button as usual
  const [chosen, setChosen] = useState(false);
  return (
    <Menu position="top-start" withinPortal returnFocus={!chosen} onOpen={() => setChosen(false)}>
      <Menu.Target>
        <Button size="compact-xs" variant="subtle" leftSection={<IconTemplate size={14} />}>
          Macros
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Insert a macro</Menu.Label>
        {macros.length === 0 && <Text size="xs" c="dimmed" p="xs">No macros yet: add them in Settings.</Text>}
        {macros.map((macro) => (
          <Menu.Item
            key={macro.id}
            onClick={() => {
              setChosen(true);
              onInsert(macro);
            }} rightSection={macro.shortcut ? <Kbd size="xs">{displayKey(macro.shortcut)}</Kbd> : null}>
            {macro.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
