/**
 * The measurements made in the page: opening a conversation, searching, scrolling the queue.
 * Timestamps come from the probe (probe.ts) on the page's own clock; the Chrome DevTools Protocol
 * adds the main thread's script / style / layout time over the same span.
 */
import type { CDPSession, Locator, Page } from '@playwright/test';
import { sleep, withTimeout } from './stats';
import { watchCpu, type CpuUse } from './cpuUse';
import { watchWire, type WireTimes } from './wireTimes';
import type { CallTiming } from '../../../electron/web/socketSession';

interface CallRecord {
  id: number;
  method: string;
  input: unknown;
  sentAt: number;
  recvAt: number | null;
  bytes: number;
}
interface ParseRecord {
  at: number;
  ms: number;
  bytes: number;
}
export interface TaskRecord {
  start: number;
  duration: number;
}
export interface LoafRecord extends TaskRecord {
  blocking: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { invoker: string; duration: number; forcedStyleAndLayout: number }[];
}
interface WindowRecord {
  calls: CallRecord[];
  parses: ParseRecord[];
  longTasks: TaskRecord[];
  loafs: LoafRecord[];
}
interface OpenRecord {
  subject: string;
  clickAt: number;
  clickHandledAt: number;
  domAt: number;
  rafAt: number;
  paintAt: number;
  bottomAt: number | null;
  messagesInDom: number;
  domNodes: number;
}
interface SearchRecord {
  query: string;
  inputAt: number | null;
  callId: number | null;
  sentAt: number | null;
  recvAt: number | null;
  domAt: number;
  paintAt: number;
  header: string;
  hits: number;
}

export const CONVERSATIONS_REGION = '[role="region"][aria-label="Conversations"]';

export interface MainThreadTime {
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  taskMs: number;
}

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((metric) => [metric.name, metric.value]));
}

function mainThreadBetween(before: Map<string, number>, after: Map<string, number>): MainThreadTime {
  const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
  return { scriptMs: delta('ScriptDuration'), styleMs: delta('RecalcStyleDuration'), layoutMs: delta('LayoutDuration'), taskMs: delta('TaskDuration') };
}

const wires = new WeakMap<CDPSession, WireTimes>();

export async function enableMetrics(cdp: CDPSession): Promise<void> {
  await cdp.send('Performance.enable');
  wires.set(cdp, await watchWire(cdp));
}

/** The host's part of a call's round trip (see wireTimes.ts), NaN when it was not seen. */
function hostMs(cdp: CDPSession | undefined, id: number | null | undefined): number {
  const wire = cdp && wires.get(cdp);
  return wire && id !== null && id !== undefined ? wire.hostMs(id) : Number.NaN;
}

/** Two frames and a little quiet, so a measurement does not start in the middle of other work. */
export async function settle(page: Page, quietMs = 150): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await sleep(quietMs);
}

/** Waits until the backlog reports progress (the host has queued it), at most `timeoutMs`. */
export async function waitForBacklog(page: Page, timeoutMs: number): Promise<{ done: number; total: number } | null> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const progress = (await page.evaluate('window.__kb && window.__kb.progress')) as { done: number; total: number } | null;
    if (progress) return progress;
    await sleep(200);
  }
  return null;
}

export async function backlogProgress(page: Page): Promise<{ done: number; total: number } | null> {
  return (await page.evaluate('window.__kb && window.__kb.progress')) as { done: number; total: number } | null;
}

