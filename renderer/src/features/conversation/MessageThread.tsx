import { useVirtualizer } from '@tanstack/react-virtual';
import { Button } from '@mantine/core';
import { useEffect, useEffectEvent, useLayoutEffect, useRef } from 'react';
import type { Channel, Message } from '../../../../shared/contract/domain';
import { MessageItem } from './MessageItem';
import classes from './ConversationView.module.css';
import { PaneBoundary } from '../../lib/PaneBoundary';

interface Props {
  messages: Message[];
  channel: Channel;
  /** Scroll to and highlight this message; otherwise start at the newest. */
  focusMessageId: number | null;
  /** How many earlier messages are not loaded yet; they load as the reader nears the top. */
  olderCount?: number;
  loadingOlder?: boolean;
  onLoadOlder?: () => void;
  /** Opened at a message far back: how many newer messages follow the stretch shown. */
  newerCount?: number;
  /** Goes to the newest messages (the conversation opened at its end). */
  onShowNewest?: () => void;
  /** Scroll to and highlight this message once it is in the thread (each request its own `nonce`), e.g. "Read it" at a held reply. */
  reveal?: { messageId: number; nonce: number } | null;
}

/** Within this of the end of the thread, the reader is reading the newest messages. */
const AT_END_PX = 64;

/** Chat messages of one author closer together than this read as one run, under one name. */
const RUN_GAP_MS = 5 * 60_000;

/** Whether a chat message continues the run of the one before it (same author, same name, soon after). */
function continuesRun(message: Message, before: Message | undefined, channel: Channel): boolean {
  if (channel !== 'chat' || !before) return false;
  if (message.author !== 'customer' && message.author !== 'agent') return false;
  return before.author === message.author && before.authorName === message.authorName && message.sentAt - before.sentAt < RUN_GAP_MS;
}

function estimate(message: Message, channel: Channel, grouped: boolean): number {
  if (message.author === 'system') return 28;
  if (channel === 'email' && message.author !== 'note') return 120 + Math.min(600, message.body.length / 3);
  if (channel === 'chat' && message.author !== 'note') return (grouped ? 34 : 52) + Math.min(160, message.body.length / 5);
  return 56 + Math.min(200, message.body.length / 4);
}

/**
 * Where the thread opens, by the rows' estimated heights: the focused message in the middle of a
 * window-high view, or the newest at its bottom. The first render draws the rows there, so the
 * oldest rows of the page are never drawn, measured and thrown away before the thread moves to its end.
 */
function openingOffset(messages: Message[], channel: Channel, focusIndex: number, paddingStart: number, viewHeight: number): number {
  const until = focusIndex >= 0 ? focusIndex : messages.length;
  let offset = paddingStart;
  for (let index = 0; index < until; index++) offset += estimate(messages[index]!, channel, continuesRun(messages[index]!, messages[index - 1], channel));
  return Math.max(0, focusIndex >= 0 ? offset - viewHeight / 2 : offset - viewHeight);
}

/**
 * The messages of one conversation, rendered only where they can be seen, so a thread of
 * thousands opens as fast as one of twenty. Each row is measured once it is drawn.
 */
