import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { GrowingTextarea } from '../../lib/GrowingTextarea';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { canonicalKey, COMMAND_IDS, commandTitle, keyClash, macroKeyProblem } from '../../../../shared/contract/keymap';
import { FILL_PREFIX, MACRO_PLACEHOLDERS, placeholderProblem, type Macro } from '../../../../shared/contract/macros';
import { useClient } from '../../api/ClientContext';
import { useMay } from '../../app/useMay';
import { useKeymap } from '../commands/CommandProvider';
import { KeyInput } from '../commands/KeyInput';

const macrosKey = ['macros.list'] as const;

/** A list as it is saved: the "personal" mark is macros.list's, not part of a macro. */
const bare = (list: Macro[]): Macro[] => list.map(({ personal: _personal, ...macro }) => macro);

/**
 * Settings → Macros: canned responses, their placeholders and their own keys — the team's (which
 * supervisors and admins change) or a person's own, beside them in the composer.
 */
export function MacroSettings({ scope = 'team' }: { scope?: 'team' | 'personal' }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const all = useQuery({ queryKey: macrosKey, queryFn: () => client.call('macros.list', {}) });
  const ofScope = (list: Macro[] | undefined) => bare((list ?? []).filter((macro) => (scope === 'personal') === (macro.personal === true)));
  const saved = { data: all.data ? ofScope(all.data) : undefined };
  const others = bare((all.data ?? []).filter((macro) => (scope === 'personal') !== (macro.personal === true)));
  // the team's macros are the supervisors' and admins' to change; one's own, anyone who answers (shared/contract/permissions.ts)
  const mayEdit = useMay(scope === 'team' ? 'macros.save' : 'macros.savePersonal');
  const [macros, setMacros] = useState<Macro[]>([]);
  useEffect(() => setMacros(all.data ? ofScope(all.data) : []), [all.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useMutation({
    mutationFn: (next: Macro[]) => client.call(scope === 'team' ? 'macros.save' : 'macros.savePersonal', { macros: next }),
    onSuccess: (next) => queryClient.setQueryData(macrosKey, next),
  });
  const titleId = `macros-title-${scope}`;
  const keymap = useKeymap();
  // the one rule for keys (shared/contract/keymap.ts), and no key twice: checked as it is pressed, as macros.save checks it
  const keyIssue = (index: number): string | undefined => {
    const shortcut = macros[index]?.shortcut;
    if (!shortcut) return undefined;
    const problem = macroKeyProblem(shortcut);
    if (problem) return problem;
    const key = canonicalKey(shortcut);
    const command = COMMAND_IDS.find((id) => canonicalKey(keymap[id]) === key);
    if (command) return keyClash(key, commandTitle(command));
    const elsewhere = others.find((macro) => macro.shortcut !== null && canonicalKey(macro.shortcut) === key);
    if (elsewhere) return keyClash(key, `the macro “${elsewhere.name}”`);
    const other = macros.findIndex((macro, i) => i < index && macro.shortcut !== null && canonicalKey(macro.shortcut) === key);
    return other >= 0 ? keyClash(key, `the macro “${macros[other]!.name}”`) : undefined;
  };
  const invalid = macros.some((macro, index) => keyIssue(index) !== undefined || placeholderProblem(macro.body) !== null);
  const update = (index: number, change: Partial<Macro>) => setMacros((current) => current.map((macro, i) => (i === index ? { ...macro, ...change } : macro)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {scope === 'team' ? 'Macros' : 'My canned responses'}
        </Title>
        {scope === 'personal' && (
          <Text size="sm">Your own macros, beside the team’s in the Macros menu, the palette and their keys. Nobody else sees them.</Text>
        )}
        {scope === 'team' && (
        <Text size="sm" c="dimmed">
          Canned responses, inserted from the composer’s Macros menu, the command palette or their own key (with Ctrl/⌘ or Alt, so it works while typing). Placeholders:{' '}
          {Object.entries(MACRO_PLACEHOLDERS).map(([name, meaning]) => `{{${name}}} ${meaning}`).join('; ')}; {`{{${FILL_PREFIX}what to ask}}`} a blank you fill in as you
          insert the macro. Anything else in double braces is refused.
        </Text>
        )}
        {!mayEdit && (
          <Text size="sm" data-testid="macros-read-only">
            {scope === 'team' ? 'These are the team’s macros: only a supervisor or an admin can change them.' : 'Only people who answer customers keep macros of their own.'}
          </Text>
        )}
        {macros.map((macro, index) => (
          <Paper key={macro.id} withBorder p="sm" radius="sm">
            <Stack gap={6}>
              <Group align="flex-end" gap="xs">
                <TextInput size="xs" label="Name" disabled={!mayEdit} value={macro.name} onChange={(event) => update(index, { name: event.currentTarget.value })} style={{ flex: 1 }} />
                <KeyInput size="xs" label="Key" disabled={!mayEdit} value={macro.shortcut} onKey={(key) => update(index, { shortcut: key })} w={150} error={keyIssue(index)} />
                {mayEdit && <ActionIcon variant="subtle" color="red" aria-label={`Delete the macro ${macro.name}`} onClick={() => setMacros((current) => current.filter((_, i) => i !== index))}>
                  <IconTrash size={16} />
                </ActionIcon>}
              </Group>
              <GrowingTextarea
                disabled={!mayEdit}
                size="xs"
                label="Text"
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
            {scope === 'team' ? 'Save macros' : 'Save my canned responses'}
          </Button>
        </Group>
        )}
      </Stack>
    </Paper>
  );
}
