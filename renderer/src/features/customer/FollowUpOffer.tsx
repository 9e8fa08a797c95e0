import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCalendarTime } from '@tabler/icons-react';
import { useState } from 'react';
import type { FollowUpOffer as Offer } from '../../../../shared/contract/callOutcomes';
import { ApiError } from '../../../../shared/contract/errors';
import { useClient } from '../../api/ClientContext';
import { DueInput } from './DueInput';
import { dueFromInput, dueInputValue, dueProblem, dueText } from './followUpTime';
import { useFollowUpsChanged } from './useConnection';

interface Props {
  offer: Offer;
  /** Called once the follow-up is added or declined. */
  onDone: (added: boolean) => void;
}

/**
 * A follow-up the console offers after something the agent did (a call ended as "to be called
 * back"): what to do and when, both for the agent to confirm or change before it is added. A time
 * already past cannot be chosen, and the form says why.
 */
export function FollowUpOffer({ offer, onDone }: Props) {
  const client = useClient();
  const changed = useFollowUpsChanged(offer.customerId);
  const [description, setDescription] = useState(offer.description);
  const [due, setDue] = useState(() => dueInputValue(offer.dueAt));
  const [shown, setShown] = useState<{ description?: string; dueAt?: string; form?: string }>({});
  const dueAt = dueFromInput(due);
  const dueIssue = dueProblem(dueAt);
  const create = useMutation({
    mutationFn: () =>
      client.call('followUps.create', { customerId: offer.customerId, conversationId: offer.conversationId, messageId: offer.messageId, description: description.trim(), dueAt }),
    onSuccess: () => {
      changed();
      onDone(true);
    },
    onError: (error) => {
      const issue = error instanceof ApiError ? error.issues?.[0] : undefined;
      if (issue?.path.startsWith('dueAt')) setShown({ dueAt: issue.message });
      else if (issue?.path.startsWith('description')) setShown({ description: issue.message });
      else setShown({ form: error.message });
    },
  });
  const add = () => {
    const next = { description: description.trim() ? undefined : 'Say what to do', dueAt: dueIssue ?? undefined };
    setShown(next);
    if (!next.description && !next.dueAt) create.mutate();
  };

  return (
    <Paper withBorder p={8} radius="sm" bg="yellow.0" component="section" aria-label="Follow-up offer">
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap">
          <IconCalendarTime size={16} aria-hidden />
          <Text size="sm" fw={600}>
            Add the follow-up this call promised?
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {offer.timeSaid
            ? `The time is from your wrap-up: “${offer.excerpt}”.`
            : 'Your wrap-up names no time, so this is a default: change it to what you agreed with the customer.'}
        </Text>
        <Group gap="xs" align="flex-start" grow>
          <TextInput size="xs" label="What to do" value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={shown.description} maxLength={500} />
          <DueInput
            value={due}
            onChange={(value) => {
              setDue(value);
              setShown({});
            }}
            error={shown.dueAt ?? dueIssue}
            description={!dueIssue ? dueText(dueAt).text : undefined}
          />
        </Group>
        {shown.form && (
          <Text size="xs" c="red" role="alert">
            {shown.form}
          </Text>
        )}
        <Group gap={6}>
          <Button size="compact-sm" onClick={add} loading={create.isPending} disabled={dueIssue !== null}>
            Add follow-up
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onDone(false)}>
            No follow-up
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
