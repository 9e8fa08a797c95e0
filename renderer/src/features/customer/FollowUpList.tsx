import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import type { FollowUp } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';
import { fullTime, listTime } from '../../lib/time';
import { dueText } from './followUpTime';
import { useFollowUpsChanged } from './useConnection';

interface Props {
  customerId: number;
  followUps: FollowUp[];
  /** For tests: the moment "overdue" is measured from. */
  now?: number;
}

/** What we promised the customer: open promises first, soonest due first, overdue ones in red; then the closed ones. */
export function FollowUpList({ customerId, followUps, now = Date.now() }: Props) {
  const client = useClient();
  const changed = useFollowUpsChanged(customerId);
  const close = useMutation({
    mutationFn: ({ id, status }: { id: number; status: 'done' | 'cancelled' }) => client.call('followUps.close', { id, status }),
    onSuccess: changed,
  });
  const open = followUps.filter((followUp) => followUp.status === 'open').sort((a, b) => a.dueAt - b.dueAt);
  // each open promise can be marked done from the palette
  const { mutate: closeFollowUp } = close;
  const openKey = open.map((followUp) => `${followUp.id}\u0000${followUp.description}`).join('\u0001');
  const doneActions = useMemo<PaletteAction[]>(
    () =>
      openKey
        ? openKey.split('\u0001').map((entry) => {
            const [id, description] = entry.split('\u0000') as [string, string];
            return { id: `follow-up-done-${id}`, group: 'Follow-ups', label: `Mark follow-up done: ${description}`, run: () => closeFollowUp({ id: Number(id), status: 'done' }) };
          })
        : [],
    [openKey, closeFollowUp],
  );
  usePaletteActions(doneActions);
  const closed = followUps.filter((followUp) => followUp.status !== 'open').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return (
    <Stack gap={6}>
      {close.isError && (
        <Alert color="red" role="alert" p="xs">
          <Text size="xs">{close.error.message}</Text>
        </Alert>
      )}
      {open.length === 0 ? (
        <Text size="xs" c="dimmed">
          No open follow-ups.
        </Text>
      ) : (
        <ul aria-label="Open follow-ups" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {open.map((followUp) => {
            const due = dueText(followUp.dueAt, now);
            const busy = close.isPending && close.variables?.id === followUp.id;
            return (
              <li key={followUp.id} data-testid="follow-up" data-overdue={due.overdue || undefined}>
                <Text size="xs">{followUp.description}</Text>
                <Group justify="space-between" wrap="nowrap" gap={4}>
                  <Text size="xs" c={due.overdue ? 'red.9' : 'dimmed'} fw={due.overdue ? 700 : 400} title={fullTime(followUp.dueAt)} data-testid="follow-up-due">
                    {due.text}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      aria-label={`Done: ${followUp.description}`}
                      disabled={busy}
                      onClick={() => close.mutate({ id: followUp.id, status: 'done' })}
                    >
                      Done
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      aria-label={`Cancel: ${followUp.description}`}
                      disabled={busy}
                      onClick={() => close.mutate({ id: followUp.id, status: 'cancelled' })}
                    >
                      Cancel
                    </Button>
                  </Group>
                </Group>
              </li>
            );
          })}
        </ul>
      )}
      {closed.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dark-4)' }}>Closed follow-ups ({closed.length})</summary>
          <ul aria-label="Closed follow-ups" style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }}>
            {closed.map((followUp) => (
              <li key={followUp.id}>
                <Text size="xs" c="dimmed">
                  {followUp.status === 'done' ? 'Done' : 'Cancelled'} {followUp.closedAt ? listTime(followUp.closedAt, now) : ''} · {followUp.description}
                </Text>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Stack>
  );
}
