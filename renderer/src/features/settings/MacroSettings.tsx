import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { canonicalKey, COMMAND_IDS, commandTitle, keyClash, macroKeyProblem } from '../../../../shared/contract/keymap';
import { FILL_PREFIX, MACRO_PLACEHOLDERS, placeholderProblem, type Macro } from '../../../../shared/contract/macros';
import { useClient } from '../../api/ClientContext';
import { useMay } from '../../app/useMay';
import { useCommands } from '../commands/CommandProvider';
import { KeyInput } from '../commands/KeyInput';

const macrosKey = ['macros.list'] as const;

/** Settings → Macros: the team's canned responses, their placeholders and their own keys. */
export function MacroSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: macrosKey, queryFn: () => client.call('macros.list', {}) });
  // the team's macros are the supervisors' and admins' to change (shared/contract/permissions.ts)
  const mayEdit = useMay('macros.save');
  const [macros, setMacros] = useState<Macro[]>([]);
  useEffect(() => setMacros(saved.data ?? []), [saved.data]);
  const save = useMutation({
    mutationFn: (next: Macro[]) => client.call('macros.save', { macros: next }),
    onSuccess: (next) => queryClient.setQueryData(macrosKey, next),
  });
  const { keymap } = useCommands();
  // the one rule for keys (shared/contract/keymap.ts), and no key twice: checked as it is pressed, as macros.save checks it
  const keyIssue = (index: number): string | undefined => {
    const shortcut = macros[index]?.shortcut;
    if (!shortcut) return undefined;
    const problem = macroKeyProblem(shortcut);
    if (problem) return problem;
    const key = canonicalKey(shortcut);
    const command = COMMAND_IDS.find((id) => canonicalKey(keymap[id]) === key);
    if (command) return keyClash(key, commandTitle(command));
    const other = macros.findIndex((macro, i) => i < index && macro.shortcut !== null && canonicalKey(macro.shortcut) === key);
    return other >= 0 ? keyClash(key, `the macro “${macros[other]!.name}”`) : undefined;
  };
  const invalid = macros.some((macro, index) => keyIssue(index) !== undefined || placeholderProblem(macro.body) !== null);
  const update = (index: number, change: Partial<Macro>) => setMacros((current) => current.map((macro, i) => (i === index ? { ...macro, ...change } : macro)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="macros-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="macros-title">
          Macros
        </Title>
        <Text size="sm" c="dimmed">
          Canned responses, inserted from the composer’s Macros menu, the command palette or their own key (with Ctrl/⌘ or Alt, so it works while typing). Placeholders:{' '}
          {Object.entries(MACRO_PLACEHOLDERS).map(([name, meaning]) => `{{${name}}} ${meaning}`).join('; ')}; {`{{${FILL_PREFIX}what to ask}}`} a blank you fill in as you
          insert the macro. Anything else in double braces is refused.
        </Text>
        {!mayEdit && (
          <Text size="sm" data-testid="macros-read-only">
            These are the team’s macros: only a supervisor or an admin can change them.
          </Text>
        )}
        {macros.map((macro, index) => (
          <Paper key={macro.id} withBorder p="sm" radius="sm">
            <Stack gap={6}>
              <Group align="flex-end" gap="xs">
                <TextInput size="xs" label="Name" value={macro.name} onChange={(event) => update(index, { name: event.currentTarget.value })} style={{ flex: 1 }} />
                <KeyInput size="xs" label="Key" value={macro.shortcut} onKey={(key) => update(index, { shortcut: key })} w={150} error={keyIssue(index)} />
                <ActionIcon variant="subtle" color="red" aria-label={`Delete the macro ${macro.name}`} onClick={() => setMacros((current) => current.filter((_, i) => i !== index))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Textarea
                size="xs"
                label="Text"
                autosize
                minRows={2}
                value={macro.body}
                onChange={(event) => update(index, { body: event.currentTarget.value })}
                error={placeholderProblem(macro.body) ?? undefined}
              />
            </Stack>
          </Paper>
        ))}
        {save.isError && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        {mayEdit && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setMacros((current) => [...current, { id: `macro-${Date.now().toString(36)}`, name: 'New macro', body: 'Hi {{customer.firstName}},\n\n\n{{agent.firstName}}', shortcut: null }])}
          >
            Add a macro
          </Button>
          <Button onClick={() => save.mutate(macros)} loading={save.isPending} disabled={invalid || JSON.stringify(macros) === JSON.stringify(saved.data ?? [])}>
            Save macros
          </Button>
        </Group>
        )}
      </Stack>
    </Paper>
  );
}
