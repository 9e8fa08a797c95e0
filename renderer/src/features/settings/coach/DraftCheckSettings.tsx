import { Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { DRAFT_CHECKS, type DraftCheckKind, type DraftCheckSettings as Settings } from '../../../../../shared/contract/coach';
import { NumberField } from './NumberField';
import { errorAt, type PlaybookIssue } from './playbookIssues';
import { DRAFT_CHECK_LOOK } from './playbookWords';

interface DraftCheckSettingsProps {
  settings: Settings;
  onChange: (settings: Settings) => void;
  readOnly: boolean;
  issues: readonly PlaybookIssue[];
}

const PATH = 'playbook.draftCheck';

/** How the coach checks an agent's draft before it is sent: when a customer counts as upset, what is curt, which checks run. */
export function DraftCheckSettings({ settings, onChange, readOnly, issues }: DraftCheckSettingsProps) {
  const set = (change: Partial<Settings>) => onChange({ ...settings, ...change });
  return (
    <Stack gap="sm" component="section" aria-labelledby="draft-check-title">
      <Title order={4} size="h5" id="draft-check-title">
        Draft check
      </Title>
      <Text size="sm" c="dimmed">
        Before a reply is sent, the coach reads it against how the customer feels and points out what may land badly, with a better sentence to use.
      </Text>
      <Group align="flex-start" gap="sm">
        <NumberField
          size="xs"
          label="A customer is upset at sentiment at or below"
          description="−1 to +1; their last message"
          min={-1}
          max={1}
          step={0.05}
          decimalScale={2}
          w={300}
          value={settings.upsetBelow}
          disabled={readOnly}
          error={errorAt(issues, `${PATH}.upsetBelow`)}
          onValue={(upsetBelow) => set({ upsetBelow: upsetBelow ?? Number.NaN })}
        />
        <NumberField
          size="xs"
          label="A reply to an upset customer is curt under"
          description="Words (1 to 200)"
          min={1}
          max={200}
          allowDecimal={false}
          w={300}
          value={settings.curtUnderWords}
          disabled={readOnly}
          error={errorAt(issues, `${PATH}.curtUnderWords`)}
          onValue={(curtUnderWords) => set({ curtUnderWords: curtUnderWords ?? Number.NaN })}
        />
      </Group>
      <Checkbox.Group
        label="Checks that run"
        value={settings.enabled}
        error={errorAt(issues, `${PATH}.enabled`)}
        onChange={(values) => set({ enabled: DRAFT_CHECKS.filter((check) => values.includes(check)) as DraftCheckKind[] })}
      >
        <Stack gap={8} mt={6}>
          {DRAFT_CHECKS.map((check) => (
            <Checkbox key={check} value={check} label={DRAFT_CHECK_LOOK[check].label} description={DRAFT_CHECK_LOOK[check].description} disabled={readOnly} />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}
