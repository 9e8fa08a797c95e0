// @vitest-environment jsdom
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageThread } from '../../../../renderer/src/features/conversation/MessageThread';
import type { Message } from '../../../../shared/contract/domain';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

/** The thread's box (600 px unless a test changes it). */
let threadHeight = 600;

// jsdom lays nothing out: the thread is 600 px high, each message 60 px
beforeAll(() => {
  const height = (element: Element) => (element.getAttribute('role') === 'log' ? threadHeight : element.hasAttribute('data-index') ? 60 : 0);
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get(this: HTMLElement) { return height(this); } });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get(this: HTMLElement) { return height(this); } });
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return { x: 0, y: 0, top: 0, left: 0, right: 800, bottom: height(this), width: 800, height: height(this), toJSON: () => ({}) } as DOMRect;
  };
});

const T0 = Date.UTC(2026, 0, 5, 9);

function chat(count: number): Message[] {
  return Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    conversationId: 7,
    author: index % 2 ? 'agent' : 'customer',
    authorName: index % 2 ? 'Hannah' : 'Priya',
    body: `Message number ${index + 1} of the long chat`,
    sentAt: T0 + index * 10 * 60_000,
    meta: {},
    html: null,
    reading: null,
  }));
}

/** Every message drawn at any moment, from the first commit on. */
async function drawnWhileOpening(messages: Message[], focusMessageId: number | null): Promise<Set<number>> {
  const drawn = new Set<number>();
  const host = document.createElement('div');
  document.body.append(host);
  const noteIn = (root: ParentNode) => root.querySelectorAll('[data-message-id]').forEach((element) => drawn.add(Number(element.getAttribute('data-message-id'))));
  const note = () => noteIn(host);
  // (each record's added nodes: a row drawn and taken away again within one act still counts)
  const observer = new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) => node instanceof Element && noteIn(node.parentElement ?? node))));
  observer.observe(host, { childList: true, subtree: true });
  await act(async () => {
    renderWithMantine(
      <div style={{ height: 600, display: 'flex', flexDirection: 'column' }}>
        <MessageThread messages={messages} channel="chat" focusMessageId={focusMessageId} />
      </div>,
      { container: host },
    );
  });
  note();
  observer.disconnect();
  return drawn;
}

describe('opening a long thread', () => {
  it('draws its newest messages first, never the oldest of the page on the way there', async () => {
    const drawn = await drawnWhileOpening(chat(100), null);
    expect(drawn.has(100)).toBe(true);
    expect(drawn.has(1)).toBe(false);
  });

  it('opened at a message far back, draws that message, not the page’s first', async () => {
    const drawn = await drawnWhileOpening(chat(100), 60);
    expect(drawn.has(60)).toBe(true);
    expect(drawn.has(1)).toBe(false);
  });
});

describe('the thread’s box getting shorter', () => {
  const watched: { target: Element; callback: ResizeObserverCallback }[] = [];
  const Native = globalThis.ResizeObserver;
  beforeAll(() => {
    // the thread's scrolled content: 100 messages of 60 px
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get(this: HTMLElement) { return this.getAttribute('role') === 'log' ? 6000 : 0; } });
  });
  afterEach(() => {
    globalThis.ResizeObserver = Native;
    watched.length = 0;
    threadHeight = 600;
  });

  async function openThenShrink(scrolledTo: (log: HTMLElement) => number): Promise<HTMLElement> {
    globalThis.ResizeObserver = class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        watched.push({ target, callback: this.callback });
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => {
      renderWithMantine(<MessageThread messages={chat(100)} channel="chat" focusMessageId={null} />, { container: host });
    });
    const log = host.querySelector<HTMLElement>('[role="log"]')!;
    log.scrollTop = scrolledTo(log);
    // the reply box appears below the thread: its box is 200 px shorter
    threadHeight = 400;
    await act(async () => {
      for (const { target, callback } of watched) if (target === log) callback([], {} as ResizeObserver);
    });
    return log;
  }

  it('keeps the newest message in view for a reader at the end (the reply box comes a render after the messages)', async () => {
    const log = await openThenShrink((element) => element.scrollHeight - 600);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThanOrEqual(0);
  });

  it('leaves a reader further up where they were', async () => {
    const log = await openThenShrink(() => 1200);
    expect(log.scrollTop).toBe(1200);
  });
});