export interface OpenResult {
  subject: string;
  /** click → the frame after the first message of the conversation is in the DOM */
  firstPaintMs: number;
  /** click → the frame in which the thread shows its newest message (scrolled to the end) */
  newestMs: number | null;
  clickToRequestMs: number;
  /** first request sent → the result frame the console rendered arrived (includes repeated fetches) */
  requestToResponseMs: number;
  /** … of which between the request frame leaving the browser and the result frame arriving (the host's part) */
  hostMs: number;
  /** the frame id of the call whose answer was rendered (null if none was) */
  callId: number | null;
  /** where that call's time went in the host (filled in by the bench from the host's trace) */
  inHost: CallTiming | null;
  parseMs: number;
  /** result frame (parsed) → conversation in the DOM: React rendering and committing */
  responseToDomMs: number;
  /** DOM → painted: style, layout, paint */
  domToPaintMs: number;
  bytes: number;
  /** conversations.get calls for it between the click and the first paint */
  fetchesBeforePaint: number;
  /** … and in the `afterMs` that followed (NaN without one) */
  fetchesAfter: number;
  messagesInDom: number;
  domNodes: number;
  longestTaskMs: number;
  longestTaskAfterMs: number;
  mainThread: MainThreadTime;
}

/** Clicks `target` (a row or a search hit) and measures until the conversation `subject` is painted. */
export async function measureOpen(
  page: Page,
  cdp: CDPSession,
  target: Locator,
  subject: string,
  options: { timeoutMs: number; afterMs?: number },
): Promise<OpenResult> {
  await target.waitFor({ state: 'visible', timeout: options.timeoutMs });
  await settle(page);
  const before = await metrics(cdp);
  await page.evaluate(`window.__kb.armOpen(${JSON.stringify(subject)})`);
  await target.click({ timeout: options.timeoutMs });
  await withTimeout(page.evaluate('window.__kb.open.done.then(() => true)'), options.timeoutMs, `opening "${subject}"`);
  const after = await metrics(cdp);
  if (options.afterMs) await sleep(options.afterMs);
  const data = (await page.evaluate(`(() => {
    const kb = window.__kb;
    const open = kb.strip(kb.open);
    return { open, until: kb.window(open.clickAt, open.paintAt), later: kb.window(open.paintAt, performance.now()) };
  })()`)) as { open: OpenRecord; until: WindowRecord; later: WindowRecord };
  const { open, until, later } = data;
  const gets = until.calls.filter((call) => call.method === 'conversations.get');
  const answered = gets.filter((call) => call.recvAt !== null && call.recvAt <= open.domAt);
  const used = answered.sort((a, b) => b.recvAt! - a.recvAt!)[0];
  const firstSent = gets.length ? Math.min(...gets.map((call) => call.sentAt)) : open.clickAt;
  const parse = used ? until.parses.find((entry) => entry.bytes === used.bytes && entry.at >= used.recvAt! - 1) : undefined;
  const parseMs = parse?.ms ?? 0;
  return {
    subject,
    firstPaintMs: open.paintAt - open.clickAt,
    newestMs: open.bottomAt !== null ? open.bottomAt - open.clickAt : null,
    clickToRequestMs: used ? firstSent - open.clickAt : Number.NaN,
    requestToResponseMs: used ? used.recvAt! - firstSent : Number.NaN,
    hostMs: hostMs(cdp, used?.id),
    callId: used?.id ?? null,
    inHost: null,
    parseMs,
    responseToDomMs: used ? open.domAt - used.recvAt! - parseMs : Number.NaN,
    domToPaintMs: open.paintAt - open.domAt,
    bytes: used?.bytes ?? 0,
    fetchesBeforePaint: gets.length,
    fetchesAfter: options.afterMs ? later.calls.filter((call) => call.method === 'conversations.get').length : Number.NaN,
    messagesInDom: open.messagesInDom,
    domNodes: open.domNodes,
    longestTaskMs: Math.max(0, ...until.longTasks.map((task) => task.duration)),
    longestTaskAfterMs: options.afterMs ? Math.max(0, ...later.longTasks.map((task) => task.duration)) : Number.NaN,
    mainThread: mainThreadBetween(before, after),
  };
}

