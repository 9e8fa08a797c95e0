import { Button, Group, Kbd, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Macro } from '../../../../shared/contract/macros';
import { answerBlanks, macroBlanks } from '../../../../shared/fillMacro';
import { displayKey } from '../commands/keyOfEvent';

/**
 * The canned responses, one click (or their own key) from the composer. A macro with blanks to
 * fill ({{fill:…}}) asks for them first; a blank left empty goes in as a visible "[…]", never as a
 * silent gap.
 */
export function MacroMenu({ macros, onInsert }: { macros: Macro[]; onInsert: (macro: Macro) => void }) {
  const [asking, setAsking] = useState<{ macro: Macro; blanks: string[] } | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  // once a macro is chosen the focus belongs to the composer it goes into (so Ctrl+Enter sends),
  // not back on the Macros button; closed without a choice, it returns to the button as usual
  const [chosen, setChosen] = useState(false);
  const choose = (macro: Macro) => {
    setChosen(true);
    const blanks = macroBlanks(macro.body);
    if (blanks.length === 0) {
      onInsert(macro);
      return;
    }
    setAnswers({});
    setAsking({ macro, blanks });
  };
  const insert = (event: FormEvent) => {
    event.preventDefault();
    if (!asking) return;
    const { macro } = asking;
    setAsking(null);
    onInsert({ ...macro, body: answerBlanks(macro.body, answers) });
  };
  const left = asking ? asking.blanks.filter((label) => !answers[label]?.trim()) : [];

  return (
    <>
      <Menu position="top-start" withinPortal returnFocus={!chosen} onOpen={() => setChosen(false)}>
        <Menu.Target>
          <Button size="compact-xs" variant="subtle" leftSection={<IconTemplate size={14} />}>
            Macros
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Insert a macro</Menu.Label>
          {macros.length === 0 && (
            <Text size="xs" c="dimmed" p="xs">
              No macros yet: add them in Settings.
            </Text>
          )}
          {macros.map((macro) => (
            <Menu.Item key={macro.id} onClick={() => choose(macro)} rightSection={macro.shortcut ? <Kbd size="xs">{displayKey(macro.shortcut)}</Kbd> : null}>
              {macro.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} returnFocus={false} title={asking ? `Fill in “${asking.macro.name}”` : ''} size="md">
        {asking && (
          <form onSubmit={insert} aria-label="Fill in the macro">
            <Stack gap="xs">
              {asking.blanks.map((label, index) => (
                <TextInput
                  key={label}
                  label={label.charAt(0).toUpperCase() + label.slice(1)}
                  data-autofocus={index === 0 || undefined}
                  value={answers[label] ?? ''}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setAnswers((current) => ({ ...current, [label]: value }));
                  }}
                />
              ))}
              <Text size="xs" c="dimmed" aria-live="polite">
                {left.length === 0 ? 'Everything is filled in.' : `Left empty, ${left.map((label) => `[${label}]`).join(', ')} goes into your draft as it is, for you to fill before sending.`}
              </Text>
              <Group gap="xs">
                <Button type="submit" size="xs">
                  Insert
                </Button>
                <Button size="xs" variant="default" onClick={() => setAsking(null)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
