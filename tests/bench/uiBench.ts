/**
 * `npm run bench:ui`: how the console feels over a large workspace — 100,000 conversations and
 * 1,000,000 messages — in Debian's Chromium against the real web host, with the analysis backlog
 * being read meanwhile (the stand-in models from ../shared/models, as the e2e tests use them).
 *
 *  1. time to a usable queue: spawning the web host → the first conversation row visible;
 *  2. opening a conversation, click → its messages' first paint: 24 different 20-message
 *     conversations, and the one 5,000-message chat (each time after a reload, so the console has
 *     nothing cached; once more cached; once under the CPU profiler);
 *  3. scrolling the virtualised queue with the mouse wheel: frames against 60 Hz, long tasks;
 *  4. search over all messages: last keystroke → hits painted, for 27 queries, with the api's time.
 * Then the api's share measured without the UI, and the targets. Prints markdown.
 *
 * The workspace is built once through the ingestion service and cached (tests/bench/ui/benchStore.ts);
 * each run works on a copy, because the web host writes readings into it (tests/bench/ui/runWorkspace.ts).
 * BENCH_STORE=postgres runs the web host's services on PostgreSQL, as a team server runs them
 * (KINSHIP_DATABASE_URL): the workspace is built once into a PostgreSQL 15 cluster kept in
 * BENCH_UI_PG_DIR (default <tmp>/kinship-bench-ui-pg; started and stopped by the bench) and each
 * run gets a copy made with CREATE DATABASE … TEMPLATE (tests/bench/ui/postgresWorkspace.ts).
 *
 * Settings (environment): BENCH_STORE ("sqlite", the default, or "postgres"), BENCH_UI_DIR (SQLite
 * cache folder; default <tmp>/kinship-bench-ui-100k), BENCH_UI_PG_DIR (PostgreSQL cluster folder),
 * BENCH_UI_DATABASE_URL (instead, a database on a PostgreSQL server of your own, for the admin
 * statements), BENCH_UI_REGENERATE=1 (build it again), BENCH_UI_STARTS (3), BENCH_UI_OPENS (20: cold opens of the
 * long chat), BENCH_UI_SCROLL_MS (5000), BENCH_UI_TIMEOUT_MIN (15: the run once the workspace is ready),
 * KINSHIP_MODELS_DIR (else ../shared/models; an empty folder gives the lexicon); for a quick try
 * of the benchmark itself, BENCH_UI_CONVERSATIONS / BENCH_UI_MESSAGES (with another BENCH_UI_DIR).
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../../playwright.config';
import { haveSharedModels } from '../e2e/webHostFixture';
import { benchStoreKind, loadText } from './benchPostgres';
import { TARGET_CONVERSATIONS, TARGET_MESSAGES } from './ui/benchStore';
import { runWorkspace, type RunWorkspace } from './ui/runWorkspace';
import { bundleScriptIds, firstSampleIn, summariseProfile, type CpuProfile, type ProfileSummary } from './ui/cpuProfile';
import { killHostsNow, startHost, stopAllHosts, stopHost, type RunningHost } from './ui/host';
import {
  backlogProgress,
  enableMetrics,
  measureOpen,
  measureScroll,
  measureSearch,
  revealRow,
  waitForBacklog,
  watchIdle,
  type OpenResult,
  type ScrollResult,
  type SearchResult,
  type TaskRecord,
} from './ui/pageMeasure';
import { PROBE_SOURCE } from './ui/probe';
import { measureServerSide, type ServerSide } from './ui/serverSide';
import { bytes, count, max, median, ms, percentile, sleep, verdict } from './ui/stats';
import { watchCpu, type CpuUse } from './ui/cpuUse';
import type { CallTiming } from '../../electron/web/socketSession';

const TARGETS = { openLongMs: 300, searchP95Ms: 100, scrollTaskMs: 100 };
const DEBOUNCE_MS = 200;
/** The queue's view with every status, newest first, as its address says it. */
const EVERYTHING_NEWEST_FIRST = '#/inbox?status=all&sort=recent';
const WEB_HOST = fileURLToPath(new URL('../../out/main/webHost.js', import.meta.url));
const SHARED_MODELS = fileURLToPath(new URL('../../../shared/models/', import.meta.url));

function intFromEnv(name: string, fallback: number, min = 1): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    console.error(`bench:ui: ${name}=${value} is not a whole number ≥ ${min}.`);
    process.exit(2);
  }
  return parsed;
}

const log = (message: string) => console.error(`[bench:ui] ${message}`);

