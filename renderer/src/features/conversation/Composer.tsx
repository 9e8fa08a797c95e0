import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { GrowingTextarea } from '../../lib/GrowingTextarea';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftFinding } from '../../../../shared/contract/coach';
import type { Channel, ConversationDetail, Draft, DraftKind, PromiseFound } from '../../../../shared/contract/domain';
import { DRAFT_MAX_CHARS, MESSAGE_MAX_CHARS, messageLength, type ArrivedMessage, type CollisionOverride, type DraftCheckDecisionInput, type StatusAfterSend } from '../../../../shared/contract/send';
import { CollisionBanner } from './CollisionBanner';
import { CoachPrompts } from '../coach/CoachPrompts';
import { applyFinding, DraftCheckPanel } from '../coach/DraftCheckPanel';
import { PromiseOffers } from '../coach/PromiseOffers';
import { coachPromptsKey, useCoachPrompts } from '../coach/useCoachPrompts';
import type { Macro } from '../../../../shared/contract/macros';
import { fillMacro } from '../../../../shared/fillMacro';
import { MacroMenu } from './MacroMenu';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { DraftTone } from '../analysis/DraftTone';
import { useCommand, usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import { PaneBoundary } from '../../lib/PaneBoundary';
import { composerWords } from './composerWords';
import { lengthState, MessageLength } from './MessageLength';
import { SendButton } from './SendButton';
import { useReportTyping } from '../live/useReportTyping';

interface Props {
  conversationId: number;
  customerId: number;
  customerName: string;
  channel: Channel;
  /** The reply and note drafts saved last time, restored when the conversation opens. */
  savedDrafts: Record<DraftKind, Draft | null>;
  /** The message each of them was last sent as (null: never): every save names it, so a save of sent text is not kept. */
  sentAs: Record<DraftKind, number | null>;
  /** Which of the two the agent was writing last. */
  lastKind: DraftKind | null;
  /** Whether r / n start writing here (the focused one of two conversations). */
  commandsEnabled?: boolean;
  /** What macros' placeholders are filled from. */
  subject: string | null;
  bodies: string[];
  /** The newest message the thread shows (by when it was stored); null while it shows none. */
  newestMessageId: number | null;
  /** "Read it" at a held reply: show this message in the thread. */
  onShowMessage: (messageId: number) => void;
}

/** How long typing may pause before the draft is saved: a crash loses at most this much. */
const SAVE_AFTER_MS = 500;

type Texts = Record<DraftKind, string>;

/** What the draft check showed for the reply being written, and whether a better sentence was put in. */
interface CheckSeen {
  shown: DraftCheckDecisionInput['shown'];
  used: boolean;
}

/**
 * Reply to the customer or write an internal note: two drafts kept apart (switching never carries
 * text across, and sending one leaves the other), each saved as the agent types. The reply is read
 * on this machine, its tone shown beside it. One call sends: the Node side checks a reply first,
 * records what the agent chose at the check, settles the coach's prompts and finds promises.
 * Ctrl/Cmd+Enter sends; the split button and its keys send and set the status.
 */
export function Composer({ conversationId, customerId, customerName, channel, savedDrafts, sentAs, lastKind, commandsEnabled = true, subject, bodies, newestMessageId, onShowMessage }: Props) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DraftKind>(lastKind ?? 'reply');
  const [texts, setTexts] = useState<Texts>(() => ({ reply: savedDrafts.reply?.body ?? '', note: savedDrafts.note?.body ?? '' }));
  const text = texts[kind];
  // "…is typing a reply" for the others: a hint, throttled
  useReportTyping(conversationId, kind, text);
  const setText = useCallback((next: (current: string) => string, of: DraftKind) => setTexts((current) => ({ ...current, [of]: next(current[of]) })), []);
  const [toSave] = useDebouncedValue(texts, SAVE_AFTER_MS);
  /** What the host holds as each draft, as far as this composer knows (null: not known to hold what the box shows). */
  const lastSaved = useRef<Record<DraftKind, string | null>>({ reply: savedDrafts.reply?.body ?? '', note: savedDrafts.note?.body ?? '' });
  /** What is in the boxes now (read by saves answered later, and at the pagehide flush). */
  const typed = useRef(texts);
  typed.current = texts;
  const [toRead] = useDebouncedValue(texts.reply.trim(), 300);
  const [draftId] = useState(() => `draft-${conversationId}-${Date.now().toString(36)}`);
  const words = composerWords(channel, customerName);
  /** Said where "Draft saved" is (and instead of it), when a draft was found already sent and so cleared. */
  const [notice, setNotice] = useState<string | null>(null);

  /**
   * What each draft was last sent as, named by its saves: a save of the text from before a send that
   * reaches the host after it (from another window, through another server) is not kept, and the sent
   * text does not come back as the draft.
   */
  const sentUpTo = useRef<Record<DraftKind, number | null>>(sentAs);
  /** The text of each kind this composer's own Send has on its way (null: none): its answer settles the box. */
  const sendingNow = useRef<Record<DraftKind, string | null>>({ reply: null, note: null });
  const saveCall = useCallback(
    (of: DraftKind, body: string) => client.call('drafts.save', { conversationId, kind: of, body, afterSent: sentUpTo.current[of] }),
    [client, conversationId],
  );
  /**
   * What is saved is also what the console holds for this conversation, so coming back to it (before
   * the cache would be read again) shows the draft as it was left, not as it was when it was opened.
   */
  const remember = useCallback(
    (of: DraftKind, body: string) => {
      lastSaved.current = { ...lastSaved.current, [of]: body };
      queryClient.setQueriesData<ConversationDetail>({ queryKey: queryKeys.conversation(conversationId) }, (detail) => {
        if (!detail) return detail;
        const draft = body.trim() === '' ? null : { kind: of, body, savedAt: Date.now() };
        return { ...detail, drafts: { ...detail.drafts, [of]: draft }, draft: draft ?? (detail.draft?.kind === of ? null : detail.draft) };
      });
    },
    [queryClient, conversationId],
  );
  /**
   * The draft was sent (from another window, or by a Send still on its way here) as message
   * `sentAsId`, and the conversation as read again shows it: the host holds no draft now. What is in
   * the box is the next draft — unless it is exactly the text that went, which would invite sending it
   * twice: that is cleared, and the agent told; so is a box still holding the draft the send used up
   * (`usedUp`: nothing typed here since the host last held it), which would otherwise come back as a
   * draft of what was just answered. Answers the text to save as the next draft (null: cleared,
   * nothing to save). The one decision for a save refused as sent and for a send learnt of by reading
   * the conversation again; each raises sentUpTo first, so the other does not settle it twice.
   */
  const settleSent = useCallback(
    (of: DraftKind, sentAsId: number, usedUp: boolean): string | null => {
      const sent = queryClient
        .getQueriesData<ConversationDetail>({ queryKey: queryKeys.conversation(conversationId) })
        .flatMap(([, detail]) => detail?.messages ?? [])
        .find((message) => message.id === sentAsId);
      const inBox = typed.current[of];
      const exactly = sent?.body.trim() === inBox.trim();
      if (inBox.trim() !== '' && (usedUp || exactly)) {
        remember(of, '');
        typed.current = { ...typed.current, [of]: '' };
        setTexts((current) => (current[of] === inBox ? { ...current, [of]: '' } : current));
        setNotice(exactly ? 'This was already sent (it is in the thread), so it was cleared here.' : 'This draft was sent from another window (it is in the thread), so it was cleared here.');
        return null;
      }
      remember(of, inBox);
      return inBox;
    },
    [queryClient, conversationId, remember],
  );
  /**
   * A save the host refused, as the draft was sent as message `sentAsId`: the box is not saved. The
   * conversation is read again — also when this composer has gone (the flush on leaving), so the sent
   * message is there to compare with — and then settled (settleSent). Answers the next save's result
   * (null: nothing more to save).
   */
  const afterSentElsewhere = useCallback(
    async (of: DraftKind, sentAsId: number) => {
      lastSaved.current = { ...lastSaved.current, [of]: null };
      sentUpTo.current = { ...sentUpTo.current, [of]: Math.max(sentUpTo.current[of] ?? 0, sentAsId) };
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId), refetchType: 'all' });
      // what was typed since (this save's text), never the draft the send used up
      const next = settleSent(of, sentAsId, false);
      return next === null ? null : await saveCall(of, next);
    },
    [queryClient, conversationId, settleSent, saveCall],
  );
  /** Saves one draft; each refusal names a newer send, and what is in the box is settled after it and saved again (never twice over the same one). */
  const saveThroughSends = useCallback(
    async (of: DraftKind, text: string) => {
      let named = sentUpTo.current[of];
      let result = await saveCall(of, text);
      while (result.savedAt === null && result.sentAs > (named ?? 0)) {
        named = result.sentAs;
        const again = await afterSentElsewhere(of, result.sentAs);
        if (again === null) break;
        result = again;
      }
      return result;
    },
    [saveCall, afterSentElsewhere],
  );
  const save = useMutation({ mutationFn: (draft: { kind: DraftKind; text: string }) => saveThroughSends(draft.kind, draft.text) });
  const { mutate: saveDraft } = save;
  useEffect(() => {
    // each kind is saved on its own: a pending save of one is never lost by switching to the other
    for (const each of ['reply', 'note'] as const) {
      if (toSave[each] === lastSaved.current[each]) continue;
      remember(each, toSave[each]);
      saveDraft({ kind: each, text: toSave[each] });
    }
  }, [toSave, saveDraft, remember]);

  // a send from another window, learnt of when the conversation is read again here (its message.added):
  // settled as a refused save is, so the text that went is not left in this box to be sent twice
  const { reply: replySentAs, note: noteSentAs } = sentAs;
  useEffect(() => {
    for (const [each, seen] of [['reply', replySentAs], ['note', noteSentAs]] as const) {
      if (seen === null || seen <= (sentUpTo.current[each] ?? 0)) continue;
      sentUpTo.current = { ...sentUpTo.current, [each]: seen };
      // this composer's own Send, answered soon: its answer clears the box or saves what was typed since
      if (sendingNow.current[each] !== null) continue;
      // nothing typed here since the host last held this draft: the send used it up
      const next = settleSent(each, seen, typed.current[each] === lastSaved.current[each]);
      if (next !== null && next.trim() !== '') saveDraft({ kind: each, text: next });
    }
  }, [replySentAs, noteSentAs, settleSent, saveDraft]);

  // what is typed but not yet saved (typing had not paused) is saved when the composer goes — another
  // conversation opened, the pane closed, the window closed — so a draft, or its clearing, is never lost;
  // a refusal (sent from another window meanwhile) is settled as any save's is, though nothing is shown
  useEffect(() => {
    const flush = () => {
      for (const each of ['reply', 'note'] as const) {
        if (typed.current[each] === lastSaved.current[each]) continue;
        remember(each, typed.current[each]);
        void saveThroughSends(each, typed.current[each]).catch(() => undefined);
      }
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saveThroughSends, remember]);

  const tone = useQuery({
    queryKey: ['coach.draftTone', conversationId, toRead],
    queryFn: () => client.call('coach.draftTone', { conversationId, draftId, text: toRead }),
    enabled: toRead.length > 0 && toRead.length <= MESSAGE_MAX_CHARS && kind === 'reply',
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });

  /**
   * The newest message the agent had seen when writing the reply: what the thread showed when it
   * opened or while the reply was empty, or what they read at a hold. Messages arriving while they
   * write are not counted as seen: a reply sent without reading them is held.
   */
  const seenUpTo = useRef<number | null>(newestMessageId);
  const replyEmpty = texts.reply.trim() === '';
  useEffect(() => {
    if (replyEmpty) seenUpTo.current = newestMessageId;
  }, [replyEmpty, newestMessageId]);
  /** What arrived that held the reply, while the agent decides. */
  const [held, setHeld] = useState<{ arrived: ArrivedMessage[]; more: number } | null>(null);
  /** "Send anyway" at a hold: sent over the messages up to this one (kept for a draft check that follows). */
  const [override, setOverride] = useState<number | null>(null);

  const [promises, setPromises] = useState<(PromiseFound & { messageId: number })[]>([]);
  const [findings, setFindings] = useState<DraftFinding[] | null>(null);
  const [seen, setSeen] = useState<CheckSeen | null>(null);
  /** The status asked for with the send the draft check stopped, kept for "Send anyway". */
  const [statusAfter, setStatusAfter] = useState<StatusAfterSend | undefined>(undefined);
  const send = useMutation({
    mutationFn: (request: { kind: DraftKind; body: string; draftCheck?: DraftCheckDecisionInput; thenStatus?: StatusAfterSend; seenMessageId?: number | null; collisionOverride?: CollisionOverride }) =>
      client.call('conversations.send', { conversationId, ...request }),
    onSettled: (_result, _error, request) => {
      if (sendingNow.current[request.kind] === request.body) sendingNow.current = { ...sendingNow.current, [request.kind]: null };
    },
    onError: (_error, request) => {
      // nothing went, and the host may not hold this text as its draft yet
      saveDraft({ kind: request.kind, text: request.body });
    },
    onSuccess: (result, request) => {
      if (result.outcome === 'held') {
        // nothing went: someone wrote since the agent last looked (and the text stays the draft)
        saveDraft({ kind: request.kind, text: request.body });
        setHeld({ arrived: result.arrived, more: result.more });
        setStatusAfter(request.thenStatus);
        return;
      }
      setHeld(null);
      if (result.outcome === 'check') {
        // nothing went: the coach has something to say first (and the text stays the draft)
        saveDraft({ kind: request.kind, text: request.body });
        setFindings(result.findings);
        setStatusAfter(request.thenStatus);
        setSeen((current) => ({ shown: [...(current?.shown ?? []), ...result.findings.map((finding) => ({ check: finding.check, better: finding.better }))].slice(-20), used: current?.used ?? false }));
        return;
      }
      // saves from now on are of a draft written after this one went
      sentUpTo.current = { ...sentUpTo.current, [request.kind]: Math.max(sentUpTo.current[request.kind] ?? 0, result.message.id) };
      // that kind's draft is gone on the host; here too — in the console's copy of the conversation, and on
      // screen unless the agent has typed on since — so neither coming back nor leaving brings the sent text back
      const typedSince = typed.current[request.kind];
      if (typedSince === request.body) typed.current = { ...typed.current, [request.kind]: '' };
      setText((current) => (current === request.body ? '' : current), request.kind);
      if (typedSince === request.body || typedSince.trim() === '') remember(request.kind, '');
      else {
        // typed while it was on its way: the send emptied the host's draft, so that is saved again, as the next draft
        remember(request.kind, typedSince);
        saveDraft({ kind: request.kind, text: typedSince });
      }
      if (request.kind === 'reply') {
        setFindings(null);
        setSeen(null);
        setStatusAfter(undefined);
        setOverride(null);
      }
      setPromises(result.promises.map((found) => ({ ...found, messageId: result.message.id })));
      if (result.prompts.length > 0) void queryClient.invalidateQueries({ queryKey: coachPromptsKey(conversationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allCustomerProfiles });
    },
  });

  /**
   * The text being sent will not be saved as a draft by a save still waiting for typing to pause:
   * that save would reach the host after the send cleared the draft and bring the sent text back.
   */
  const sending = (of: DraftKind, body: string) => {
    lastSaved.current = { ...lastSaved.current, [of]: body };
    sendingNow.current = { ...sendingNow.current, [of]: body };
  };

  // typed but not yet read (the reading waits for typing to pause): it will be, unless it is too long to send
  const readSoon = texts.reply.trim() !== toRead && texts.reply.trim().length <= MESSAGE_MAX_CHARS;
  const length = messageLength(text);
  const tooLong = lengthState(length) === 'over';
  const canSend = text.trim().length > 0 && !tooLong && !send.isPending;
  /** What a reply carries about the thread: the newest message its author had seen, and a "send anyway" at a hold. */
  const collisionFields = (overUpTo: number | null) => ({ seenMessageId: seenUpTo.current, ...(overUpTo !== null ? { collisionOverride: { upToMessageId: overUpTo } } : {}) });
  const attemptSend = (thenStatus?: StatusAfterSend) => {
    if (!canSend) return;
    // a reply sent again after the check: what the agent did about it goes with it
    const draftCheck = kind === 'reply' && seen ? { decision: seen.used ? ('use-instead' as const) : ('revised' as const), shown: seen.shown } : undefined;
    sending(kind, text);
    send.mutate({ kind, body: text, ...(draftCheck ? { draftCheck } : {}), ...(thenStatus ? { thenStatus } : {}), ...(kind === 'reply' ? collisionFields(override) : {}) });
  };
  const sendAnyway = () => {
    if (!canSend) return;
    sending('reply', text);
    send.mutate({ kind: 'reply', body: text, draftCheck: { decision: 'send-anyway', shown: seen?.shown ?? [] }, ...(statusAfter ? { thenStatus: statusAfter } : {}), ...collisionFields(override) });
  };
  /** At a hold: the agent has read what arrived; the draft stays for them to finish. */
  const readArrived = () => {
    if (!held) return;
    const ids = held.arrived.map((message) => message.messageId);
    seenUpTo.current = Math.max(seenUpTo.current ?? 0, ...ids);
    setHeld(null);
    onShowMessage(ids[0]!);
  };
  /** At a hold: send over what arrived (and through the draft check, if it has something to say, as before). */
  const sendOverArrived = () => {
    if (!held || !canSend) return;
    const upTo = Math.max(...held.arrived.map((message) => message.messageId));
    setOverride(upTo);
    const draftCheck = seen ? { decision: seen.used ? ('use-instead' as const) : ('revised' as const), shown: seen.shown } : undefined;
    sending('reply', text);
    send.mutate({ kind: 'reply', body: text, ...(draftCheck ? { draftCheck } : {}), ...(statusAfter ? { thenStatus: statusAfter } : {}), ...collisionFields(upTo) });
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
  useCommand('composer.sendAndPending', () => attemptSend('pending'), commandsEnabled);
  useCommand('composer.sendAndResolve', () => attemptSend('resolved'), commandsEnabled);

  // macros: filled from the conversation, inserted where the cursor is, in the draft being written
  const macros = useQuery({ queryKey: ['macros.list'], queryFn: () => client.call('macros.list', {}) });
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  const agentName = status.data?.currentUser?.name ?? null;
  const insertText = useCallback(
    (words: string, into: DraftKind) => {
      const area = textareaRef.current;
      setText((current) => {
        if (!area || !current) return words;
        const at = area.selectionStart ?? current.length;
        const before = current.slice(0, at);
        const gap = before && !/\s$/.test(before) ? ' ' : '';
        return `${before}${gap}${words}${current.slice(area.selectionEnd ?? at)}`;
      }, into);
      requestAnimationFrame(() => textareaRef.current?.focus());
    },
    [setText],
  );
  const insertMacro = useCallback(
    (macro: Macro) => insertText(fillMacro(macro.body, { customerName, agentName, subject, bodies }), kind),
    [customerName, agentName, subject, bodies, insertText, kind],
  );
  const macroActions = useMemo<PaletteAction[]>(
    () => (macros.data ?? []).map((macro) => ({ id: `macro-${macro.id}`, label: `Insert macro: ${macro.name}`, key: macro.shortcut, run: () => insertMacro(macro) })),
    [macros.data, insertMacro],
  );
  usePaletteActions(macroActions, commandsEnabled);

  const note = kind === 'note';
  const checking = !note && findings !== null && findings.length > 0;
  return (
    <Stack gap={6} p="sm" data-kind={kind} style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: note ? 'var(--mantine-color-yellow-0)' : undefined }}>
      {/* while the draft check is open it speaks for the coach: one panel at a time */}
      {!note && !checking && (
        <PaneBoundary what="The coach" compact resetKeys={[coach.prompts]}>
          <CoachPrompts
            prompts={coach.prompts}
            onInsert={(prompt) => {
              insertText(prompt.text, 'reply');
              coach.decide({ prompt, outcome: 'inserted' });
            }}
            onDismiss={(prompt) => coach.decide({ prompt, outcome: 'dismissed' })}
          />
        </PaneBoundary>
      )}
      <PaneBoundary what="The follow-up offers" compact resetKeys={[promises]}>
        <PromiseOffers promises={promises} onAdd={(found) => addFollowUp.mutate(found)} onSkip={(found) => setPromises((current) => current.filter((item) => item !== found))} />
      </PaneBoundary>
      {/* a narrow pane (side by side) puts the macros under the switch, and the switch's words give up their room (cut with an ellipsis) rather than run out of the pane */}
      <Group justify="space-between" gap="xs" style={{ rowGap: 4 }}>
        <SegmentedControl
          size="xs"
          maw="100%"
          styles={{ control: { flex: '1 1 auto', minWidth: 0 } }}
          aria-label="Write a"
          value={kind}
          onChange={(value) => startWriting(value as DraftKind)}
          data={[
            { value: 'reply', label: words.replyTab },
            { value: 'note', label: words.noteTab },
          ]}
        />
        <Group gap="xs">
          <MacroMenu macros={macros.data ?? []} onInsert={insertMacro} />
          {/* "already sent" stays until the agent types again, over an earlier save's "Draft saved" */}
          <Text size="xs" c="dimmed" aria-live="polite">
            {notice ?? (save.isPending ? 'Saving draft…' : save.data?.savedAt ? 'Draft saved' : '')}
          </Text>
        </Group>
      </Group>
      {(note ? words.noteHint : words.replyHint) && (
        <Text size="xs" c="dimmed" data-testid="composer-hint">
          {note ? words.noteHint : words.replyHint}
        </Text>
      )}
      <GrowingTextarea
        ref={textareaRef}
        aria-label={note ? words.noteLabel : words.replyLabel}
        placeholder={note ? words.notePlaceholder : words.replyPlaceholder}
        dir="auto"
        minRows={2}
        maxRows={12}
        maxLength={DRAFT_MAX_CHARS}
        value={text}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setNotice(null);
          setText(() => value, kind);
        }}
        onKeyDown={(event) => {
          // Escape leaves the field, so the single-key shortcuts work again
          if (event.key === 'Escape') {
            event.currentTarget.blur();
            return;
          }
          // Ctrl+Enter sends; with Shift or Alt it is one of the send-and-set-status keys (the keymap's)
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey) {
            event.preventDefault();
            attemptSend();
          }
        }}
        error={send.error?.message}
      />
      <MessageLength length={length} />
      {!note && held && (
        <PaneBoundary what="The held reply" compact resetKeys={[held]}>
          <CollisionBanner arrived={held.arrived} more={held.more} sending={send.isPending} onRead={readArrived} onSendAnyway={sendOverArrived} />
        </PaneBoundary>
      )}
      {checking && (
        <PaneBoundary what="The draft check" compact resetKeys={[findings]}>
          <DraftCheckPanel
            findings={findings}
            sending={send.isPending}
            onUse={(finding) => {
              setText((current) => applyFinding(current, finding), 'reply');
              setSeen((current) => ({ shown: current?.shown ?? [], used: true }));
              setFindings((current) => current?.filter((item) => item !== finding) ?? null);
            }}
            onSendAnyway={sendAnyway}
            onKeepEditing={() => {
              setFindings(null);
              textareaRef.current?.focus();
            }}
          />
        </PaneBoundary>
      )}
      {/* a narrow pane (side by side) puts Send under the tone rather than clip the tone's words */}
      <Group justify="space-between" wrap="wrap" gap="xs" style={{ rowGap: 4 }}>
        {note ? (
          <Text size="xs" c="dimmed">
            {words.noteFooter}
          </Text>
        ) : (
          <PaneBoundary what="The draft's tone" compact resetKeys={[tone.data]}>
            <DraftTone tone={toRead && tone.data ? tone.data : null} pending={tone.isFetching || readSoon} hasDraft={texts.reply.trim() !== ''} />
          </PaneBoundary>
        )}
        <div style={{ marginLeft: 'auto' }}>
          <SendButton label={note ? 'Add note' : 'Send'} onSend={attemptSend} loading={send.isPending} disabled={!text.trim() || tooLong} />
        </div>
      </Group>
    </Stack>
  );
}
