import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import type { PromiseFound } from '../../../../shared/contract/domain';
import { fullTime } from '../../lib/time';

interface Props<P extends PromiseFound> {
  promises: P[];
  onAdd: (found: P) => void;
  onSkip: (found: P) => void;
}

/** Promises found in the reply just sent, offered as follow-ups with the due time they imply. */
export function PromiseOffers<P extends PromiseFound>({ promises, onAdd, onSkip }: Props<P>) {
  if (promises.length === 0) return null;
  return (
    <Paper withBorder p={8} radius="sm" bg="yellow.0" aria-label="Promises in your reply" component="section">
      <Stack gap={6}>
        {promises.map((found) => (
          <Group key={`${found.description}-${found.dueAt}`} justify="space-between" wrap="nowrap" gap="xs" data-testid="promise-offer">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconCalendarTime size={16} aria-hidden />
              <Text size="sm" truncate>
                You promised: “{found.excerpt}” — follow up by <b>{fullTime(found.dueAt)}</b>?
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" onClick={() => onAdd(found)}>
                Add follow-up
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onSkip(found)}>
                Not a promise
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
