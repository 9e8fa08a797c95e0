import { Alert, Badge, Center, Divider, Group, Loader, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAt, IconMessageCircle, IconPhone, IconUser, type Icon } from '@tabler/icons-react';
import type { IdentityKind } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { fullTime, listTime } from '../../lib/time';
import { EMOTION_LOOK, formatSentiment } from '../analysis/emotionLook';
import { CHANNEL_LOOK, STATUS_LOOK } from '../inbox/channelLook';
import classes from '../inbox/ConversationRow.module.css';
import { AddFollowUp } from './AddFollowUp';
import { ConnectionSection } from './ConnectionSection';
import { FollowUpList } from './FollowUpList';

const IDENTITY_ICON: Record<IdentityKind, Icon> = { email: IconAt, chat: IconMessageCircle, phone: IconPhone, social: IconUser };


interface Props {
  customerId: number;
  currentConversationId: number;
  onOpen: (conversationId: number) => void;
}

/** Who the customer is across channels, how connected they are to us and why, what we promised, and their whole history as one timeline. */
export function CustomerPanel({ customerId, currentConversationId, onOpen }: Props) {
  const client = useClient();
  const profile = useQuery({ queryKey: queryKeys.customerProfile(customerId), queryFn: () => client.call('customers.profile', { id: customerId }) });
  if (profile.isPending) {
    return (
      <Center p="md">
        <Loader size="xs" aria-label="Loading the customer" />
      </Center>
    );
  }
  if (profile.isError) {
    return (
      <Alert color="red" m="sm" role="alert">
        {profile.error.message}
      </Alert>
    );
  }
  const { customer, timeline, followUps, contacts } = profile.data;
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="sm" p="md">
        <div>
          <Title order={2} size="h5" dir="auto" pr={28}>
            {customer.displayName}
          </Title>
          <Text size="xs" c="dimmed">
            Customer since {contacts.first ? fullTime(contacts.first).split(',')[0] : '—'} · {contacts.total} conversation{contacts.total === 1 ? '' : 's'}
          </Text>
        </div>
        <Stack gap={4} aria-label="Identities" role="list">
          {customer.identities.map((identity) => {
            const IconFor = IDENTITY_ICON[identity.kind];
            return (
              <Group key={`${identity.kind}:${identity.value}`} gap={6} wrap="nowrap" role="listitem">
                <IconFor size={14} aria-label={identity.kind} />
                <Text size="xs" truncate>
                  {identity.value}
                </Text>
              </Group>
            );
          })}
        </Stack>
        <Group gap={6}>
          {(['chat', 'email', 'voice'] as const).map((channel) => (
            <Badge key={channel} size="sm" variant="light" color={CHANNEL_LOOK[channel].color}>
              {contacts.byChannel[channel]} {CHANNEL_LOOK[channel].label.toLowerCase()}
            </Badge>
          ))}
        </Group>

        <Divider label="Emotional connection" labelPosition="left" />
        <ConnectionSection key={`connection-${customerId}`} customerId={customerId} onOpen={onOpen} />

        <Divider label="Follow-ups" labelPosition="left" />
        <FollowUpList customerId={customerId} followUps={followUps} />
        <AddFollowUp key={`add-${customerId}`} customerId={customerId} conversationId={currentConversationId} />

        <Divider label="History across channels" labelPosition="left" />
        <div role="list" aria-label="Customer history">
          {timeline.map((conversation) => {
            const channel = CHANNEL_LOOK[conversation.channel];
            const ChannelIcon = channel.icon;
            const current = conversation.id === currentConversationId;
            return (
              <UnstyledButton
                key={conversation.id}
                role="listitem"
                className={classes.row}
                data-selected={current || undefined}
                aria-current={current ? 'true' : undefined}
                onClick={() => onOpen(conversation.id)}
                data-testid="history-item"
                style={{ padding: '6px 8px' }}
              >
                <ChannelIcon size={15} color={`var(--mantine-color-${channel.color}-6)`} aria-label={channel.label} className={classes.icon} />
                <div className={classes.body}>
                  <Group justify="space-between" wrap="nowrap" gap={4}>
                    <Text size="xs" fw={600} truncate dir="auto">
                      {conversation.subject ?? channel.label}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {listTime(conversation.createdAt)}
                    </Text>
                  </Group>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" style={{ color: `var(--mantine-color-${STATUS_LOOK[conversation.status].color}-light-color)` }}>
                      {STATUS_LOOK[conversation.status].label}
                    </Text>
                    {conversation.mood && (
                      <Text size="xs" c="dimmed">
                        · {conversation.mood.emotion ? EMOTION_LOOK[conversation.mood.emotion].label.toLowerCase() : 'sentiment'} {formatSentiment(conversation.mood.sentiment)}
                      </Text>
                    )}
                  </Group>
                </div>
              </UnstyledButton>
            );
          })}
        </div>
      </Stack>
    </ScrollArea>
  );
}
