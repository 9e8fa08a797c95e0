import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconMessageExclamation } from '@tabler/icons-react';
import type { ArrivedMessage } from '../../../../shared/contract/send';
import { shortAgo } from '../../lib/time';
import { useTicking } from '../triage/useTicker';

interface Props {
  arrived: ArrivedMessage[];
  /** How many arrived before those named. */
  more: number;
  sending: boolean;
  onRead: () => void;
  onSendAnyway: () => void;
}

/** "Hannah Cole replied", "Sam Carter wrote", "Hannah Cole added a note". */
function whoDid(message: ArrivedMessage): string {
  const name = message.authorName ?? (message.author === 'customer' ? 'The customer' : 'A colleague');
  if (message.author === 'customer') return `${name} wrote`;
  if (message.author === 'note') return `${name} added a note`;
  return `${name} replied`;
}

function ArrivedLine({ message }: { message: ArrivedMessage }) {
  const when = useTicking((now) => shortAgo(message.sentAt, now));
  return (
    <div>
      <Text size="sm" fw={600}>
        {whoDid(message)} {when}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
        “{message.preview}”
      </Text>
    </div>
  );
}

/**
 * A reply held because the customer or a colleague wrote after the newest message its author had
 * seen: who, when and how it began; "Read it" shows it and keeps the draft, "Send anyway" sends
 * over it (recorded in the session log).
 */
export function CollisionBanner({ arrived, more, sending, onRead, onSendAnyway }: Props) {
  const newest = arrived[arrived.length - 1];
  if (!newest) return null;
  return (
    <Alert role="alert" color="orange" variant="light" icon={<IconMessageExclamation size={18} aria-hidden />} title="Not sent: something new arrived while you wrote" py={8} data-testid="collision-banner">
      <Stack gap={6}>
        {arrived.map((message) => (
          <ArrivedLine key={message.messageId} message={message} />
        ))}
        {more > 0 && (
          <Text size="xs" c="dimmed">
            and {more} earlier message{more === 1 ? '' : 's'}
          </Text>
        )}
        <Group gap="xs">
          <Button size="compact-sm" onClick={onRead}>
            Read it
          </Button>
          <Button size="compact-sm" variant="default" onClick={onSendAnyway} loading={sending}>
            Send anyway
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
