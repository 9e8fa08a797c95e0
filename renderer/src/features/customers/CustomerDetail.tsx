import { Alert, CloseButton, Divider, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { ago } from '../../lib/time';
import { AddFollowUp } from '../customer/AddFollowUp';
import { ConnectionSection } from '../customer/ConnectionSection';
import { FollowUpList } from '../customer/FollowUpList';

interface Props {
  customerId: number;
  onClose: () => void;
}

/** The side pane of the Customers page: one customer's index, what moved it, and their follow-ups. */
export function CustomerDetail({ customerId, onClose }: Props) {
  const client = useClient();
  const profile = useQuery({ queryKey: queryKeys.customerProfile(customerId), queryFn: () => client.call('customers.profile', { id: customerId }) });
  if (profile.isPending) {
    return (
      <Group p="md">
        <Loader size="xs" aria-label="Loading the customer" />
      </Group>
    );
  }
  if (profile.isError) {
    return (
      <Alert color="red" m="sm" role="alert">
        {profile.error.message}
      </Alert>
    );
  }
  const { customer, followUps, contacts } = profile.data;
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="sm" p="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5" dir="auto">
              {customer.displayName}
            </Title>
            <Text size="xs" c="dimmed">
              {contacts.total} conversation{contacts.total === 1 ? '' : 's'}
              {contacts.last ? ` · last contact ${ago(contacts.last)}` : ''}
            </Text>
          </div>
          <CloseButton aria-label="Close the customer" onClick={onClose} />
        </Group>
        <Divider label="Emotional connection" labelPosition="left" />
        {/* conversations open in a window of their own: this page has no conversation pane */}
        <ConnectionSection key={`connection-${customerId}`} customerId={customerId} onOpen={(conversationId) => client.openConversationWindow(conversationId)} />
        <Divider label="Follow-ups" labelPosition="left" />
        <FollowUpList customerId={customerId} followUps={followUps} />
        <AddFollowUp key={`add-${customerId}`} customerId={customerId} />
      </Stack>
    </ScrollArea>
  );
}
