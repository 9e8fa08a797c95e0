import { Alert, Loader, Stack, Text } from '@mantine/core';
import { fullTime } from '../../lib/time';
import { ConnectionExplainer } from './ConnectionExplainer';
import { ConnectionSummary } from './ConnectionSummary';
import { ConnectionTrend } from './ConnectionTrend';
import { ContributionList } from './ContributionList';
import { useConnection } from './useConnection';

interface Props {
  customerId: number;
  /** Opens the conversation a contribution came from, where the view has a way to. */
  onOpen?: (conversationId: number) => void;
}

/** A customer's emotional-connection index with its trend and everything that moved it. */
export function ConnectionSection({ customerId, onOpen }: Props) {
  const connection = useConnection(customerId);
  if (connection.isPending) return <Loader size="xs" aria-label="Working out the connection index" />;
  if (connection.isError) {
    return (
      <Alert color="red" role="alert" p="xs">
        <Text size="xs">The connection index could not be worked out: {connection.error.message}</Text>
      </Alert>
    );
  }
  const index = connection.data;
  return (
    <Stack gap="xs" aria-label="Emotional connection" role="group">
      <ConnectionSummary index={index} />
      <ConnectionTrend trend={index.trend} />
      <ContributionList contributions={index.contributions} onOpen={onOpen} />
      <Text size="xs" c="dimmed">
        Worked out {fullTime(index.computedAt)}
      </Text>
      <ConnectionExplainer />
    </Stack>
  );
}
