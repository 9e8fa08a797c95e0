import { Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { DraftTone } from '../analysis/DraftTone';

/**
 * The reply box. The draft is read on this machine as the agent types (after a pause), and its
 * tone is shown beside it. Sending through the channels arrives with the agent workspace.
 */
export function Composer({ conversationId, customerName }: { conversationId: number; customerName: string }) {
  const client = useClient();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [draftId] = useState(() => `draft-${conversationId}-${Date.now().toString(36)}`);
  const tone = useQuery({
    queryKey: ['analysis.readDraft', conversationId, debounced],
    queryFn: () => client.call('analysis.readDraft', { conversationId, draftId, text: debounced }),
    enabled: debounced.length > 0,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });
  return (
    <Stack gap={4} p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Textarea
        aria-label={`Draft a reply to ${customerName}`}
        placeholder={`Draft a reply to ${customerName}…`}
        autosize
        minRows={2}
        maxRows={8}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <DraftTone reading={debounced && tone.data ? tone.data : null} pending={tone.isFetching} />
      <Text size="xs" c="dimmed">
        Read on this machine; nothing you type leaves it. Sending replies through the channels is the next step of the console.
      </Text>
    </Stack>
  );
}
