import { Group, Text } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { activitySentences } from './activityWords';
import { useActivity } from './useLive';
import type { ConversationActivity as ConversationActivityEntry } from '../../../../shared/contract/live';

/** "Hannah is viewing" / "Hannah is typing a reply…" in a conversation's header: other people only. */
export function ConversationActivity({ conversationId }: { conversationId: number }) {
  const people = useActivity().get(conversationId) ?? [];
  const sentences = activitySentences(people);
  return (
    <div role="status" aria-live="polite" data-testid="conversation-activity" style={{ minHeight: 0 }}>
      {sentences.length > 0 && (
        <Group gap="sm" wrap="wrap">
          {sentences.map(({ kind, text }) => {
            const Icon = kind === 'viewing' ? IconEye : IconPencil;
            return (
              <Text key={kind} size="xs" fw={600} c={kind === 'viewing' ? 'blue.8' : 'grape.8'} data-activity={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                <Icon size={14} aria-hidden />
                {kind === 'viewing' ? text : `${text}…`}
              </Text>
            );
          })}
        </Group>
      )}
    </div>
  );
}

/** The same on a queue row, short: an eye (viewing) or a pencil (typing), with the names in its label. */
export function RowActivity({ people }: { people: ConversationActivityEntry[] }) {
  if (people.length === 0) return null;
  const sentences = activitySentences(people);
  const typing = sentences.some((one) => one.kind !== 'viewing');
  const Icon = typing ? IconPencil : IconEye;
  const label = sentences.map((one) => one.text).join('; ');
  const first = people[0]!.name.split(/\s+/)[0];
  return (
    <Text span size="xs" fw={600} c={typing ? 'grape.8' : 'blue.8'} role="img" aria-label={label} title={label} data-testid="row-activity" data-activity={typing ? 'typing' : 'viewing'} style={{ display: 'inline-flex', alignItems: 'center', gap: 2, flexShrink: 0 }}>
      <Icon size={13} aria-hidden />
      {people.length === 1 ? first : `${first} +${people.length - 1}`}
    </Text>
  );
}
