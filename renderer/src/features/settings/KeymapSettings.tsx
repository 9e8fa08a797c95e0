import { Alert, Button, Group, Kbd, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canonicalKey, COMMAND_IDS, COMMANDS, commandTitle, DEFAULT_KEYMAP, keyClash, keymapConflicts, keyProblem, type CommandId, type Keymap } from '../../../../shared/contract/keymap';
import { useClient } from '../../api/ClientContext';
import { keymapKey, useKeymap } from '../commands/CommandProvider';
import { KeyInput } from '../commands/KeyInput';
import { displayKey } from '../commands/keyOfEvent';

/** Settings → Keyboard: every command's key, changed by pressing the new one; conflicts shown before saving. */
export function KeymapSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  const keymap = useKeymap();
  const [edits, setEdits] = useState<Partial<Keymap>>({});
  const next: Keymap = { ...keymap, ...edits };
  const conflicts = keymapConflicts(next);
  // a macro's key is taken too (the same rule as keymap.set)
  const macros = useQuery({ queryKey: ['macros.list'], queryFn: () => client.call('macros.list', {}) });
  const macroWithKey = (key: string) => macros.data?.find((macro) => macro.shortcut !== null && canonicalKey(macro.shortcut) === canonicalKey(key));
  const problems = COMMAND_IDS.flatMap((id) => {
    const edit = edits[id];
    if (edit === undefined) return [];
    const macro = macroWithKey(edit);
    const problem = keyProblem(edit) ?? (macro ? keyClash(edit, `the macro “${macro.name}”`) : null);
    return problem ? [{ id, problem }] : [];
  });
  const save = useMutation({
    mutationFn: (bindings: Partial<Keymap>) => client.call('keymap.set', { bindings }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keymapKey, saved);
      setEdits({});
    },
  });
  const conflictOf = (id: CommandId) => conflicts.find((conflict) => conflict.commands.includes(id));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="keymap-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="keymap-title">
          Keyboard
        </Title>
        <Text size="sm" c="dimmed">
          Click a key field and press the keys you want. Single keys work when you are not typing in a field; Esc leaves a field. Combinations the browser, the operating system or AltGr need are refused.
        </Text>
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Command</Table.Th>
              <Table.Th w={160}>Key</Table.Th>
              <Table.Th>Change to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {COMMAND_IDS.map((id) => {
              const conflict = conflictOf(id);
              const problem = problems.find((p) => p.id === id)?.problem;
              return (
                <Table.Tr key={id}>
                  <Table.Td>{COMMANDS[id].title}</Table.Td>
                  <Table.Td>
                    <Kbd size="xs">{displayKey(keymap[id])}</Kbd>
                  </Table.Td>
                  <Table.Td>
                    <KeyInput
                      size="xs"
                      aria-label={`New key for ${COMMANDS[id].title}`}
                      value={edits[id] ?? null}
                      onKey={(key) =>
                        setEdits((current) => {
                          const next = { ...current };
                          if (key) next[id] = key;
                          else delete next[id];
                          return next;
                        })
                      }
                      error={problem ?? (conflict && edits[id] ? keyClash(conflict.key, conflict.commands.filter((c) => c !== id).map(commandTitle).join(', ')) : undefined)}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {save.isError && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group>
          <Button onClick={() => save.mutate({ ...overridesOf(keymap), ...edits })} disabled={!Object.keys(edits).length || conflicts.length > 0 || problems.length > 0} loading={save.isPending}>
            Save keys
          </Button>
          <Button variant="default" onClick={() => setEdits({})} disabled={!Object.keys(edits).length}>
            Undo changes
          </Button>
          <Button variant="subtle" onClick={() => save.mutate({})}>
            Restore all defaults
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function overridesOf(keymap: Keymap): Partial<Keymap> {
  return Object.fromEntries(COMMAND_IDS.filter((id) => keymap[id] !== DEFAULT_KEYMAP[id]).map((id) => [id, keymap[id]]));
}