/** Realistic agent searches: common and rare words, phrases, a prefix, names, order numbers, subjects, word forms, an address, an emoji. */
function searchQueries(orderNumbers: string[]): string[] {
  return [
    'refund',
    'delivery',
    'sofa',
    'order',
    'thank you',
    'damaged',
    'courier',
    'voucher',
    'discount code',
    'assembly instructions',
    '"next-day delivery"',
    '"charged twice"',
    'cam locks',
    'velvet armchair',
    'blackout curtains',
    'spaniel',
    'Whitcombe',
    'Hargreaves',
    'SPRING15',
    'Lucy Chapman',
    'refu',
    'Parcelwise',
    '"photo attached"',
    'warranty',
    'oak oil',
    ...orderNumbers.slice(0, 2),
    // conversations by their subject, their customer's name or address, and words in another form
    'colour',
    'wrong colour',
    'Priya Nair',
    'refunds',
    'delivered',
    'apologies',
    'example.com',
    '😞',
  ];
}

interface Results {
  startups: { hostPrintedMs: number; usableMs: number }[];
  small: OpenResult[];
  longCold: OpenResult[];
  longCached: OpenResult[];
  profile: { open: OpenResult; summary: ProfileSummary; after: ProfileSummary | null } | null;
  smallProfile: { open: OpenResult; summary: ProfileSummary } | null;
  /** The console's script as loaded at each start and reload (someone may rebuild out/ meanwhile). */
  bundles: Set<string>;
  longOpenIdle: { seconds: number; gets: number; longTasks: TaskRecord[] } | null;
  scroll: ScrollResult | null;
  scrollProfile: ProfileSummary | null;
  search: SearchResult[];
  server: ServerSide | null;
  backlogAtStart: { done: number; total: number } | null;
  backlogAtEnd: { done: number; total: number } | null;
  cpu: Record<string, CpuUse>;
  /** 1-minute load average when the UI runs started and ended */
  load: { start: number; end: number };
  notes: string[];
  errors: string[];
}

const BUNDLE = `[...document.scripts].map((script) => script.src.replace(/^.*\\//, '')).filter(Boolean).join(' ')`;

async function openConsole(context: BrowserContext, host: RunningHost, bundles: Set<string>): Promise<{ page: Page; cdp: CDPSession; usableMs: number }> {
  const page = await context.newPage();
  await page.goto(host.host.url, { timeout: 120_000 });
  await page.getByTestId('conversation-row').first().waitFor({ state: 'visible', timeout: 120_000 });
  const usableMs = performance.now() - host.spawnedAt;
  // the known conversations are the newest of every status: the queue is shown that way (kept across reloads)
  await page.evaluate(`window.location.hash = ${JSON.stringify(EVERYTHING_NEWEST_FIRST)}`);
  await page.getByRole('textbox', { name: 'Sort' }).and(page.locator('[value="Newest first"]')).waitFor({ timeout: 120_000 });
  bundles.add((await page.evaluate(BUNDLE)) as string);
  const cdp = await context.newCDPSession(page);
  await enableMetrics(cdp);
  return { page, cdp, usableMs };
}

/**
 * Runs `work` under the CPU profiler and says where the page's main thread spent it; with
 * `splitAtPaint`, also before and after the probe's paint marker.
 */
async function profiled<T>(
  cdp: CDPSession,
  work: () => Promise<T>,
): Promise<{ value: T; summary: ProfileSummary; beforePaint: ProfileSummary | null; afterPaint: ProfileSummary | null }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    const value = await work();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    // the scripts as the page ran them (out/ may have been rebuilt since by someone else)
    const sources = new Map<string, string>();
    await cdp.send('Debugger.enable');
    for (const scriptId of bundleScriptIds(profile)) {
      try {
        sources.set(scriptId, ((await cdp.send('Debugger.getScriptSource', { scriptId })) as { scriptSource: string }).scriptSource);
      } catch {
        // a script that is gone: its lines are reported by file name
      }
    }
    await cdp.send('Debugger.disable');
    const split = firstSampleIn(profile, 'kbPaintedMarker');
    return {
      value,
      summary: summariseProfile(profile, sources),
      beforePaint: split >= 0 ? summariseProfile(profile, sources, 0, split) : null,
      afterPaint: split >= 0 ? summariseProfile(profile, sources, split) : null,
    };
  } finally {
    await cdp.send('Profiler.disable').catch(() => undefined);
  }
}

async function reload(page: Page, bundles: Set<string>): Promise<void> {
  // the address keeps the open conversation: the reload comes back to the queue alone, so the next open is a cold one
  await page.evaluate(`history.replaceState(null, '', location.pathname + location.search + ${JSON.stringify(EVERYTHING_NEWEST_FIRST)})`);
  await page.reload({ timeout: 120_000 });
  await page.getByTestId('conversation-row').first().waitFor({ state: 'visible', timeout: 120_000 });
  bundles.add((await page.evaluate(BUNDLE)) as string);
  await waitForBacklog(page, 5_000);
  await sleep(300);
}

