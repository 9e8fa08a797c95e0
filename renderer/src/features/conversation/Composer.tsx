import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftFinding } from '../../../../shared/contract/coach';
import type { Draft, DraftKind, PromiseFound } from '../../../../shared/contract/domain';
import { CoachPrompts } from '../coach/CoachPrompts';
import { applyFinding, DraftCheckPanel } from '../coach/DraftCheckPanel';
import { PromiseOffers } from '../coach/PromiseOffers';
import { useCoachPrompts } from '../coach/useCoachPrompts';
import type { Macro } from '../../../../shared/contract/macros';
import { fillMacro } from '../../../../shared/fillMacro';
import { MacroMenu } from './MacroMenu';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { DraftTone } from '../analysis/DraftTone';
import { useCommand, usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import { PaneBoundary } from '../../lib/PaneBoundary';

interface Props {
  conversationId: number;
  customerId: number;
  customerName: string;
  /** The draft saved last time, restored when the conversation opens. */
  savedDraft: Draft | null;
  /** Whether r / n start writing here (the focused one of two conversations). */
  commandsEnabled?: boolean;
  /** What macros' placeholders are filled from. */
  subject: string | null;
  bodies: string[];
}

/** How long typing may pause before the draft is saved: a crash loses at most this much. */
const SAVE_AFTER_MS = 500;

/**
 * Reply to the customer or write an internal note. The draft is saved as the agent types and read
 * on this machine, its tone shown beside it; Ctrl/Cmd+Enter sends.
 */
export function Composer({ conversationId, customerId, customerName, savedDraft, commandsEnabled = true, subject, bodies }: Props) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DraftKind>(savedDraft?.kind ?? 'reply');
  const [text, setText] = useState(savedDraft?.body ?? '');
  const [toSave] = useDebouncedValue({ kind, text }, SAVE_AFTER_MS);
  const lastSaved = useRef({ kind: savedDraft?.kind ?? 'reply', text: savedDraft?.body ?? '' });
  const [toRead] = useDebouncedValue(text.trim(), 300);
  const [draftId] = useState(() => `draft-${conversationId}-${Date.now().toString(36)}`);

  const save = useMutation({ mutationFn: (draft: { kind: DraftKind; text: string }) => client.call('drafts.save', { conversationId, kind: draft.kind, body: draft.text }) });
  const { mutate: saveDraft } = save;
  useEffect(() => {
    if (toSave.text === lastSaved.current.text && toSave.kind === lastSaved.current.kind) return;
    lastSaved.current = toSave;
    saveDraft(toSave);
  }, [toSave, saveDraft]);

  const tone = useQuery({
    queryKey: ['coach.draftTone', conversationId, toRead],
    queryFn: () => client.call('coach.draftTone', { conversationId, draftId, text: toRead }),
    enabled: toRead.length > 0 && kind === 'reply',
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });

  const [promises, setPromises] = useState<(PromiseFound & { messageId: number })[]>([]);
  const [findings, setFindings] = useState<DraftFinding[] | null>(null);
  const send = useMutation({
    mutationFn: () => client.call('conversations.reply', { conversationId, kind, body: text }),
    onSuccess: (sent) => {
      lastSaved.current = { kind, text: '' };
      setText('');
      setFindings(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allCustomerProfiles });
      // promises made in the reply are offered as follow-ups
      if (sent.author === 'agent') void client.call('followUps.detect', { messageId: sent.id }).then((found) => setPromises(found.map((item) => ({ ...item, messageId: sent.id }))));
    },
  });

  // the coach's check before a reply goes; notes go at once, and the agent can always send anyway
  const check = useMutation({
    mutationFn: () => client.call('coach.checkDraft', { conversationId, text }),
    onSuccess: (found) => (found.length > 0 ? setFindings(found) : send.mutate()),
    // a check that cannot run must not stop a reply
    onError: () => send.mutate(),
  });
  const attemptSend = () => {
    if (!text.trim() || send.isPending || check.isPending) return;
    if (kind === 'note') send.mutate();
    else check.mutate();
  };
  const addFollowUp = useMutation({
    mutationFn: (found: PromiseFound & { messageId: number }) =>
      client.call('followUps.create', { customerId, conversationId, messageId: found.messageId, description: found.description, dueAt: found.dueAt }),
    onSuccess: (_created, found) => {
      setPromises((current) => current.filter((item) => item !== found));
      void queryClient.invalidateQueries({ queryKey: queryKeys.allCustomerProfiles });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    },
  });
  const coach = useCoachPrompts(conversationId, true);

  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const startWriting = (next: DraftKind) => {
    setKind(next);
    requestAnimationFrame(() => textareaRef.current?.focus());
  };
  useCommand('composer.reply', () => startWriting('reply'), commandsEnabled);
  useCommand('composer.note', () => startWriting('note'), commandsEnabled);

  // macros: filled from the conversation, inserted where the cursor is
  const macros = useQuery({ queryKey: ['macros.list'], queryFn: () => client.call('macros.list', {}) });
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  const agentName = status.data?.currentUser?.name ?? null;
  const insertText = useCallback((words: string) => {
    const area = textareaRef.current;
    setText((current) => {
      if (!area || !current) return words;
      const at = area.selectionStart ?? current.length;
      const before = current.slice(0, at);
      const gap = before && !/\s$/.test(before) ? ' ' : '';
      return `${before}${gap}${words}${current.slice(area.selectionEnd ?? at)}`;
    });
    requestAnimationFrame(() => textareaRef.current?.focus());
  }, []);
  const insertMacro = useCallback(
    (macro: Macro) => insertText(fillMacro(macro.body, { customerName, agentName, subject, bodies })),
    [customerName, agentName, subject, bodies, insertText],
  );
  const macroActions = useMemo<PaletteAction[]>(
    () => (macros.data ?? []).map((macro) => ({ id: `macro-${macro.id}`, label: `Insert macro: ${macro.name}`, key: macro.shortcut, run: () => insertMacro(macro) })),
    [macros.data, insertMacro],
  );
  usePaletteActions(macroActions, commandsEnabled);

  const note = kind === 'note';
  return (
    <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: note ? 'var(--mantine-color-yellow-0)' : undefined }}>
      {/* while the draft check is open it speaks for the coach: one panel at a time */}
      {!note && !findings?.length && (
        <PaneBoundary what="The coach" compact resetKeys={[coach.prompts]}>
        <CoachPrompts
          prompts={coach.prompts}
          onInsert={(prompt) => {
            insertText(prompt.text);
            coach.decide({ prompt, outcome: 'inserted' });
          }}
          onDismiss={(prompt) => coach.decide({ prompt, outcome: 'dismissed' })}
        />
        </PaneBoundary>
      )}
      <PaneBoundary what="The follow-up offers" compact resetKeys={[promises]}>
        <PromiseOffers promises={promises} onAdd={(found) => addFollowUp.mutate(found)} onSkip={(found) => setPromises((current) => current.filter((item) => item !== found))} />
      </PaneBoundary>
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label="Write a"
          value={kind}
          onChange={(value) => setKind(value as DraftKind)}
          data={[
            { value: 'reply', label: `Reply to ${customerName}` },
            { value: 'note', label: 'Internal note' },
          ]}
        />
        <Group gap="xs">
          <MacroMenu macros={macros.data ?? []} onInsert={insertMacro} />
          <Text size="xs" c="dimmed" aria-live="polite">
            {save.isPending ? 'Saving draft…' : save.data ? 'Draft saved' : ''}
          </Text>
        </Group>
      </Group>
      <Textarea
        ref={textareaRef}
        aria-label={note ? 'Internal note (only your team sees it)' : `Reply to ${customerName}`}
        placeholder={note ? 'A note for your team; the customer never sees it…' : `Write to ${customerName}…`}
        dir="auto"
        autosize
        minRows={2}
        maxRows={10}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Escape leaves the field, so the single-key shortcuts work again
          if (event.key === 'Escape') {
            event.currentTarget.blur();
            return;
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            attemptSend();
          }
        }}
        error={send.error?.message}
      />
      {findings && findings.length > 0 && (
        <PaneBoundary what="The draft check" compact resetKeys={[findings]}>
        <DraftCheckPanel
          findings={findings}
          sending={send.isPending}
          onUse={(finding) => {
            setText((current) => applyFinding(current, finding));
            setFindings((current) => current?.filter((item) => item !== finding) ?? null);
          }}
          onSendAnyway={() => send.mutate()}
          onKeepEditing={() => {
            setFindings(null);
            textareaRef.current?.focus();
          }}
        />
        </PaneBoundary>
      )}
      <Group justify="space-between" wrap="nowrap">
        {note ? (
          <Text size="xs" c="dimmed">
            Notes are for your team only.
          </Text>
        ) : (
          <PaneBoundary what="The draft's tone" compact resetKeys={[tone.data]}>
            <DraftTone tone={toRead && tone.data ? tone.data : null} pending={tone.isFetching} />
          </PaneBoundary>
        )}
        <Button size="xs" leftSection={<IconSend size={14} />} onClick={attemptSend} loading={send.isPending || check.isPending} disabled={!text.trim()}>
          {note ? 'Add note' : 'Send'} <Text span size="xs" c="inherit" ml={6}>Ctrl+Enter</Text>
        </Button>
      </Group>
    </Stack>
  );
}
