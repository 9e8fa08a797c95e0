import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { GrowingTextarea } from '../../lib/GrowingTextarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPhoneCall, IconPhoneOff } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CALL_OUTCOMES, type FollowUpOffer as Offer } from '../../../../shared/contract/callOutcomes';
import { usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import type { CallDisposition } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { FollowUpOffer } from '../customer/FollowUpOffer';

/** The endings in the order an agent reaches for them; what each means is CALL_OUTCOMES. */
const DISPOSITIONS: { value: CallDisposition; label: string }[] = (['resolved', 'follow-up', 'call-back', 'escalated', 'no-answer'] as const).map((value) => ({
  value,
  label: CALL_OUTCOMES[value].label,
}));

/** The agent's own time zone, for the times their wrap-up names. */
const agentTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

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
  // the follow-up the call's ending promised, until the agent adds or declines it
  const [offer, setOffer] = useState<Offer | null>(null);
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
    mutationFn: () => client.call('calls.end', { conversationId, disposition, summary, timeZone: agentTimeZone() }),
    onSuccess: (ended) => {
      setEnding(false);
      setSummary('');
      setOffer(ended.followUp);
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
      <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        {offer && offer.conversationId === conversationId && (
          <FollowUpOffer
            offer={offer}
            onDone={() => {
              setOffer(null);
              refresh();
            }}
          />
        )}
        <Group gap="sm">
          <Button size="xs" leftSection={<IconPhoneCall size={14} />} onClick={() => start.mutate()} loading={start.isPending}>
            Start a call
          </Button>
          <Text size="xs" c="dimmed">
            Notes you type during the call are stamped with the time into it.
          </Text>
        </Group>
      </Stack>
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
          <Select
            size="xs"
            label="How did the call end?"
            data={DISPOSITIONS}
            value={disposition}
            onChange={(value) => setDisposition((value ?? 'resolved') as CallDisposition)}
            allowDeselect={false}
            description={CALL_OUTCOMES[disposition].consequence}
          />
          <GrowingTextarea
            dir="auto"
            size="xs"
            label="Wrap-up"
            placeholder="What happened, and what happens next (“Call Finn back on Tuesday at 2pm” sets the follow-up’s time)"
            minRows={2}
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
          />
          {end.error && (
            <Text size="xs" c="red" role="alert">
              {end.error.message}
            </Text>
          )}
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
