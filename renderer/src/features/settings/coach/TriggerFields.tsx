import { ActionIcon, Button, Group, Menu, MultiSelect, Paper, Select, Stack, TagsInput, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EKMAN_EMOTIONS, type EkmanEmotion } from '../../../../../shared/contract/analysis';
import { PLAYBOOK_LIMITS, type CoachTrigger } from '../../../../../shared/contract/coach';
import { CHANNELS, type Channel } from '../../../../../shared/contract/domain';
import { NumberField } from './NumberField';
import { errorAt, type PlaybookIssue } from './playbookIssues';
import { CHANNEL_LABEL, CONDITION_LABEL, CONDITIONS, conditionsOf, type ConditionKey, EMOTION_LABEL, minutesWords, withCondition, withoutCondition } from './playbookWords';

interface TriggerFieldsProps {
  trigger: CoachTrigger;
  onChange: (trigger: CoachTrigger) => void;
  readOnly: boolean;
  issues: readonly PlaybookIssue[];
  /** The trigger's path in the playbook, e.g. "playbook.rules.3.when". */
  path: string;
  /** The rule's title, so every control says which rule it belongs to. */
  ruleTitle: string;
}

const CHANNEL_DATA = CHANNELS.map((value) => ({ value, label: CHANNEL_LABEL[value] }));
const EMOTION_DATA = EKMAN_EMOTIONS.map((value) => ({ value, label: EMOTION_LABEL[value] }));

