import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPhoneCall, IconPhoneOff } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import type { CallDisposition } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';

const DISPOSITIONS: { value: CallDisposition; label: string }[] = [
  { value: 'resolved', label: 'Resolved on the call' },
  { value: 'follow-up', label: 'Follow-up needed' },
  { value: 'call-back', label: 'Customer to be called back' },
  { value: 'escalated', label: 'Escalated' },
  { value: 'no-answer', label: 'No answer' },
];

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The call view of a voice conversation: start the call, watch its timer, type notes that are
 * stamped with the time into the call, and end it with a disposition and a wrap-up.
 */
export function CallPanel({ conversationId, activeCallStartedAt }: { conversationId: number; activeCallStartedAt: number | null }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [now, setNow] = useState(Date.now());
  // the call's timer ticks only while a call is going on
  useEffect(() => {
    if (activeCallStartedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [activeCallStartedAt]);
  const [note, setNote] = useState('');
  const [disposition, setDisposition] = useState<CallDisposition>('resolved');
  const [summary, setSummary] = useState('');
  const [ending, setEnding] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
  };
  const start = useMutation({ mutationFn: () => client.call('calls.start', { conversationId }), onSuccess: refresh });
  const addNote = useMutation({
    mutationFn: (text: string) => client.call('calls.note', { conversationId, text }),
    onSuccess: () => {
      setNote('');
      refresh();
    },
  });
  const end = useMutation({
    mutationFn: () => client.call('calls.end', { conversationId, disposition, summary }),
    onSuccess: () => {
      setEnding(false);
      setSummary('');
      refresh();
    },
  });

  // the call's commands in the palette: start it, or note and end the one going on
  const noteRef = useRef<HTMLInputElement>(null);
  const { mutate: startCall } = start;
  const inCall = activeCallStartedAt !== null;
  const callActions = useMemo<PaletteAction[]>(
    () =>
      inCall
        ? [
            { id: 'call-note', group: 'Call', label: 'Add a call note', run: () => { setEnding(false); requestAnimationFrame(() => noteRef.current?.focus()); } },
            { id: 'call-end', group: 'Call', label: 'End the call…', description: 'Choose how it ended and write the wrap-up', run: () => setEnding(true) },
          ]
        : [{ id: 'call-start', group: 'Call', label: 'Start a call', run: () => startCall() }],
    [inCall, startCall],
  );
  usePaletteActions(callActions);

  if (activeCallStartedAt === null) {
    return (
      <Group p="sm" gap="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Button size="xs" leftSection={<IconPhoneCall size={14} />} onClick={() => start.mutate()} loading={start.isPending}>
          Start a call
        </Button>
        <Text size="xs" c="dimmed">
          Notes you type during the call are stamped with the time into it.
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap={6} p="sm" style={{ borderTop: '2px solid var(--mantine-color-orange-4)', background: 'var(--mantine-color-orange-0)' }} aria-label="Call in progress" role="region">
      <Group justify="space-between">
        <Text fw={700} size="sm" aria-live="off">
          On the call · <span data-testid="call-timer">{clock(now - activeCallStartedAt)}</span>
        </Text>
        {!ending && (
          <Button size="xs" color="red" variant="light" leftSection={<IconPhoneOff size={14} />} onClick={() => setEnding(true)}>
            End the call
          </Button>
        )}
      </Group>
      {!ending ? (
        <TextInput dir="auto"
          ref={noteRef}
          size="xs"
          aria-label="Call note"
          placeholder="Type a note and press Enter — it is stamped with the time into the call"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && note.trim()) addNote.mutate(note);
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
          error={addNote.error?.message}
        />
      ) : (
        <Stack gap={6}>
          <Select size="xs" label="How did the call end?" data={DISPOSITIONS} value={disposition} onChange={(value) => setDisposition((value ?? 'resolved') as CallDisposition)} allowDeselect={false} />
          <Textarea dir="auto" size="xs" label="Wrap-up" placeholder="What happened, and what happens next" autosize minRows={2} value={summary} onChange={(event) => setSummary(event.currentTarget.value)} />
          <Group gap="xs">
            <Button size="xs" color="red" onClick={() => end.mutate()} loading={end.isPending}>
              End the call and save
            </Button>
            <Button size="xs" variant="default" onClick={() => setEnding(false)}>
              Back to the call
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
