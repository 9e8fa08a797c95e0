import { Accordion, Badge, Button, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { COACH_KINDS, PLAYBOOK_LIMITS, type CoachKind, type PlaybookRule, type RuleCheck } from '../../../../../shared/contract/coach';
import { issuesUnder, type PlaybookIssue } from './playbookIssues';
import { KIND_LABEL, triggerSummary } from './playbookWords';
import { RuleEditor } from './RuleEditor';

interface RuleListProps {
  rules: PlaybookRule[];
  onChange: (rules: PlaybookRule[]) => void;
  readOnly: boolean;
  issues: readonly PlaybookIssue[];
  /** The rules opened for editing (by id). */
  open: string[];
  onOpen: (open: string[]) => void;
  /** How each rule fared in the preview, by rule id (when a preview has run). */
  checks: Map<string, RuleCheck> | null;
}

const KIND_DATA = COACH_KINDS.map((value) => ({ value, label: KIND_LABEL[value] }));

function newRuleId(kind: CoachKind, rules: readonly PlaybookRule[]): string {
  const taken = new Set(rules.map((rule) => rule.id));
  for (let n = 1; ; n++) {
    const id = `${kind}-custom-${n}`;
    if (!taken.has(id)) return id;
  }
}

function PreviewBadge({ check }: { check: RuleCheck | undefined }) {
  if (!check) return null;
  if (check.shown)
    return (
      <Badge size="xs" color="teal" variant="light">
        Shown in preview
      </Badge>
    );
  if (check.fired)
    return (
      <Badge size="xs" color="yellow" variant="light">
        Fires in preview, not shown
      </Badge>
    );
  return null;
}

/** The playbook's rules by kind: each one on a line (on/off, title, priority, its trigger in words), opened to edit. */
export function RuleList({ rules, onChange, readOnly, issues, open, onOpen, checks }: RuleListProps) {
  const [newKind, setNewKind] = useState<CoachKind>('acknowledge');
  const update = (index: number, rule: PlaybookRule) => onChange(rules.map((old, i) => (i === index ? rule : old)));
  const indexed = rules.map((rule, index) => ({ rule, index }));
  // grouped by kind, in the contract's order; within a kind, in playbook order
  const groups = COACH_KINDS.map((kind) => ({ kind, items: indexed.filter(({ rule }) => rule.kind === kind) })).filter((group) => group.items.length > 0);

  const full = rules.length >= PLAYBOOK_LIMITS.rules;
  const addRule = () => {
    const rule: PlaybookRule = {
      id: newRuleId(newKind, rules),
      kind: newKind,
      title: KIND_LABEL[newKind],
      enabled: true,
      priority: 50,
      when: { maxSentiment: -0.3 },
      wordings: [''],
    };
    onChange([...rules, rule]);
    onOpen([...open, rule.id]);
  };

  return (
    <Stack gap="md">
      {groups.length === 0 && <Text size="sm">The playbook has no rules: the coach will not suggest anything.</Text>}
      <Accordion multiple value={open} onChange={onOpen} variant="separated" order={6} chevronPosition="right">
        {groups.map(({ kind, items }) => (
          <Stack key={kind} gap={6} mb="md">
            <Title order={5} size="h6" c="dimmed" tt="uppercase">
              {KIND_LABEL[kind]}
            </Title>
            {items.map(({ rule, index }) => {
              const path = `playbook.rules.${index}`;
              const problems = issuesUnder(issues, path).length;
              const name = rule.title.trim() || rule.id;
              return (
                <Accordion.Item key={rule.id} value={rule.id} data-testid="playbook-rule" data-rule-id={rule.id}>
                  <Group wrap="nowrap" gap={0} pl="sm">
                    <Switch
                      size="sm"
                      aria-label={`Use the rule “${name}”`}
                      checked={rule.enabled}
                      disabled={readOnly}
                      onChange={(event) => update(index, { ...rule, enabled: event.currentTarget.checked })}
                    />
                    <Accordion.Control>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={600} c={rule.enabled ? undefined : 'dimmed'} lineClamp={1}>
                          {name}
                        </Text>
                        <Badge size="xs" variant="light" color="gray">
                          priority {Number.isFinite(rule.priority) ? rule.priority : '?'}
                        </Badge>
                        {!rule.enabled && (
                          <Badge size="xs" variant="outline" color="gray">
                            off
                          </Badge>
                        )}
                        {problems > 0 && (
                          <Badge size="xs" color="red" variant="light">
                            {problems === 1 ? '1 problem' : `${problems} problems`}
                          </Badge>
                        )}
                        <PreviewBadge check={checks?.get(rule.id)} />
                      </Group>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {triggerSummary(rule.when)}
                      </Text>
                    </Accordion.Control>
                  </Group>
                  <Accordion.Panel>
                    {open.includes(rule.id) && (
                      <RuleEditor
                        rule={rule}
                        path={path}
                        readOnly={readOnly}
                        issues={issues}
                        onChange={(next) => update(index, next)}
                        onDelete={() => {
                          onChange(rules.filter((_, i) => i !== index));
                          onOpen(open.filter((id) => id !== rule.id));
                        }}
                      />
                    )}
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Stack>
        ))}
      </Accordion>
      {!readOnly && (
        <Group align="flex-end" gap="xs">
          <Select size="xs" label="Kind of the new rule" data={KIND_DATA} value={newKind} allowDeselect={false} onChange={(value) => value && setNewKind(value as CoachKind)} w={240} />
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={addRule} disabled={full}>
            Add a rule
          </Button>
          <Text size="xs" c="dimmed" mb={6}>
            {full ? `A playbook has at most ${PLAYBOOK_LIMITS.rules} rules.` : `${rules.length} of at most ${PLAYBOOK_LIMITS.rules} rules`}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