/** Scrolls the queue until the row with `subject` is on screen (the list is virtualised). */
export async function revealRow(page: Page, subject: string, timeoutMs: number): Promise<Locator> {
  const row = page.getByTestId('conversation-row').filter({ hasText: subject }).first();
  const inView = async () =>
    (await page.evaluate(`(() => {
      const list = document.querySelector('${CONVERSATIONS_REGION}');
      if (!list) return false;
      const view = list.getBoundingClientRect();
      return [...list.querySelectorAll('[data-testid="conversation-row"]')].some((element) => {
        if (!element.textContent.includes(${JSON.stringify(subject)})) return false;
        const box = element.getBoundingClientRect();
        return box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
      });
    })()`)) as boolean;
  const until = performance.now() + timeoutMs;
  // the known conversations are near the top: start there, then go down half a screen at a time
  await page.evaluate(`document.querySelector('${CONVERSATIONS_REGION}').scrollTop = 0`);
  await settle(page, 100);
  while (performance.now() < until) {
    if (await inView()) {
      // the virtual list renders after a scroll: make sure the row is still there once it has
      await settle(page, 100);
      if (await inView()) return row;
    }
    await page.evaluate(`(() => { const list = document.querySelector('${CONVERSATIONS_REGION}'); list.scrollTop += list.clientHeight / 2; })()`);
    await settle(page, 100);
  }
  throw new Error(`the queue never showed "${subject}"`);
}

export interface SearchResult {
  query: string;
  hits: number;
  header: string;
  /** tookMs the api reported, as shown in the results header */
  serverMs: number;
  /** last input event → hits painted (includes the console's 200 ms debounce) */
  keystrokeToPaintMs: number;
  /** request sent (after the debounce) → hits painted */
  requestToPaintMs: number;
  /** request sent → result frame arrived */
  roundTripMs: number;
  /** … of which between the request frame leaving the browser and the result frame arriving (the host's part) */
  hostMs: number;
  /** the search call's frame id */
  callId: number | null;
  /** where that call's time went in the host (filled in by the bench from the host's trace) */
  inHost: CallTiming | null;
  /** result frame → hits painted */
  renderMs: number;
  bytes: number;
  longestTaskMs: number;
}

export async function measureSearch(page: Page, query: string, timeoutMs: number, cdp?: CDPSession): Promise<SearchResult> {
  const box = page.getByRole('textbox', { name: 'Search all messages' });
  await box.fill('');
  await page.locator(CONVERSATIONS_REGION).waitFor({ state: 'visible', timeout: timeoutMs });
  await settle(page, 300);
  await page.evaluate(`window.__kb.armSearch(${JSON.stringify(query)})`);
  await box.pressSequentially(query, { delay: 40 });
  await withTimeout(page.evaluate('window.__kb.search.done.then(() => true)'), timeoutMs, `searching for ${query}`);
  const data = (await page.evaluate(`(() => {
    const kb = window.__kb;
    const search = kb.strip(kb.search);
    return { search, calls: kb.window(search.sentAt, search.paintAt) };
  })()`)) as { search: SearchRecord; calls: WindowRecord };
  const { search, calls } = data;
  const call = calls.calls.find((entry) => entry.id === search.callId);
  const took = /·\s*([\d.,]+)\s*ms/.exec(search.header);
  return {
    query,
    hits: search.hits,
    header: search.header,
    serverMs: took ? Number(took[1]!.replace(/,/g, '')) : Number.NaN,
    keystrokeToPaintMs: search.inputAt !== null ? search.paintAt - search.inputAt : Number.NaN,
    requestToPaintMs: search.sentAt !== null ? search.paintAt - search.sentAt : Number.NaN,
    roundTripMs: search.sentAt !== null && search.recvAt !== null ? search.recvAt - search.sentAt : Number.NaN,
    hostMs: hostMs(cdp, search.callId),
    callId: search.callId,
    inHost: null,
    renderMs: search.recvAt !== null ? search.paintAt - search.recvAt : Number.NaN,
    bytes: call?.bytes ?? 0,
    longestTaskMs: Math.max(0, ...calls.longTasks.map((task) => task.duration)),
  };
}

