import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DraftFinding } from '../../../../shared/contract/coach';
import classes from './DraftCheckPanel.module.css';

interface Props {
  findings: DraftFinding[];
  onUse: (finding: DraftFinding) => void;
  onSendAnyway: () => void;
  onKeepEditing: () => void;
  sending: boolean;
}

/** What the coach noticed in a reply before it went: each with a better sentence; sending anyway is always possible. */
export function DraftCheckPanel({ findings, onUse, onSendAnyway, onKeepEditing, sending }: Props) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={16} />}
      title={
        // the decision first, so it stays in view however many findings follow
        <Group justify="space-between" wrap="wrap" gap="xs" w="100%">
          <span>Before this goes…</span>
          <Group gap="xs" wrap="nowrap">
            <Button size="compact-sm" variant="default" onClick={onKeepEditing}>
              Keep editing
            </Button>
            <Button size="compact-sm" color="red.9" onClick={onSendAnyway} loading={sending}>
              Send anyway
            </Button>
          </Group>
        </Group>
      }
      classNames={{ title: classes.title, label: classes.label }}
      aria-label="Before this goes…"
      role="alertdialog"
    >
      <Stack gap={6}>
        <div className={classes.findings} data-testid="draft-findings" tabIndex={0} role="group" aria-label={`${findings.length} thing${findings.length === 1 ? '' : 's'} to look at`}>
        <List size="sm" spacing={6}>
          {findings.map((finding, index) => (
            <List.Item key={`${finding.check}-${index}`} data-testid="draft-finding" data-check={finding.check}>
              <Text size="sm">{finding.message}</Text>
              {finding.excerpt && (
                <Text size="xs" c="dimmed" dir="auto">
                  In your draft: “{finding.excerpt}”
                </Text>
              )}
              {finding.better && (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text size="xs" style={{ flex: 1 }}>
                    Try: “{finding.better}”
                  </Text>
                  <Button size="compact-xs" variant="light" onClick={() => onUse(finding)}>
                    {finding.replaces ? 'Use instead' : 'Add it'}
                  </Button>
                </Group>
              )}
            </List.Item>
          ))}
        </List>
        </div>
      </Stack>
    </Alert>
  );
}

/** The draft with a finding's better sentence put in: instead of the words it is about, or at the start. */
export function applyFinding(draft: string, finding: DraftFinding): string {
  if (!finding.better) return draft;
  if (finding.replaces && finding.excerpt && draft.includes(finding.excerpt)) return draft.replace(finding.excerpt, finding.better);
  // after a greeting line ("Hi Sam,") if there is one, else at the very start
  const greeting = /^(\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^\n]*\n+)/i.exec(draft);
  if (greeting) return `${greeting[1]}${finding.better} ${draft.slice(greeting[1]!.length)}`;
  return `${finding.better} ${draft}`.trim();
}
