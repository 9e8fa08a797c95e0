import { Alert, Button, Group, NumberInput, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CHANNELS, type Channel } from '../../../../shared/contract/domain';
import { TARGET_MINUTES_MAX, type ResponseTargets } from '../../../../shared/contract/triage';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { CHANNEL_LOOK } from '../inbox/channelLook';
import { span } from './clockText';
import { responseTargetsKey } from './useTriage';

type Kind = 'firstMinutes' | 'nextMinutes';

/** Response-time targets per channel: everyone sees them; supervisors change them. */
export function ResponseTargetSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: responseTargetsKey, queryFn: () => client.call('responseTargets.get', {}) });
  const [draft, setDraft] = useState<ResponseTargets | null>(null);
  const save = useMutation({
    mutationFn: (targets: ResponseTargets | null) => client.call('responseTargets.save', { targets }),
    onSuccess: (result) => {
      queryClient.setQueryData(responseTargetsKey, result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
      setDraft(null);
    },
  });
  if (!saved.data) return null;
  const { canEdit, isDefault } = saved.data;
  const targets = draft ?? saved.data.targets;
  const set = (channel: Channel, kind: Kind, value: number | string) => {
    const minutes = typeof value === 'number' && Number.isFinite(value) ? value : null;
    setDraft({ ...targets, [channel]: { ...targets[channel], [kind]: minutes } });
  };
  const cell = (channel: Channel, kind: Kind) => {
    const minutes = targets[channel][kind];
    return (
      <Table.Td>
        <NumberInput
          size="xs"
          w={130}
          aria-label={`${CHANNEL_LOOK[channel].label}: ${kind === 'firstMinutes' ? 'first' : 'next'} response (minutes)`}
          value={minutes ?? ''}
          min={1}
          max={TARGET_MINUTES_MAX}
          allowDecimal={false}
          allowNegative={false}
          suffix=" min"
          placeholder="no target"
          disabled={!canEdit}
          onChange={(value) => set(channel, kind, value)}
        />
        <Text size="xs" c="dimmed" mt={2}>
          {minutes === null ? 'No target' : span(minutes * 60_000)}
        </Text>
      </Table.Td>
    );
  };
  return (
    <Paper withBorder p="md" aria-labelledby="response-targets-title">
      <Title order={3} size="h4" mb={4} id="response-targets-title">
        Response-time targets
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        How soon a customer should hear from us: the first response counts from their first message, the next from their oldest unanswered one after a reply. Internal notes are not replies; snoozed and resolved conversations have no clock.
        {canEdit ? '' : ' Only a supervisor or an admin can change them.'}
      </Text>
      <Table withTableBorder={false} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Channel</Table.Th>
            <Table.Th>First response</Table.Th>
            <Table.Th>Next response</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CHANNELS.map((channel) => (
            <Table.Tr key={channel}>
              <Table.Td>{CHANNEL_LOOK[channel].label}</Table.Td>
              {cell(channel, 'firstMinutes')}
              {cell(channel, 'nextMinutes')}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {save.error && (
        <Alert color="red" role="alert" mt="sm" p="xs">
          {save.error.message}
        </Alert>
      )}
      {canEdit && (
        <Group mt="sm" gap="xs">
          <Button size="xs" disabled={draft === null} loading={save.isPending} onClick={() => save.mutate(targets)}>
            Save targets
          </Button>
          <Button size="xs" variant="default" disabled={draft === null} onClick={() => setDraft(null)}>
            Discard changes
          </Button>
          <Button size="xs" variant="subtle" color="gray" disabled={isDefault && draft === null} onClick={() => save.mutate(null)}>
            Restore the defaults
          </Button>
        </Group>
      )}
    </Paper>
  );
}