/** A rule's trigger: every condition it tests (all must hold), each editable and removable, and more to add. */
export function TriggerFields({ trigger, onChange, readOnly, issues, path, ruleTitle }: TriggerFieldsProps) {
  const present = conditionsOf(trigger);
  const absent = CONDITIONS.filter((key) => !present.includes(key));
  const set = (change: Partial<CoachTrigger>) => onChange({ ...trigger, ...change });
  const error = (field: string) => errorAt(issues, `${path}.${field}`);

  const fields = (key: ConditionKey): ReactNode => {
    switch (key) {
      case 'emotion':
        return (
          <Group align="flex-start" gap="xs" grow>
            <MultiSelect
              size="xs"
              label="Feelings"
              description="Empty: any feeling but neutral"
              data={EMOTION_DATA}
              value={trigger.emotions ?? []}
              disabled={readOnly}
              error={error('emotions')}
              onChange={(values) => {
                const emotions = values.length ? (values as EkmanEmotion[]) : undefined;
                // an emotion condition with nothing set would vanish: keep it as "any feeling, as the main one"
                const keep = !emotions && trigger.minEmotionScore === undefined && trigger.inLastMessages === undefined;
                set({ emotions, ...(keep ? { minEmotionScore: 0 } : {}) });
              }}
            />
            <NumberField
              size="xs"
              label="Score at least"
              description="0 to 1"
              min={0}
              max={1}
              step={0.05}
              decimalScale={2}
              optional
              value={trigger.minEmotionScore}
              disabled={readOnly}
              error={error('minEmotionScore')}
              onValue={(minEmotionScore) => set({ minEmotionScore })}
            />
            <NumberField
              size="xs"
              label="In the last … messages"
              description="1 to 10 (empty: 1)"
              min={1}
              max={10}
              allowDecimal={false}
              optional
              value={trigger.inLastMessages}
              disabled={readOnly}
              error={error('inLastMessages')}
              onValue={(inLastMessages) => set({ inLastMessages })}
            />
          </Group>
        );
      case 'maxSentiment':
      case 'minSentiment':
        return (
          <NumberField
            size="xs"
            label={key === 'maxSentiment' ? 'Last message’s sentiment at most' : 'Last message’s sentiment at least'}
            description="−1 (very negative) to +1 (very positive)"
            min={-1}
            max={1}
            step={0.05}
            decimalScale={2}
            maw={260}
            value={trigger[key]}
            disabled={readOnly}
            error={error(key)}
            onValue={(value) => set(key === 'maxSentiment' ? { maxSentiment: value } : { minSentiment: value })}
          />
        );
      case 'minSentimentDrop':
        return (
          <NumberField
            size="xs"
            label="Sentiment fell by at least"
            description="From their earlier messages in this conversation (0 to 2)"
            min={0}
            max={2}
            step={0.05}
            decimalScale={2}
            maw={260}
            value={trigger.minSentimentDrop}
            disabled={readOnly}
            error={error('minSentimentDrop')}
            onValue={(minSentimentDrop) => set({ minSentimentDrop })}
          />
        );
      case 'repeatContact': {
        const repeat = trigger.repeatContact ?? { count: 2, days: 7 };
        return (
          <Group align="flex-start" gap="xs" grow maw={420}>
            <NumberField
              size="xs"
              label="Contacts (this one included)"
              min={2}
              max={50}
              allowDecimal={false}
              value={repeat.count}
              disabled={readOnly}
              error={error('repeatContact.count')}
              onValue={(count) => set({ repeatContact: { ...repeat, count: count ?? Number.NaN } })}
            />
            <NumberField
              size="xs"
              label="Within days"
              min={1}
              max={365}
              allowDecimal={false}
              value={repeat.days}
              disabled={readOnly}
              error={error('repeatContact.days')}
              onValue={(days) => set({ repeatContact: { ...repeat, days: days ?? Number.NaN } })}
            />
          </Group>
        );
      }
      case 'minWaitMinutes':
        return (
          <NumberField
            size="xs"
            label="Waited at least (minutes)"
            description={trigger.minWaitMinutes !== undefined && Number.isFinite(trigger.minWaitMinutes) ? `= ${minutesWords(trigger.minWaitMinutes)}` : 'How long they have waited for an answer'}
            min={0}
            max={60 * 24 * 30}
            allowDecimal={false}
            maw={260}
            value={trigger.minWaitMinutes}
            disabled={readOnly}
            error={error('minWaitMinutes')}
            onValue={(minWaitMinutes) => set({ minWaitMinutes })}
          />
        );
      case 'maxWaitMinutes':
        return (
          <NumberField
            size="xs"
            label="Waited at most (minutes)"
            description={trigger.maxWaitMinutes !== undefined && Number.isFinite(trigger.maxWaitMinutes) ? `= ${minutesWords(trigger.maxWaitMinutes)}` : 'A customer not waiting for an answer always meets it'}
            min={0}
            max={60 * 24 * 30}
            allowDecimal={false}
            maw={260}
            value={trigger.maxWaitMinutes}
            disabled={readOnly}
            error={error('maxWaitMinutes')}
            onValue={(maxWaitMinutes) => set({ maxWaitMinutes })}
          />
        );
      case 'channels':
        return (
          <MultiSelect
            size="xs"
            label="Only on these channels"
            data={CHANNEL_DATA}
            value={trigger.channels ?? []}
            maw={420}
            disabled={readOnly}
            error={error('channels')}
            onChange={(values) => set({ channels: values as Channel[] })}
          />
        );
      case 'returningCustomer':
        return (
          <Select
            size="xs"
            label="The customer"
            data={[
              { value: 'yes', label: 'has been in touch before' },
              { value: 'no', label: 'is in touch for the first time' },
            ]}
            value={trigger.returningCustomer === false ? 'no' : 'yes'}
            allowDeselect={false}
            maw={320}
            disabled={readOnly}
            error={error('returningCustomer')}
            onChange={(value) => set({ returningCustomer: value !== 'no' })}
          />
        );
      case 'openFollowUp':
        return (
          <Select
            size="xs"
            label="We owe them"
            data={[
              { value: 'open', label: 'an open follow-up' },
              { value: 'overdue', label: 'an overdue follow-up' },
            ]}
            value={trigger.openFollowUp === 'overdue' ? 'overdue' : 'open'}
            allowDeselect={false}
            maw={320}
            disabled={readOnly}
            error={error('openFollowUp')}
            onChange={(value) => set({ openFollowUp: value === 'overdue' ? 'overdue' : true })}
          />
        );
      case 'mentions':
        return (
          <TagsInput
            size="xs"
            label="Their message mentions any of"
            description={`Whole words or phrases, any case; press Enter after each (${(trigger.mentions ?? []).length} of at most ${PLAYBOOK_LIMITS.mentionsPerRule}, each up to ${PLAYBOOK_LIMITS.mentionLength} characters)`}
            value={trigger.mentions ?? []}
            disabled={readOnly}
            error={error('mentions')}
            onChange={(mentions) => set({ mentions })}
          />
        );
    }
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        When (every condition must hold)
      </Text>
      {present.length === 0 && (
        <Text size="sm" c="dimmed">
          No conditions: this rule fires on every conversation once the customer has written.
        </Text>
      )}
      {present.map((key) => (
        <Paper key={key} withBorder p="xs" radius="sm" role="group" aria-label={`${CONDITION_LABEL[key]} (${ruleTitle})`}>
          <Group justify="space-between" align="center" mb={4} wrap="nowrap">
            <Text size="xs" fw={600} tt="uppercase" c="dimmed">
              {CONDITION_LABEL[key]}
            </Text>
            {!readOnly && (
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Remove the condition “${CONDITION_LABEL[key]}”`} onClick={() => onChange(withoutCondition(trigger, key))}>
                <IconX size={14} aria-hidden />
              </ActionIcon>
            )}
          </Group>
          {fields(key)}
        </Paper>
      ))}
      {!readOnly && absent.length > 0 && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} w="fit-content">
              Add a condition
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {absent.map((key) => (
              <Menu.Item key={key} onClick={() => onChange(withCondition(trigger, key))}>
                {CONDITION_LABEL[key]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Stack>
  );
}