export function MessageThread({ messages, channel, focusMessageId, olderCount = 0, loadingOlder = false, onLoadOlder, newerCount = 0, onShowNewest, reveal = null }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusIndex = () => (focusMessageId !== null ? messages.findIndex((message) => message.id === focusMessageId) : -1);
  const paddingStart = olderCount > 0 ? 48 : 16;
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimate(messages[index]!, channel, continuesRun(messages[index]!, messages[index - 1], channel)),
    getItemKey: (index) => messages[index]!.id,
    overscan: 3,
    paddingStart,
    paddingEnd: newerCount > 0 ? 64 : 32,
    // until the thread's own box is known (in the same commit), the window's height stands for it
    initialRect: { width: 0, height: window.innerHeight },
    initialOffset: () => openingOffset(messages, channel, focusIndex(), paddingStart, window.innerHeight),
  });

  // open at the focused message, or at the newest
  const conversationId = messages[0]?.conversationId;
  // (only when the conversation or the focus changes: messages arriving later must not move the reader)
  // before the first paint: the thread is never shown at another place first
  const openAtFocus = useEffectEvent(() => {
    const index = focusIndex();
    virtualizer.scrollToIndex(index >= 0 ? index : messages.length - 1, { align: index >= 0 ? 'center' : 'end' });
  });
  useLayoutEffect(() => openAtFocus(), [conversationId, focusMessageId]);

  // a new message at the end (a reply sent, a customer writing) comes into view if the reader was near
  // the end; earlier messages added at the top are not new ones
  const lastId = useRef(messages[messages.length - 1]?.id);
  useEffect(() => {
    const element = scrollRef.current;
    const last = messages[messages.length - 1];
    const grew = last !== undefined && lastId.current !== undefined && last.id !== lastId.current && last.conversationId === conversationId;
    lastId.current = last?.id;
    if (!grew || !element) return;
    const nearEnd = element.scrollHeight - element.scrollTop - element.clientHeight < 400;
    if (nearEnd || last.author !== 'customer') virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages, virtualizer, conversationId]);

  // a reader at the end stays there when the thread's box gets shorter (the reply box appearing
  // below it a render after the messages, or growing with its text): the newest message stays in view
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      const was = height;
      height = element.clientHeight;
      if (height < was && element.scrollHeight - element.scrollTop - was < AT_END_PX) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // a message asked for (once it is here: it may still be on its way to this console)
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal.nonce) return;
    const index = messages.findIndex((message) => message.id === reveal.messageId);
    if (index < 0) return;
    revealed.current = reveal.nonce;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [reveal, messages, virtualizer]);

  // earlier messages added above: keep what the reader was looking at in place (by the height they added)
  const totalSize = virtualizer.getTotalSize();
  const previous = useRef({ conversationId, firstId: messages[0]?.id, total: totalSize });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const was = previous.current;
    const firstId = messages[0]?.id;
    previous.current = { conversationId, firstId, total: totalSize };
    if (!element || was.conversationId !== conversationId || firstId === was.firstId) return;
    if (messages.some((message) => message.id === was.firstId)) element.scrollTop += totalSize - was.total;
  }, [messages, conversationId, totalSize]);

  // scrolled near the top with more further back: read the next page
  const onScroll = () => {
    const element = scrollRef.current;
    if (element && olderCount > 0 && !loadingOlder && element.scrollTop < 800) onLoadOlder?.();
  };

  return (
    <div ref={scrollRef} onScroll={onScroll} className={classes.thread} data-channel={channel} role="log" aria-label="Messages" tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {newerCount > 0 && (
          <div className={classes.newer}>
            <Button variant="light" size="compact-xs" onClick={onShowNewest}>
              {newerCount.toLocaleString()} newer message{newerCount === 1 ? '' : 's'} — go to the newest
            </Button>
          </div>
        )}
        {olderCount > 0 && (
          <div className={classes.older}>
            <Button variant="subtle" size="compact-xs" onClick={onLoadOlder} loading={loadingOlder}>
              Show earlier messages ({olderCount.toLocaleString()} more)
            </Button>
          </div>
        )}
        {virtualizer.getVirtualItems().map((row) => {
          const message = messages[row.index]!;
          const grouped = continuesRun(message, messages[row.index - 1], channel);
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={classes.row}
              data-bubble={(channel === 'chat' && message.author !== 'note' && message.author !== 'system') || undefined}
              data-grouped={grouped || undefined}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <PaneBoundary what="This message" compact resetKeys={[message]}>
                <MessageItem message={message} channel={channel} focused={message.id === focusMessageId || message.id === reveal?.messageId} grouped={grouped} />
              </PaneBoundary>
            </div>
          );
        })}
      </div>
    </div>
  );
}
