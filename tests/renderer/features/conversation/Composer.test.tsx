// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useClient } from '../../../../renderer/src/api/ClientContext';
import { queryKeys } from '../../../../renderer/src/app/queryKeys';
import { Composer } from '../../../../renderer/src/features/conversation/Composer';
import type { ConversationDetail, Message, User } from '../../../../shared/contract/domain';
import type { MethodInput, MethodOutput } from '../../../../shared/contract/methods';
import type { SendResult } from '../../../../shared/contract/send';
import { missingParcel, workspaceStatusFor } from '../../../helpers/consoleFixtures';
import { renderWithMantine } from '../../../helpers/renderWithMantine';
import { fakeClient, withClient } from '../customer/fakeClient';

afterEach(cleanup);

const aisha: User = { id: 1, name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' };
const status = workspaceStatusFor(aisha);
const summary = missingParcel;
const message = (id: number, body: string): Message => ({ id, conversationId: 70, author: 'agent', authorName: aisha.name, body, html: null, sentAt: id, meta: {}, reading: null });

/**
 * The host's side of one conversation and Aisha's reply draft in it, as drafts.save and
 * conversations.send keep it: a save naming an older send than the draft's last is refused.
 */
function host(saved: string | null = null) {
  const state = { draft: saved, sentAs: null as number | null, messages: [message(1, 'Where is my parcel?')], nextId: 600 };
  /** Held answers: what the host has done is done, the answer waits. */
  const held: { send: Promise<void> | null; reread: Promise<void> | null } = { send: null, reread: null };
  let reads = 0;
  const sendElsewhere = (body: string) => {
    const sent = message(state.nextId++, body);
    state.messages.push(sent);
    state.sentAs = sent.id;
    state.draft = null;
    return sent;
  };
  const fake = fakeClient({
    'workspace.status': () => status,
    'macros.list': () => [],
    'coach.prompts': () => [],
    'conversations.get': async () => {
      if (reads++ > 0 && held.reread) await held.reread;
      return {
        conversation: summary, customer: { id: 7, displayName: 'Sam Carter', createdAt: 0, identities: [] }, messages: [...state.messages], olderCount: 0, newerCount: 0,
        draft: state.draft === null ? null : { kind: 'reply', body: state.draft, savedAt: 1 }, drafts: { reply: state.draft === null ? null : { kind: 'reply', body: state.draft, savedAt: 1 }, note: null },
        draftsSentAs: { reply: state.sentAs, note: null }, activeCallStartedAt: null,
      } satisfies ConversationDetail;
    },
    'drafts.save': (input: MethodInput<'drafts.save'>): MethodOutput<'drafts.save'> => {
      if (input.afterSent !== undefined && state.sentAs !== null && state.sentAs > (input.afterSent ?? 0)) return { savedAt: null, sentAs: state.sentAs };
      state.draft = input.body.trim() === '' ? null : input.body;
      return { savedAt: 2 };
    },
    'conversations.send': async (input: MethodInput<'conversations.send'>): Promise<SendResult> => {
      const sent = sendElsewhere(input.body);
      if (held.send) await held.send;
      return { outcome: 'sent', message: sent, conversation: summary, promises: [], prompts: [] };
    },
  });
  /** Another window sent `body`: the host tells this one (message.added), and it reads the conversation again. */
  const sentInAnotherWindow = (body: string) => {
    const sent = sendElsewhere(body);
    fake.emit('message.added', { messageId: sent.id, conversationId: 70, customerId: 7, channel: 'chat', author: 'agent', sentAt: sent.sentAt });
    return sent;
  };
  return { ...fake, state, held, sendElsewhere, sentInAnotherWindow };
}

/** The conversation opened as the console opens it: its composer given the drafts and their last sends. */
function Opened() {
  const client = useClient();
  const detail = useQuery({ queryKey: queryKeys.conversation(70), queryFn: () => client.call('conversations.get', { id: 70 }) });
  if (!detail.data) return null;
  const { drafts, draftsSentAs, draft, messages } = detail.data;
  return (
    <>
    <span data-testid="thread-newest">{messages.at(-1)?.id}</span>
    <Composer conversationId={70} customerId={7} customerName="Sam Carter" channel="chat" savedDrafts={drafts} sentAs={draftsSentAs} lastKind={draft?.kind ?? null}
      subject="Missing parcel" bodies={[]} newestMessageId={messages.at(-1)?.id ?? null} onShowMessage={() => undefined} />
    </>
  );
}

/**
 * Another conversation opened: this one's cached copy stays, not read by anything on screen. How often
 * that copy has been written since (read from the host, or a draft remembered in it) is shown.
 */
function Elsewhere() {
  const queryClient = useQueryClient();
  const [writes, setWrites] = useState(0);
  useEffect(
    () => queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && event.query.queryKey[1] === 70) setWrites((count) => count + 1);
    }),
    [queryClient],
  );
  return <p data-testid="cache-writes">{writes}</p>;
}