async function run(workspace: RunWorkspace, browser: Browser, results: Results): Promise<void> {
  const starts = intFromEnv('BENCH_UI_STARTS', 3);
  const longOpens = intFromEnv('BENCH_UI_OPENS', 20);
  const scrollMs = intFromEnv('BENCH_UI_SCROLL_MS', 5000);
  const { info, runDir } = workspace;
  let current: RunningHost | null = null;
  /** Notes a failed step and goes on, unless the web host itself has gone: then the run stops. */
  const failed = (what: string, error: unknown) => {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    if (current && (current.process.exitCode !== null || current.process.signalCode !== null)) {
      throw new Error(`the web host stopped (exit ${current.process.exitCode ?? current.process.signalCode}) while ${what}: ${message}`);
    }
    results.errors.push(`${what}: ${message}`);
  };
  const context = await browser.newContext({ viewport: config.use?.viewport ?? { width: 1440, height: 900 } });
  await context.addInitScript({ content: PROBE_SOURCE });

  // 1. time to a usable queue, from spawning the web host
  let host: RunningHost | null = null;
  let page: Page | null = null;
  let cdp: CDPSession | null = null;
  for (let attempt = 0; attempt < starts; attempt++) {
    if (host) {
      await page?.close();
      await stopHost(host.process);
    }
    host = await startHost(runDir, workspace.env);
    current = host;
    const hostPrintedMs = performance.now() - host.spawnedAt;
    const opened = await openConsole(context, host, results.bundles);
    page = opened.page;
    cdp = opened.cdp;
    results.startups.push({ hostPrintedMs, usableMs: opened.usableMs });
    log(`start ${attempt + 1}/${starts}: queue usable after ${ms(opened.usableMs)} ms`);
  }
  if (!host || !page || !cdp) throw new Error('the web host did not start');
  const tracedBy = host;
  /** The host's own account of the measured call, read at once (a reload starts frame ids again). */
  const traced = <T extends { callId: number | null; inHost: CallTiming | null }>(result: T): T => {
    result.inHost = result.callId !== null ? (tracedBy.calls.get(result.callId) ?? null) : null;
    return result;
  };
  results.backlogAtStart = await waitForBacklog(page, 60_000);
  await sleep(1000);

  if (fs.readdirSync(runDir).some((name) => name.endsWith('.bak'))) {
    results.notes.push('The web host migrated the workspace when it first started (its schema changed after the cache was checked): the first start includes that.');
  }

  // 2a. the known 20-message conversations, each opened once (no cache), one after another
  const smallCpu = watchCpu(host.process.pid);
  for (const known of info.small) {
    try {
      const row = await revealRow(page, known.subject, 20_000);
      results.small.push(traced(await measureOpen(page, cdp, row, known.subject, { timeoutMs: 30_000, afterMs: 500 })));
    } catch (error) {
      failed(`opening "${known.subject}"`, error);
    }
  }
  results.cpu['opening the 20-message conversations'] = smallCpu();
  log(`20-message conversations: ${results.small.length} opened, median ${ms(median(results.small.map((open) => open.firstPaintMs)))} ms`);

  // 2b. the 5,000-message chat, cold: a reload empties the console's cache before each open
  const longSubject = info.longChat.subject;
  const longRow = () => page!.getByTestId('conversation-row').filter({ hasText: longSubject }).first();
  const longCpu = watchCpu(host.process.pid);
  for (let rep = 0; rep < longOpens; rep++) {
    try {
      await reload(page, results.bundles);
      results.longCold.push(traced(await measureOpen(page, cdp, longRow(), longSubject, { timeoutMs: 60_000, afterMs: 1500 })));
    } catch (error) {
      failed(`opening the long chat (cold, ${rep + 1})`, error);
    }
  }
  results.cpu['the cold opens of the long chat (with their reloads)'] = longCpu();
  log(`5,000-message chat, cold: ${results.longCold.length} opens, median ${ms(median(results.longCold.map((open) => open.firstPaintMs)))} ms`);

  // 2c. … and cached in the console (React Query keeps it 30 s fresh, 5 min in memory): alternating
  // with a 20-message conversation does not empty that cache, so this is rendering from memory
  try {
    await reload(page, results.bundles);
    await measureOpen(page, cdp, longRow(), longSubject, { timeoutMs: 60_000 });
    for (let rep = 0; rep < 5; rep++) {
      const other = info.small[rep % info.small.length]!;
      await measureOpen(page, cdp, await revealRow(page, other.subject, 20_000), other.subject, { timeoutMs: 30_000 });
      results.longCached.push(traced(await measureOpen(page, cdp, await revealRow(page, longSubject, 20_000), longSubject, { timeoutMs: 60_000 })));
    }
  } catch (error) {
    failed('opening the long chat (cached)', error);
  }

  // 2d. one more cold open under the CPU profiler, to see where the main thread goes: click → first
  // paint, then from there to 1.5 s after the newest message is in view (split at a marker)
  try {
    await reload(page, results.bundles);
    await page.evaluate('window.__kb.markPaint = true');
    const profile = await profiled(cdp, () => measureOpen(page!, cdp!, longRow(), longSubject, { timeoutMs: 60_000, afterMs: 1500 }));
    const markerRan = (await page.evaluate('window.__kb.markPaint = false, window.__kb.markerRanAt || null')) as number | null;
    if (!profile.afterPaint) results.notes.push(`The CPU profile of the long chat could not be split at its first paint (marker ${markerRan === null ? 'never ran' : 'ran but was not sampled'}): its table covers click → 1.5 s after.`);
    results.profile = { open: profile.value, summary: profile.beforePaint ?? profile.summary, after: profile.afterPaint };
  } catch (error) {
    failed('profiling the long chat', error);
  }

  // 2e. … and of one cold open of a 20-message conversation
  try {
    await reload(page, results.bundles);
    const known = info.small[0]!;
    const row = await revealRow(page, known.subject, 20_000);
    const { value: open, summary } = await profiled(cdp, () => measureOpen(page!, cdp!, row, known.subject, { timeoutMs: 30_000, afterMs: 300 }));
    results.smallProfile = { open, summary };
    // back to the long chat, to leave it open
    await measureOpen(page, cdp, await revealRow(page, longSubject, 20_000), longSubject, { timeoutMs: 60_000 });
  } catch (error) {
    failed('profiling a 20-message conversation', error);
  }

  // 2f. the long chat left open for a while, nothing done (the backlog keeps reading meanwhile)
  try {
    const seconds = 6;
    const idle = await watchIdle(page, seconds * 1000);
    results.longOpenIdle = { seconds, ...idle };
  } catch (error) {
    failed('watching the open long chat', error);
  }

  // 3. scrolling the queue (fresh page: nothing open)
  try {
    await reload(page, results.bundles);
    results.scroll = await measureScroll(page, cdp, scrollMs, 60, host.process.pid);
    results.cpu['scrolling the queue'] = results.scroll.cpu;
    log(`scroll: ${results.scroll.frames} of ${results.scroll.expectedFrames} frames`);
    // the same again under the CPU profiler (not counted above: the profiler slows the page)
    results.scrollProfile = (await profiled(cdp, () => measureScroll(page!, cdp!, 3000, 60, undefined))).summary;
  } catch (error) {
    failed('scrolling', error);
  }

  // 4. search
  try {
    await reload(page, results.bundles);
    await page.getByRole('textbox', { name: 'Search all messages' }).click();
  } catch (error) {
    failed('preparing search', error);
  }
  const searchCpu = watchCpu(host.process.pid);
  for (const query of searchQueries(info.orderNumbers)) {
    try {
      results.search.push(traced(await measureSearch(page, query, 30_000, cdp)));
    } catch (error) {
      failed(`searching for ${query}`, error);
    }
  }
  results.cpu['searching (with the typing and clearing)'] = searchCpu();
  log(`search: ${results.search.length} queries`);
  results.backlogAtEnd = await backlogProgress(page);

  await context.close();
  current = null;
  await stopHost(host.process);

  // the api's share, alone
  try {
    results.server = await measureServerSide(
      runDir,
      workspace.env,
      [longSubject, ...info.small.slice(0, 3).map((known) => known.subject)],
      searchQueries(info.orderNumbers),
    );
  } catch (error) {
    failed('measuring the api alone', error);
  }
}

