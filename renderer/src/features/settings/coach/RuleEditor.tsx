import { Button, Code, Divider, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { COACH_KINDS, type CoachKind, type PlaybookRule } from '../../../../../shared/contract/coach';
import { NumberField } from './NumberField';
import { errorAt, type PlaybookIssue } from './playbookIssues';
import { KIND_LABEL } from './playbookWords';
import { TriggerFields } from './TriggerFields';
import { WordingsEditor } from './WordingsEditor';

interface RuleEditorProps {
  rule: PlaybookRule;
  onChange: (rule: PlaybookRule) => void;
  onDelete: () => void;
  readOnly: boolean;
  issues: readonly PlaybookIssue[];
  /** The rule's path in the playbook, e.g. "playbook.rules.3". */
  path: string;
}

const KIND_DATA = COACH_KINDS.map((value) => ({ value, label: KIND_LABEL[value] }));

/** One rule opened: its title, kind and priority, its trigger, its wordings. */
export function RuleEditor({ rule, onChange, onDelete, readOnly, issues, path }: RuleEditorProps) {
  const set = (change: Partial<PlaybookRule>) => onChange({ ...rule, ...change });
  const name = rule.title.trim() || rule.id;
  return (
    <Stack gap="sm">
      {/* the title on a line of its own, the kind and the priority under it: each readable whole */}
      <TextInput
        size="xs"
        label="Title"
        description="What the agent sees as the prompt’s title"
        value={rule.title}
        disabled={readOnly}
        error={errorAt(issues, `${path}.title`)}
        onChange={(event) => set({ title: event.currentTarget.value })}
      />
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <Select
          size="xs"
          label="Kind"
          description="One prompt of each kind at most"
          data={KIND_DATA}
          value={rule.kind}
          allowDeselect={false}
          disabled={readOnly}
          error={errorAt(issues, `${path}.kind`)}
          style={{ flex: 1 }}
          onChange={(kind) => kind && set({ kind: kind as CoachKind })}
        />
        <NumberField
          size="xs"
          label="Priority"
          description="0–100, higher first"
          min={0}
          max={100}
          allowDecimal={false}
          value={rule.priority}
          disabled={readOnly}
          error={errorAt(issues, `${path}.priority`)}
          w={120}
          onValue={(priority) => set({ priority: priority ?? Number.NaN })}
        />
      </Group>
      <Text size="xs" c="dimmed">
        Rule id <Code>{rule.id}</Code>
        {errorAt(issues, `${path}.id`) && (
          <Text span c="red" size="xs">
            {' '}
            {errorAt(issues, `${path}.id`)}
          </Text>
        )}
      </Text>
      <TriggerFields trigger={rule.when} onChange={(when) => set({ when })} readOnly={readOnly} issues={issues} path={`${path}.when`} ruleTitle={name} />
      <Divider />
      <WordingsEditor wordings={rule.wordings} onChange={(wordings) => set({ wordings })} readOnly={readOnly} issues={issues} path={`${path}.wordings`} ruleTitle={name} />
      {!readOnly && (
        <>
          <Divider />
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} w="fit-content" onClick={onDelete}>
            Delete the rule “{name}”
          </Button>
        </>
      )}
    </Stack>
  );
}