/** The composer as the console holds it: there until `leaving` resolves (another conversation opened), under the same cache. */
function Leavable({ leaving }: { leaving: Promise<void> }) {
  const [left, setLeft] = useState(false);
  useEffect(() => void leaving.then(() => setLeft(true)), [leaving]);
  return left ? <Elsewhere /> : <Opened />;
}

const open = (fake: ReturnType<typeof host>) => renderWithMantine(withClient(fake.client, <Opened />));
/** Opened as `open` does; `leave()` takes the composer away (another conversation opened), its cache kept. */
function openLeavable(fake: ReturnType<typeof host>) {
  const leaving = gate();
  renderWithMantine(withClient(fake.client, <Leavable leaving={leaving.promise} />));
  return { leave: leaving.release };
}
const box = () => screen.findByRole('textbox', { name: /reply/i });
const type = async (text: string) => fireEvent.change(await box(), { target: { value: text } });
/** Resolvable from the test: an answer the host holds back until then. */
/**
 * What the composer does after the 500 ms typing pause (save, refusal, re-read, save again) is waited
 * for as long as a loaded machine may take, not Testing Library's default second.
 */
const SETTLED = { timeout: 15_000 };

function gate() {
  let release = () => undefined as void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

/** A draft written and saved, then sent: the host has sent it (message 600), its answer held back until `answer.release()`. */
async function sendHeldBack() {
  const fake = host();
  open(fake);
  await type('Hi Sam, it left the depot today.');
  await waitFor(() => expect(fake.state.draft).toBe('Hi Sam, it left the depot today.'), SETTLED);
  const answer = gate();
  fake.held.send = answer.promise;
  fireEvent.keyDown(await box(), { key: 'Enter', ctrlKey: true });
  await waitFor(() => expect(fake.state.sentAs).toBe(600), SETTLED);
  return { fake, answer };
}

describe('the composer and a draft sent meanwhile', () => {
  it('keeps what is typed while Send is on its way: the late save is refused, then saved again naming the sent message', async () => {
    const { fake, answer } = await sendHeldBack();
    // the host has sent it; its answer is still on the way while the agent writes on
    await type('Hi Sam, it left the depot today. And the tracking link is in your e-mail.');
    await waitFor(() => expect(fake.callsOf('drafts.save').some((save) => save.afterSent === 600)).toBe(true), SETTLED);
    answer.release();
    await waitFor(() => expect(fake.state.draft).toBe('Hi Sam, it left the depot today. And the tracking link is in your e-mail.'), SETTLED);
    expect(await box()).toHaveProperty('value', 'Hi Sam, it left the depot today. And the tracking link is in your e-mail.');
    expect(fake.callsOf('drafts.save').at(-1)).toMatchObject({ afterSent: 600 });
    await screen.findByText('Draft saved', {}, SETTLED);
  });

  it('a save refused as sent from another window is not shown as saved, and what was typed is saved as the next draft', async () => {
    const fake = host('Hi Sam,');
    open(fake);
    await box();
    fake.sendElsewhere('Hi Sam, sorted from the pop-out.');
    const reread = gate();
    fake.held.reread = reread.promise;
    await type('Hi Sam, one more thing: the refund is on its way.');
    // refused: while the conversation is read again, nothing says the draft was saved
    await waitFor(() => expect(fake.callsOf('drafts.save')).toHaveLength(1), SETTLED);
    await waitFor(() => expect(fake.callsOf('conversations.get').length).toBeGreaterThan(1), SETTLED);
    expect(screen.queryByText('Draft saved')).toBeNull();
    expect(fake.state.draft).toBeNull();
    reread.release();
    await waitFor(() => expect(fake.state.draft).toBe('Hi Sam, one more thing: the refund is on its way.'), SETTLED);
    expect(fake.callsOf('drafts.save').at(-1)).toMatchObject({ afterSent: 600, body: 'Hi Sam, one more thing: the refund is on its way.' });
    await screen.findByText('Draft saved', {}, SETTLED);
    expect(await box()).toHaveProperty('value', 'Hi Sam, one more thing: the refund is on its way.');
  });

  it('a box holding exactly what another window sent is not saved back: it is cleared, and the agent told', async () => {
    const fake = host('Thanks Sam,');
    open(fake);
    await box();
    fake.sendElsewhere('Thanks Sam, all sorted.');
    await type('Thanks Sam, all sorted.');
    await screen.findByText(/already sent/, {}, SETTLED);
    expect(await box()).toHaveProperty('value', '');
    expect(fake.callsOf('drafts.save')).toHaveLength(1);
    expect(fake.state.draft).toBeNull();
    expect(screen.queryByText('Draft saved')).toBeNull();
  });

  it('a second window told of the send clears its box when it holds exactly the text that went, and says so', async () => {
    const fake = host('Thanks Sam,');
    open(fake);
    // written here (and saved), then sent from the other window, where it shows too
    await type('Thanks Sam, all sorted.');
    await screen.findByText('Draft saved', {}, SETTLED);
    fake.sentInAnotherWindow('Thanks Sam, all sorted.');
    await screen.findByText(/already sent/, {}, SETTLED);
    expect(await box()).toHaveProperty('value', '');
    expect(fake.state.draft).toBeNull();
    expect(fake.callsOf('drafts.save')).toHaveLength(1);
  });

  it('a second window told of the send clears the draft the send used up, so it does not come back as a draft', async () => {
    const fake = host('Thanks Sam,');
    open(fake);
    // the host's draft, shown here untouched; the other window took it on and sent it
    expect(await box()).toHaveProperty('value', 'Thanks Sam,');
    fake.sentInAnotherWindow('Thanks Sam, all sorted from the pop-out.');
    await screen.findByText(/sent from another window/, {}, SETTLED);
    expect(await box()).toHaveProperty('value', '');
    expect(fake.state.draft).toBeNull();
    expect(fake.callsOf('drafts.save')).toHaveLength(0);
  });

  it('a second window told of the send keeps what was typed there since as the next draft', async () => {
    const fake = host('Thanks Sam,');
    open(fake);
    // typed here and not yet saved (typing has not paused) when the other window sends
    await type('Thanks Sam, one more thing');
    fake.sentInAnotherWindow('Thanks Sam, all sorted from the pop-out.');
    // the send emptied the host's draft: what this box holds is saved again, after the send
    await waitFor(() => expect(fake.state.draft).toBe('Thanks Sam, one more thing'), SETTLED);
    expect(fake.callsOf('drafts.save').at(-1)).toMatchObject({ afterSent: 600, body: 'Thanks Sam, one more thing' });
    expect(await box()).toHaveProperty('value', 'Thanks Sam, one more thing');
    expect(screen.queryByText(/already sent|sent from another window/)).toBeNull();
  });

  it('its own Send, told of before it is answered, is not taken for one from another window', async () => {
    const { fake, answer } = await sendHeldBack();
    // the host announces the message before this window has its answer: the conversation is read again
    fake.emit('message.added', { messageId: 600, conversationId: 70, customerId: 7, channel: 'chat', author: 'agent', sentAt: 600 });
    await waitFor(() => expect(screen.getByTestId('thread-newest').textContent).toBe('600'), SETTLED);
    answer.release();
    await waitFor(async () => expect(await box()).toHaveProperty('value', ''), SETTLED);
    expect(screen.queryByText(/already sent/)).toBeNull();
    expect(fake.state.draft).toBeNull();
  });
});

describe('the composer left before typing paused', () => {
  /** The draft `saved` is sent from another window as `sent`; here, not told yet, `typed` is typed and the conversation left at once. */
  async function typeAndLeave(saved: string, sent: string, typed: string) {
    const fake = host(saved);
    const view = openLeavable(fake);
    await box();
    fake.sendElsewhere(sent);
    await type(typed);
    view.leave();
    await screen.findByTestId('cache-writes');
    return fake;
  }

  it('saves what was typed as the next draft when the flush on leaving is refused as sent from another window', async () => {
    const fake = await typeAndLeave('Hi Sam,', 'Hi Sam, sorted from the pop-out.', 'Hi Sam, and the refund is on its way.');
    await waitFor(() => expect(fake.state.draft).toBe('Hi Sam, and the refund is on its way.'), SETTLED);
    expect(fake.callsOf('drafts.save').at(-1)).toMatchObject({ afterSent: 600, body: 'Hi Sam, and the refund is on its way.' });
  });

  it('does not save the sent text back when the box left held exactly it', async () => {
    const fake = await typeAndLeave('Thanks Sam,', 'Thanks Sam, all sorted.', 'Thanks Sam, all sorted.');
    // the save refused, the copy is written when it is read again and when the box is settled: the sent
    // message found, nothing is saved after it
    await waitFor(() => expect(screen.getByTestId('cache-writes').textContent).toBe('2'), SETTLED);
    expect(fake.callsOf('conversations.get')).toHaveLength(2);
    expect(fake.callsOf('drafts.save')).toHaveLength(1);
    expect(fake.state.draft).toBeNull();
  });
});