function analysisLine(results: Results): string {
  const models = process.env.KINSHIP_MODELS_DIR ?? (haveSharedModels ? SHARED_MODELS : null);
  const empty = models !== null && fs.existsSync(models) && fs.readdirSync(models).length === 0;
  const who = models === null ? 'no models folder: the VADER lexicon' : empty ? `an empty models folder (${models}): the VADER lexicon` : `the models in ${path.resolve(models)}`;
  const start = results.backlogAtStart;
  const end = results.backlogAtEnd;
  const backlog = start
    ? `its backlog of ${count(start.total)} unread messages was being read in the web host throughout${end ? ` (${count(end.done)} read by the end of the UI runs)` : ''}`
    : 'no backlog progress was seen';
  return `Analysis: ${who}; ${backlog}. That is realistic load: the host's main thread stores every reading.`;
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function report(workspace: RunWorkspace, results: Results, totalMs: number): string {
  const { info } = workspace;
  const out: string[] = [];
  const p = (values: number[], q: number) => ms(percentile(values, q));
  const storeName = workspace.store === 'postgres' ? 'PostgreSQL' : 'SQLite';
  out.push(`## Kinship UI benchmark on ${storeName} — ${count(info.conversations)} conversations, ${count(info.messages)} messages`);
  out.push('');
  out.push(
    `Store: ${storeName}${workspace.store === 'postgres' ? ' (the web host given KINSHIP_DATABASE_URL, as a team server runs: a copy of the cached database made for this run)' : ' (a copy of the cached workspace file made for this run)'}.`,
  );
  out.push(
    workspace.reused
      ? `Workspace: reused from ${workspace.cachedIn} (built ${info.generatedAt} in ${ms(info.generationMs / 1000, 1)} s: ${count(info.customers)} customers, ingestion ${count(info.ingestRatePerSec)} messages/s, ${bytes(info.dbBytes)}).`
      : `Workspace: built now in ${workspace.cachedIn} in ${ms(info.generationMs / 1000, 1)} s through the ingestion service (${count(info.ingestRatePerSec)} messages/s; ${count(info.customers)} customers, ${bytes(info.dbBytes)}).`,
  );
  out.push(analysisLine(results));
  if (info.knownReadBy) {
    out.push(
      `The 25 measured conversations were read when the workspace was built (${info.knownReadBy.analyzer}: ${info.knownReadBy.models.join(', ') || 'no model'}; ${count(info.knownReadBy.readings)} readings), so what the console is sent for them does not depend on the backlog's progress.`,
    );
  }
  out.push(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Chromium ${config.use?.launchOptions?.executablePath ?? ''}, viewport ${config.use?.viewport?.width}×${config.use?.viewport?.height}; ` +
      `load average ${ms(results.load.start, 1)} when the UI runs started, ${ms(results.load.end, 1)} at the end${results.load.start > os.cpus().length ? ' (other work was competing for the cores: expect slower figures)' : ''}; whole run ${ms(totalMs / 1000, 0)} s.`,
  );
  out.push('');

  const usable = results.startups.map((start) => start.usableMs);
  const printed = results.startups.map((start) => start.hostPrintedMs);
  const small = results.small.map((open) => open.firstPaintMs);
  const cold = results.longCold.map((open) => open.firstPaintMs);
  const coldNewest = results.longCold.map((open) => open.newestMs).filter((value): value is number => value !== null);
  const cached = results.longCached.map((open) => open.firstPaintMs);
  const afterDebounce = results.search.map((search) => search.requestToPaintMs);
  const keystroke = results.search.map((search) => search.keystrokeToPaintMs);
  const server = results.search.map((search) => search.serverMs);
  const scroll = results.scroll;
  const scrollLongest = scroll ? Math.max(0, ...scroll.longTasks.map((task) => task.duration)) : Number.NaN;

  // the targets first, each with its verdict
  const targetLine = (what: string, value: number, target: number) => `- ${what}: p95 ${ms(value)} ms, target ≤ ${target} ms — ${verdict(value, target)}`;
  out.push('Targets:');
  out.push(targetLine('search over subjects, names, addresses and word forms: request → hits painted', percentile(afterDebounce, 95), TARGETS.searchP95Ms));
  out.push(targetLine('open the 5,000-message chat, cold: click → first paint', percentile(cold, 95), TARGETS.openLongMs));
  if (scroll) out.push(`- scroll the queue: longest main-thread task ${ms(scrollLongest)} ms, target ≤ ${TARGETS.scrollTaskMs} ms — ${verdict(scrollLongest, TARGETS.scrollTaskMs)}`);
  out.push(`- (no target) open a 20-message conversation: click → first paint p50 ${ms(median(small))} ms, p95 ${p(small, 95)} ms`);
  out.push('');
  out.push('| measure | p50 | p95 | max | n | target | verdict |');
  out.push('|---|---:|---:|---:|---:|---|---|');
  out.push(row(['time to a usable queue: spawn web host → first conversation row visible (ms)', ms(median(usable)), '—', ms(max(usable)), usable.length, '—', '']));
  out.push(row(['… of which the host printing its address (ms)', ms(median(printed)), '—', ms(max(printed)), printed.length, '—', '']));
  out.push(row(['open a 20-message conversation: click → first paint (ms)', ms(median(small)), p(small, 95), ms(max(small)), small.length, '—', '']));
  out.push(row(['open the 5,000-message chat, cold: click → first paint (ms)', ms(median(cold)), p(cold, 95), ms(max(cold)), cold.length, `≤ ${TARGETS.openLongMs} ms`, verdict(percentile(cold, 95), TARGETS.openLongMs)]));
  out.push(row(['… click → newest message in view (ms)', ms(median(coldNewest)), p(coldNewest, 95), ms(max(coldNewest)), coldNewest.length, '—', '']));
  out.push(row(['open the 5,000-message chat, cached in the console (ms)', ms(median(cached)), p(cached, 95), ms(max(cached)), cached.length, '—', '']));
  if (scroll) {
    out.push(row([`scroll the queue ${ms(scroll.durationMs / 1000, 1)} s: frames drawn / expected at 60 Hz`, `${scroll.frames} / ${scroll.expectedFrames}`, '—', '—', 1, '—', `${scroll.droppedFrames} dropped`]));
    out.push(row(['scroll: longest main-thread task (ms; n = long tasks over 50 ms)', '—', '—', ms(scrollLongest), scroll.longTasks.length, `≤ ${TARGETS.scrollTaskMs} ms`, verdict(scrollLongest, TARGETS.scrollTaskMs)]));
  }
  out.push(row(['search: request (after the 200 ms debounce) → hits painted (ms)', ms(median(afterDebounce)), p(afterDebounce, 95), ms(max(afterDebounce)), afterDebounce.length, `≤ ${TARGETS.searchP95Ms} ms`, verdict(percentile(afterDebounce, 95), TARGETS.searchP95Ms)]));
  out.push(row(['search: last keystroke → hits painted, debounce included (ms)', ms(median(keystroke)), p(keystroke, 95), ms(max(keystroke)), keystroke.length, `(${TARGETS.searchP95Ms} ms + the ${DEBOUNCE_MS} ms debounce)`, verdict(percentile(keystroke, 95), TARGETS.searchP95Ms + DEBOUNCE_MS)]));
  out.push(row(['search: api time, `tookMs` shown in the results header (ms)', ms(median(server), 1), ms(percentile(server, 95), 1), ms(max(server), 1), server.length, '—', '']));
  out.push('');

  // where the time goes when a conversation opens
  const breakdown = (label: string, opens: OpenResult[]) => {
    if (!opens.length) return;
    const m = (pick: (open: OpenResult) => number, digits = 0) => ms(median(opens.map(pick)), digits);
    out.push(
      row([
        label,
        m((open) => open.firstPaintMs),
        m((open) => open.clickToRequestMs),
        m((open) => open.requestToResponseMs),
        m((open) => open.hostMs),
        `${m((open) => open.inHost?.waitedMs ?? Number.NaN, 1)} / ${m((open) => open.inHost?.ranMs ?? Number.NaN, 1)} / ${m((open) => open.inHost?.sentMs ?? Number.NaN, 1)}`,
        m((open) => open.parseMs, 1),
        m((open) => open.responseToDomMs),
        m((open) => open.domToPaintMs),
        bytes(median(opens.map((open) => open.bytes))),
        `${m((open) => open.fetchesBeforePaint)} + ${m((open) => open.fetchesAfter)}`,
        m((open) => open.messagesInDom),
        `${m((open) => open.mainThread.scriptMs)} / ${m((open) => open.mainThread.styleMs)} / ${m((open) => open.mainThread.layoutMs)}`,
        m((open) => open.longestTaskMs),
        m((open) => open.longestTaskAfterMs),
      ]),
    );
  };
  out.push('Where the time goes when a conversation opens (medians, ms):');
  out.push('');
  out.push('| conversation | click → painted | click → request | request → response | … between the frames (DevTools: the host’s part, and the page busy before taking the result) | … in the host: waited its turn / ran / written (the rest: the frame not yet read, loopback) | JSON.parse | response → DOM (React) | DOM → painted (style, layout, paint) | result frame | `conversations.get` calls before + after paint | messages in DOM | main thread until painted: script / style / layout | longest task until painted | longest task after it (20 messages: 0.5 s, cold 5,000: 1.5 s) |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  breakdown('20 messages', results.small);
  breakdown('5,000 messages, cold', results.longCold);
  breakdown('5,000 messages, cached', results.longCached);
  out.push('');

  if (results.server) {
    out.push('The api alone (createApi in this process, same workspace, web host stopped, medians of 5):');
    out.push('');
    out.push('| conversation | messages (with a reading) | `conversations.get` | JSON.stringify of the frame | frame size |');
    out.push('|---|---:|---:|---:|---:|');
    for (const get of results.server.gets) {
      out.push(row([get.subject, `${count(get.messages)} (${count(get.readings)})`, `${ms(get.callMs, 1)} ms`, `${ms(get.stringifyMs, 1)} ms`, bytes(get.bytes)]));
    }
    out.push('');
  }

  const profileTable = (title: string, summary: ProfileSummary) => {
    out.push(`${title} (${ms(summary.totalMs)} ms of main-thread samples, self time):`);
    out.push('');
    out.push('| package / part of the console | ms | | heaviest functions | ms |');
    out.push('|---|---:|---|---|---:|');
    for (let index = 0; index < Math.max(summary.byPackage.length, summary.byFunction.length); index++) {
      const pkg = summary.byPackage[index];
      const fn = summary.byFunction[index];
      out.push(row([pkg?.name ?? '', pkg ? ms(pkg.ms) : '', '', fn ? fn.name.replace(/\|/g, '\\|') : '', fn ? ms(fn.ms) : '']));
    }
    out.push('');
  };
  if (results.profile) {
    const { open } = results.profile;
    profileTable(
      `CPU profile of one more cold open of the 5,000-message chat, click → first paint (${ms(open.firstPaintMs)} ms under the profiler; newest in view at ${open.newestMs === null ? '—' : ms(open.newestMs)} ms)`,
      results.profile.summary,
    );
    if (results.profile.after) profileTable(`… and from that first paint to 1.5 s after the newest message was in view (nothing done; longest task ${ms(open.longestTaskAfterMs)} ms)`, results.profile.after);
  }
  if (results.smallProfile) {
    const { open } = results.smallProfile;
    profileTable(
      `CPU profile of one more cold open of a 20-message conversation ("${open.subject}"), click → newest in view + 300 ms (first paint at ${ms(open.firstPaintMs)} ms under the profiler)`,
      results.smallProfile.summary,
    );
  }
  if (results.scrollProfile) profileTable('CPU profile of 3 s more of the same scrolling', results.scrollProfile);

  if (results.longOpenIdle) {
    const idle = results.longOpenIdle;
    const longest = Math.max(0, ...idle.longTasks.map((task) => task.duration));
    out.push(
      `With the 5,000-message chat left open ${idle.seconds} s and nothing done (backlog being read): ${idle.gets} more \`conversations.get\` calls for it, ${idle.longTasks.length} long tasks, longest ${ms(longest)} ms, ${ms(idle.longTasks.reduce((total, task) => total + task.duration, 0))} ms of long tasks in all.`,
    );
    out.push('');
  }

  if (scroll) {
    const frames = scroll.longestLoafs
      .map(
        (loaf) =>
          `${ms(loaf.duration)} ms (${loaf.scripts.map((script) => `${script.invoker} ${ms(script.duration)} ms`).join(', ') || 'no script'}; style and layout ${ms(loaf.start + loaf.duration - (loaf.styleAndLayoutStart || loaf.start + loaf.duration))} ms)`,
      )
      .join('; ');
    out.push(
      `Scrolling: ${scroll.wheelEvents} wheel events of 60 px over ${ms(scroll.durationMs)} ms moved the queue ${count(Math.round(scroll.scrolledPx))} px; ` +
        `${scroll.frames} frames drawn of ${scroll.expectedFrames} at 60 Hz (page at rest: ${ms(scroll.idleFps, 1)} fps); ${scroll.slowFrames} frames over 25 ms, longest gap ${ms(scroll.longestFrameMs)} ms; ` +
        `${scroll.longTasks.length} long tasks (longest ${ms(scrollLongest)} ms); main thread script / style / layout ${ms(scroll.mainThread.scriptMs)} / ${ms(scroll.mainThread.styleMs)} / ${ms(scroll.mainThread.layoutMs)} ms.`,
    );
    if (frames) out.push(`Longest animation frames while scrolling: ${frames}.`);
    out.push('');
  }

  if (results.search.length) {
    out.push('Search, query by query (ms):');
    out.push('');
    out.push('| query | hits | api `tookMs` in the UI | api alone, host stopped | request → response | … between the frames (DevTools: the host’s part, and the page busy before taking the result) | … in the host: waited / ran / written | response → painted | request → painted | keystroke → painted | result frame | longest task |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const search of results.search) {
      const alone = results.server?.search.get(search.query);
      out.push(
        row([
          `\`${search.query}\``,
          /^No /.test(search.header) ? '0' : /\+/.test(search.header) ? `${search.hits}+` : String(search.hits),
          ms(search.serverMs, 1),
          alone !== undefined ? ms(alone, 1) : '—',
          ms(search.roundTripMs),
          ms(search.hostMs),
          search.inHost ? `${ms(search.inHost.waitedMs, 1)} / ${ms(search.inHost.ranMs, 1)} / ${ms(search.inHost.sentMs, 1)}` : '—',
          ms(search.renderMs),
          ms(search.requestToPaintMs),
          ms(search.keystrokeToPaintMs),
          bytes(search.bytes),
          ms(search.longestTaskMs),
        ]),
      );
    }
    out.push('');
  }

  const cpu = Object.entries(results.cpu);
  if (cpu.length) {
    out.push(
      `CPU in use (cores' worth, of ${os.cpus().length}): ` +
        cpu.map(([phase, use]) => `${phase}: machine ${ms(use.machineCores, 2)}, web host ${ms(use.hostCores, 2)}`).join('; ') +
        '. The web host\'s share is its main thread (api and storing readings) and the analysis worker.',
    );
    out.push('');
  }
  for (const note of results.notes) out.push(`Note: ${note}`);
  if (results.notes.length) out.push('');
  if (results.bundles.size > 1) {
    results.errors.push(`out/ was rebuilt during the run (someone else building?): the console loaded ${[...results.bundles].join(' | ')}; figures may mix builds.`);
  }
  if (results.errors.length) {
    out.push('Problems during the run:');
    for (const error of results.errors) out.push(`- ${error}`);
    out.push('');
  }
  return out.join('\n');
}

