import { Text } from '@mantine/core';
import { MESSAGE_MAX_CHARS, MESSAGE_WARN_CHARS } from '../../../../shared/contract/send';

const count = new Intl.NumberFormat('en');

/** Where a message stands against the contract's limit: fine, near it, or over it (and then it cannot be sent). */
export function lengthState(length: number): 'fine' | 'near' | 'over' {
  if (length > MESSAGE_MAX_CHARS) return 'over';
  return length >= MESSAGE_WARN_CHARS ? 'near' : 'fine';
}

/**
 * The message's length as the agent types, shown once it nears the limit: how much room is left,
 * or — over the limit — by how much to shorten it before it can go.
 */
export function MessageLength({ length }: { length: number }) {
  const state = lengthState(length);
  if (state === 'fine') return null;
  return (
    <Text size="xs" c={state === 'over' ? 'red.8' : 'orange.9'} fw={state === 'over' ? 600 : 400} data-testid="message-length" data-state={state} aria-live="polite">
      {state === 'over'
        ? `${count.format(length - MESSAGE_MAX_CHARS)} characters over the ${count.format(MESSAGE_MAX_CHARS)} a message may hold: shorten it to send`
        : `${count.format(length)} / ${count.format(MESSAGE_MAX_CHARS)} characters (${count.format(MESSAGE_MAX_CHARS - length)} left)`}
    </Text>
  );
}