export interface ScrollResult {
  durationMs: number;
  wheelEvents: number;
  scrolledPx: number;
  frames: number;
  expectedFrames: number;
  droppedFrames: number;
  /** frames that took longer than 1.5 × 16.7 ms */
  slowFrames: number;
  longestFrameMs: number;
  idleFps: number;
  longTasks: TaskRecord[];
  /** the longest animation frames, longest first */
  longestLoafs: LoafRecord[];
  mainThread: MainThreadTime;
  cpu: CpuUse;
}

/** Wheels steadily down the queue for `durationMs` (`stepPx` every 16.7 ms) and counts frames. */
export async function measureScroll(page: Page, cdp: CDPSession, durationMs: number, stepPx: number, hostPid: number | undefined): Promise<ScrollResult> {
  const list = page.locator(CONVERSATIONS_REGION);
  await list.waitFor({ state: 'visible' });
  await page.evaluate(`document.querySelector('${CONVERSATIONS_REGION}').scrollTop = 0`);
  await settle(page, 500);
  // the page's frame rate at rest, for reference
  await page.evaluate('window.__kb.startFrames()');
  await sleep(1000);
  const idle = (await page.evaluate('window.__kb.stopFrames()')) as { start: number; end: number; count: number };
  const idleFps = idle.count / ((idle.end - idle.start) / 1000);

  const box = await list.boundingBox();
  if (!box) throw new Error('the queue has no box to scroll');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const startTop = (await page.evaluate(`document.querySelector('${CONVERSATIONS_REGION}').scrollTop`)) as number;
  const before = await metrics(cdp);
  await page.evaluate('window.__kb.startFrames()');
  const cpu = watchCpu(hostPid);
  const started = performance.now();
  let wheelEvents = 0;
  const interval = 1000 / 60;
  // one wheel event every 16.7 ms, not waiting for each to be handled (as a hand on a wheel does not)
  const sent: Promise<void>[] = [];
  while (performance.now() - started < durationMs) {
    sent.push(page.mouse.wheel(0, stepPx));
    wheelEvents += 1;
    const wait = started + wheelEvents * interval - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(sent);
  // let the last wheel events land
  await sleep(150);
  const frames = (await page.evaluate('window.__kb.stopFrames()')) as { start: number; end: number; count: number; deltas: number[] };
  const cpuUse = cpu();
  const after = await metrics(cdp);
  const endTop = (await page.evaluate(`document.querySelector('${CONVERSATIONS_REGION}').scrollTop`)) as number;
  const window = (await page.evaluate(`window.__kb.window(${frames.start}, ${frames.end})`)) as WindowRecord;
  const span = frames.end - frames.start;
  const expectedFrames = Math.round(span / interval);
  const longestLoafs = window.loafs.sort((a, b) => b.duration - a.duration).slice(0, 3);
  return {
    durationMs: span,
    wheelEvents,
    scrolledPx: endTop - startTop,
    frames: frames.count,
    expectedFrames,
    droppedFrames: Math.max(0, expectedFrames - frames.count),
    slowFrames: frames.deltas.filter((delta) => delta > interval * 1.5).length,
    longestFrameMs: Math.max(0, ...frames.deltas),
    idleFps,
    longTasks: window.longTasks,
    longestLoafs,
    mainThread: mainThreadBetween(before, after),
    cpu: cpuUse,
  };
}

/** Watches the page for `durationMs` with nothing done: api calls and long tasks meanwhile. */
export async function watchIdle(page: Page, durationMs: number): Promise<{ gets: number; longTasks: TaskRecord[] }> {
  const from = (await page.evaluate('performance.now()')) as number;
  await sleep(durationMs);
  const to = (await page.evaluate('performance.now()')) as number;
  const window = (await page.evaluate(`window.__kb.window(${from}, ${to})`)) as WindowRecord;
  return { gets: window.calls.filter((call) => call.method === 'conversations.get').length, longTasks: window.longTasks };
}