async function main() {
  const started = performance.now();
  if (!fs.existsSync(WEB_HOST)) {
    console.error('bench:ui: the web host is not built; run `npm run bench:ui` (it builds first) or `npx electron-vite build`.');
    process.exit(2);
  }
  const timeoutMin = intFromEnv('BENCH_UI_TIMEOUT_MIN', 15);
  const storeKind = benchStoreKind('bench:ui');

  let browser: Browser | null = null;
  let workspace: RunWorkspace | null = null;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await stopAllHosts().catch(() => undefined);
    const closing = workspace;
    workspace = null;
    await closing?.close();
  };
  const abort = (why: string, code: number) => {
    console.error(`bench:ui: ${why}`);
    killHostsNow();
    // a PostgreSQL cluster the bench started is stopped on exit (benchPostgres.ts stopOnExit); its run copy is dropped next time
    if (workspace) fs.rmSync(workspace.runDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  process.once('exit', () => killHostsNow());
  let watchdog: NodeJS.Timeout | undefined;

  const results: Results = {
    startups: [],
    small: [],
    longCold: [],
    longCached: [],
    profile: null,
    smallProfile: null,
    bundles: new Set(),
    longOpenIdle: null,
    scroll: null,
    scrollProfile: null,
    search: [],
    server: null,
    backlogAtStart: null,
    backlogAtEnd: null,
    cpu: {},
    load: { start: Number.NaN, end: Number.NaN },
    notes: [],
    errors: [],
  };
  try {
    const targets = {
      conversations: intFromEnv('BENCH_UI_CONVERSATIONS', TARGET_CONVERSATIONS, 100),
      messages: intFromEnv('BENCH_UI_MESSAGES', TARGET_MESSAGES, 10_000),
    };
    const prepared = await runWorkspace({ store: storeKind, targets, regenerate: process.env.BENCH_UI_REGENERATE === '1', log });
    workspace = prepared;
    log(prepared.reused ? `reusing the workspace in ${prepared.cachedIn}` : `workspace built in ${ms(prepared.info.generationMs / 1000, 1)} s`);
    // from here on (building the workspace may take an hour): the UI runs and the api measured alone
    watchdog = setTimeout(() => {
      void cleanUp().finally(() => abort(`the run took longer than ${timeoutMin} minutes (BENCH_UI_TIMEOUT_MIN)`, 1));
    }, timeoutMin * 60_000);
    watchdog.unref();
    browser = await chromium.launch(config.use!.launchOptions);
    results.load.start = os.loadavg()[0]!;
    log(`load average ${loadText(os.loadavg())} as the UI runs start`);
    let fatal: unknown = null;
    try {
      await run(prepared, browser, results);
    } catch (error) {
      fatal = error;
      results.errors.push(`the run stopped early: ${error instanceof Error ? error.message : String(error)}`);
    }
    results.load.end = os.loadavg()[0]!;
    await cleanUp();
    console.log(report(prepared, results, performance.now() - started));
    if (fatal) process.exitCode = 1;
    const raw = path.join(os.tmpdir(), `kinship-bench-ui-last${prepared.store === 'postgres' ? '-postgres' : ''}.json`);
    fs.writeFileSync(raw, JSON.stringify({ store: prepared.store, info: prepared.info, ...results, bundles: [...results.bundles], server: results.server && { ...results.server, search: Object.fromEntries(results.server.search) } }, null, 1));
    log(`every measurement: ${raw}`);
  } catch (error) {
    await cleanUp();
    throw error;
  } finally {
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  killHostsNow();
  process.exit(1);
});
