import { Alert, Badge, Center, Group, Loader, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { useMay } from '../../app/useMay';
import { CHANNEL_LOOK } from '../inbox/channelLook';
import { CallPanel } from './CallPanel';
import { Composer } from './Composer';
import { StatusMenu } from './StatusMenu';
import { useConversationActions } from './useConversationActions';
import { useMayTake } from './useMayTake';
import { AssigneeControl } from './AssigneeControl';
import { TakenNotice, takenDetail } from './TakenNotice';
import { useCommand, usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import { CommandScope } from '../commands/CommandScope';
import { PRIORITIES } from '../../../../shared/contract/domain';
import { MessageThread } from './MessageThread';
import { useOlderMessages } from './useOlderMessages';
import classes from './ConversationView.module.css';
import { PaneBoundary } from '../../lib/PaneBoundary';
import { AfterFirstPaint } from '../../lib/AfterFirstPaint';
import { TagEditor } from '../triage/TagEditor';
import { ResponseTarget } from '../triage/ResponseTarget';
import { EmotionTrack } from '../analysis/EmotionTrack';
import { conversationQuery } from './conversationQuery';
import { ConversationActivity } from '../live/ActivityMarks';
import { useReportViewing } from '../live/useLive';

interface Props {
  conversationId: number;
  /** Scroll to and highlight this message (e.g. a search hit). */
  focusMessageId: number | null;
  /** Whether the keyboard's conversation commands act on this view (the focused one of two). */
  commandsEnabled?: boolean;
  /** Extra buttons for the header (keep beside, close, pop out). */
  headerActions?: ReactNode;
  /** Opened at a message far back: go to the newest messages instead. */
  onShowNewest?: () => void;
}

/** The full thread of one conversation, laid out for its channel. */
export function ConversationView({ conversationId, focusMessageId, commandsEnabled = true, headerActions, onShowNewest }: Props) {
  const client = useClient();
  const detail = useQuery(conversationQuery(client, conversationId, focusMessageId));
  // the chart of the customer's feeling comes second: the thread is on screen first
  const track = useQuery({
    queryKey: queryKeys.track(conversationId),
    queryFn: () => client.call('conversations.track', { id: conversationId }),
    enabled: detail.isSuccess,
  });
  const queryClient = useQueryClient();
  // the executive reads; the people who answer customers write (shared/contract/permissions.ts)
  const mayAnswer = useMay('conversations.send');
  // messages arriving, readings and the coach's prompts reach this view through the app's liveUpdates
  const thread = useOlderMessages(conversationId, detail.data?.messages, detail.data?.olderCount ?? 0);
  const { setStatus, setPriority, take, assign } = useConversationActions(conversationId);
  // a take or an assignment refused because a colleague has it: who, and since when
  const taken = takenDetail(take.error) ?? takenDetail(assign.error);
  const { mutate: changePriority } = setPriority;
  const { mutate: changeStatus } = setStatus;
  const priorityActions = useMemo<PaletteAction[]>(
    () => [
      ...PRIORITIES.map((priority) => ({ id: `priority-${priority}`, group: 'Conversation', label: `Set priority: ${priority}`, run: () => changePriority(priority) })),
      { id: 'status-open', group: 'Conversation', label: 'Reopen the conversation (status: open)', run: () => changeStatus('open') },
    ],
    [changePriority, changeStatus],
  );
  usePaletteActions(priorityActions, detail.isSuccess && commandsEnabled);
  // opening a conversation with something new in it marks it read for the current user
  const unread = detail.data?.conversation.unread === true;
  useEffect(() => {
    if (!unread) return;
    void client.call('conversations.markRead', { id: conversationId }).then(() => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    });
  }, [unread, conversationId, client, queryClient]);
  // stable between renders, so the composer's macro actions are not re-registered each time
  const bodies = useMemo(() => thread.messages.map((message) => message.body), [thread.messages]);
  // the newest message shown (by when it was stored): what a reply's author has seen, for the collision hold
  const newestMessageId = useMemo(() => (thread.messages.length > 0 ? Math.max(...thread.messages.map((message) => message.id)) : null), [thread.messages]);
  const [reveal, setReveal] = useState<{ messageId: number; nonce: number } | null>(null);
  const showMessage = useCallback(
    (messageId: number) => {
      setReveal((current) => ({ messageId, nonce: (current?.nonce ?? 0) + 1 }));
      // it may not have reached this console yet
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
    },
    [queryClient, conversationId],
  );
  const loadedOk = detail.isSuccess && commandsEnabled;
  useCommand('conversation.resolve', () => setStatus.mutate('resolved'), loadedOk);
  useCommand('conversation.pending', () => setStatus.mutate('pending'), loadedOk);
  // a conversation of a team is taken only by someone on it: not offered to anyone else (the header says why)
  const { notOn } = useMayTake(detail.data?.conversation.team ?? null);
  useCommand('conversation.assignToMe', () => take.mutate(), loadedOk && mayAnswer && notOn === null);
  // the others see who is here ("Hannah is viewing"): the focused view of two beside each other
  useReportViewing(conversationId, commandsEnabled);


  if (detail.isPending) {
    return (
      <Center h="100%">
        <Loader size="sm" aria-label="Loading the conversation" />
      </Center>
    );
  }
  if (detail.isError) {
    return (
      <Alert color="red" m="md" role="alert">
        {detail.error.message}
      </Alert>
    );
  }
  const { conversation, customer } = detail.data;
  const channel = CHANNEL_LOOK[conversation.channel];
  const ChannelIcon = channel.icon;
  const subject = conversation.subject ?? `${channel.label} with ${customer.displayName}`;

  return (
    <CommandScope enabled={commandsEnabled}>
    <article className={classes.view} aria-label={`Conversation with ${customer.displayName}`}>
      <header className={classes.header}>
        {/* the subject and the pane's actions share the first row at every width: a subject that does not fit is cut, whole in its title */}
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" lineClamp={1} dir="auto" title={subject} className={classes.subject}>
            {subject}
          </Title>
          {headerActions}
        </Group>
        <Text size="sm" c="dimmed" truncate>
          <bdi>{customer.displayName}</bdi> · {customer.identities.map((identity) => identity.value).join(' · ')}
        </Text>
        <Group gap="xs" wrap="wrap" mt={4}>
          <Badge variant="light" color={channel.color} leftSection={<ChannelIcon size={12} aria-hidden />}>
            {channel.label}
          </Badge>
          {conversation.responseClock && <ResponseTarget clock={conversation.responseClock} size="sm" />}
          <StatusMenu conversationId={conversation.id} status={conversation.status} snoozedUntil={conversation.snoozedUntil} commandsEnabled={loadedOk} />
          {conversation.priority !== 'normal' && (
            <Badge variant="filled" color={conversation.priority === 'urgent' ? 'red' : conversation.priority === 'high' ? 'orange' : 'gray'}>
              {conversation.priority} priority
            </Badge>
          )}
          <Badge variant="outline" color="gray">
            {conversation.queue}
          </Badge>
          <AssigneeControl conversation={conversation} actions={{ take, assign }} commandsEnabled={loadedOk} />
          <TagEditor conversationId={conversation.id} tags={conversation.tags} commandsEnabled={loadedOk} />
        </Group>
        <ConversationActivity conversationId={conversation.id} />
        {taken && (
          <TakenNotice
            taken={taken}
            onClose={() => {
              take.reset();
              assign.reset();
            }}
          />
        )}
      </header>
      <div className={classes.track}>
        <PaneBoundary what="The emotion track" compact resetKeys={[track.data]}>
          {/* room is kept while the track is read, so the thread does not jump when it arrives */}
          {track.data ? <EmotionTrack track={track.data} /> : track.isPending && <div className={classes.trackPlaceholder} aria-hidden />}
        </PaneBoundary>
      </div>
      <PaneBoundary what="The messages" resetKeys={[thread.messages]}>
      <MessageThread
        messages={thread.messages}
        channel={conversation.channel}
        focusMessageId={focusMessageId}
        olderCount={thread.olderCount}
        loadingOlder={thread.loading}
        onLoadOlder={thread.loadOlder}
        newerCount={detail.data.newerCount}
        {...(onShowNewest ? { onShowNewest } : {})}
        reveal={reveal}
      />
      </PaneBoundary>
      {/* the messages are painted first; the reply box (its controls, the coach) comes a render later */}
      <AfterFirstPaint key={conversation.id}>
      <div className={classes.bottom} data-testid="conversation-bottom">
        {!mayAnswer && (
          <Text size="sm" c="dimmed" p="sm" data-testid="read-only-conversation">
            You read this conversation: replies, notes and calls are for the people who answer customers.
          </Text>
        )}
        {mayAnswer && conversation.channel === 'voice' && (
          <PaneBoundary what="The call panel" compact>
            <CallPanel conversationId={conversation.id} activeCallStartedAt={detail.data.activeCallStartedAt} />
          </PaneBoundary>
        )}
        {mayAnswer && (
        <PaneBoundary what="The reply box" compact>
          <Composer key={conversation.id} conversationId={conversation.id} customerId={customer.id} customerName={customer.displayName} channel={conversation.channel} savedDrafts={detail.data.drafts} sentAs={detail.data.draftsSentAs} lastKind={detail.data.draft?.kind ?? null}
            commandsEnabled={commandsEnabled}
            subject={conversation.subject}
            bodies={bodies}
            newestMessageId={newestMessageId}
            onShowMessage={showMessage}
          />
        </PaneBoundary>
        )}
      </div>
      </AfterFirstPaint>
    </article>
    </CommandScope>
  );
}
