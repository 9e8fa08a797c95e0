/**
 * `npm run bench:socket`: what one misbehaving WebSocket client costs everyone else, on the demo
 * workspace. The host runs in its own process (tests/bench/socket/benchHost.ts, with --expose-gc).
 *
 * 1. Flood: one connection sends 3,000 `conversations.list` calls at once (and, second, keeps 64
 *    outstanding until 3,000 are answered); meanwhile a second console makes one
 *    `conversations.list` at a time. Prints the second console's worst / p95 / median wait.
 * 2. Slow readers: BIG_CONVERSATIONS conversations are given BIG_NOTES internal notes of 99,000
 *    characters each (through the contract, as an agent would), then two clients that never read
 *    each ask for those conversations BENCH_SLOW_CALLS times (default 600, ~1.2 GB of answers);
 *    the host's RSS and heap (after gc) before, with one, with two, and after both have left.
 *
 * Settings (environment): BENCH_FLOOD (3000), BENCH_WINDOW (64), BENCH_SLOW_CALLS (600).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiUrlOf, BenchClient, openNonReader, type Result } from './socket/benchClient';
import type { HostReply, HostRequest } from './socket/benchHost';

const FLOOD = Number(process.env.BENCH_FLOOD ?? 3000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 64);
const SLOW_CALLS = Number(process.env.BENCH_SLOW_CALLS ?? 600);
const BIG_CONVERSATIONS = 4;
const BIG_NOTES = 20;
const HOST_ENTRY = fileURLToPath(new URL('./socket/benchHost.ts', import.meta.url));
const MB = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Memory = { gcExposed: boolean; usage: NodeJS.MemoryUsage; dropped: number | null };

interface Host {
  child: ChildProcess;
  url: string;
  apiUrl: string;
  dataDir: string;
  memory(gc: boolean): Promise<Memory | null>;
  alive(): boolean;
  stop(): Promise<void>;
}

async function startHost(dataDir: string): Promise<Host> {
  const child = fork(HOST_ENTRY, [dataDir], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const ready = await new Promise<Extract<HostReply, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (message: HostReply) => message.type === 'ready' && resolve(message));
    child.once('exit', (code) => reject(new Error(`the bench host exited with ${code} before it was ready`)));
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: Memory | null) => void>();
  child.on('message', (message: HostReply) => {
    if (message.type !== 'memory') return;
    waiting.get(message.id)?.({ gcExposed: message.gcExposed, usage: message.usage, dropped: message.dropped });
    waiting.delete(message.id);
  });
  void exit.then(() => {
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  });
  return {
    child,
    url: ready.url,
    apiUrl: apiUrlOf(ready.url),
    dataDir,
    alive: () => !exited,
    memory(gc) {
      if (exited) return Promise.resolve(null);
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.send({ type: 'memory', id, gc } satisfies HostRequest);
      });
    },
    async stop() {
      if (exited) return;
      child.send({ type: 'stop' } satisfies HostRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, worst: sorted.at(-1) ?? NaN, p95: at(0.95), median: at(0.5) };
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** One `conversations.list` at a time from the second console until `until` settles. */
async function observe(console2: BenchClient, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.then(() => (done = true));
  const waits: number[] = [];
  while (!done) {
    const started = performance.now();
    const result = await console2.call('conversations.list', {});
    if (!result.ok) throw new Error(`the second console's call failed: ${result.error.code}`);
    waits.push(performance.now() - started);
  }
  return waits;
}

type Tally = { ok: number; refused: Map<string, number>; ms: number };

function tally(results: Result[], started: number): Tally {
  const refused = new Map<string, number>();
  let ok = 0;
  for (const result of results) {
    if (result.ok) ok++;
    else refused.set(result.error.code, (refused.get(result.error.code) ?? 0) + 1);
  }
  return { ok, refused, ms: performance.now() - started };
}

const describeTally = (t: Tally) =>
  `${t.ok} answered${[...t.refused].map(([code, count]) => `, ${count} refused (${code})`).join('')} in ${ms(t.ms)}`;

async function floodBurst(host: Host) {
  const flooder = await BenchClient.open(host.apiUrl);
  const console2 = await BenchClient.open(host.apiUrl);
  const started = performance.now();
  const all = Promise.all(Array.from({ length: FLOOD }, () => flooder.call('conversations.list', {})));
  const waits = await observe(console2, all);
  const flood = tally(await all, started);
  flooder.close();
  console2.close();
  return { waits, flood };
}

async function floodWindow(host: Host) {
  const flooder = await BenchClient.open(host.apiUrl);
  const console2 = await BenchClient.open(host.apiUrl);
  const started = performance.now();
  const results: Result[] = [];
  let sent = 0;
  const all = new Promise<void>((resolve) => {
    const next = () => {
      if (results.length === FLOOD) return resolve();
      if (sent >= FLOOD) return;
      sent++;
      void flooder.call('conversations.list', {}).then((result) => {
        results.push(result);
        next();
      });
    };
    for (let i = 0; i < WINDOW; i++) next();
  });
  const waits = await observe(console2, all);
  const flood = tally(results, started);
  flooder.close();
  console2.close();
  return { waits, flood };
}

async function quiet(host: Host) {
  const console2 = await BenchClient.open(host.apiUrl);
  const waits: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await console2.value('conversations.list', {});
    waits.push(performance.now() - started);
  }
  console2.close();
  return waits;
}

/** Polls the host's memory (no gc) until it stops growing for 3 s, or `done` says so, or 60 s. */
async function settle(host: Host, done: (memory: Memory) => boolean = () => false) {
  let last = 0;
  let steady = 0;
  const until = performance.now() + 60_000;
  while (performance.now() < until && host.alive()) {
    const memory = await host.memory(false);
    if (!memory || done(memory)) break;
    const rss = memory.usage.rss;
    steady = rss <= last + 4 * MB ? steady + 1 : 0;
    last = Math.max(last, rss);
    if (steady >= 6) break;
    await sleep(500);
  }
}

async function slowReaders(host: Host) {
  const reader = await BenchClient.open(host.apiUrl);
  const page = await reader.value<{ items: { id: number }[] }>('conversations.list', { limit: BIG_CONVERSATIONS });
  const biggest = page.items;
  const words = ['refund', 'parcel', 'delayed', 'again', 'please', 'order', 'number', 'waiting', 'weeks', 'support'];
  const body = (seed: number) => Array.from({ length: 14_000 }, (_, i) => words[(i * 7 + seed) % words.length]).join(' ').slice(0, 99_000);
  for (const { id } of biggest) {
    for (let note = 0; note < BIG_NOTES; note++) await reader.value('conversations.send', { conversationId: id, kind: 'note', body: body(note) });
  }
  let bytes = 0;
  for (const { id } of biggest) bytes += JSON.stringify(await reader.value('conversations.get', { id })).length;
  reader.close();
  const perAnswer = bytes / biggest.length;
  const calls = Array.from({ length: SLOW_CALLS }, (_, i) => ({ method: 'conversations.get', input: { id: biggest[i % biggest.length]!.id } }));

  const rows: { label: string; rss: number; heap: number; external: number }[] = [];
  const measure = async (label: string) => {
    const memory = await host.memory(true);
    if (!memory) rows.push({ label: `${label}: the host had exited`, rss: NaN, heap: NaN, external: NaN });
    else rows.push({ label, rss: memory.usage.rss / MB, heap: memory.usage.heapUsed / MB, external: (memory.usage.external + memory.usage.arrayBuffers) / MB });
    return memory;
  };
  const dropped = async () => (await host.memory(false))?.dropped ?? 0;
  const first = await measure('before (demo loaded, after gc)');
  const one = await openNonReader(host.apiUrl, calls);
  await settle(host);
  await measure(`one non-reader, its calls made (${await dropped()} dropped by the host)`);
  const two = await openNonReader(host.apiUrl, calls);
  await settle(host);
  await measure(`two non-readers, their calls made (${await dropped()} dropped by the host)`);
  if (first?.dropped !== null && first?.dropped !== undefined) {
    // a host that drops clients that do not read: wait for it (its time bound is 30 s)
    const until = performance.now() + 120_000;
    while (performance.now() < until && host.alive() && (await dropped()) < 2) await sleep(500);
    await measure(`the host has dropped ${await dropped()} of them`);
  }
  one.leave();
  two.leave();
  await sleep(2000);
  await settle(host);
  await measure('after both left');
  return { rows, perAnswer, gcExposed: first?.gcExposed ?? false, hostAlive: host.alive() };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bench-socket-'));
  let host = await startHost(dataDir);
  try {
    const setup = await BenchClient.open(host.apiUrl);
    const loaded = await setup.value<{ conversations: number; messages: number }>('demo.load', {});
    // let the background reading of the demo finish, so it does not colour the figures
    for (let i = 0; i < 600; i++) {
      const status = await setup.value<{ backlog: { done: number; total: number } }>('analysis.status', {});
      if (status.backlog.done >= status.backlog.total) break;
      await sleep(1000);
    }
    setup.close();
    console.log(`bench:socket — demo workspace: ${loaded.conversations} conversations, ${loaded.messages} messages`);

    const alone = stats(await quiet(host));
    const burst = await floodBurst(host);
    const windowed = await floodWindow(host);
    const row = (label: string, s: ReturnType<typeof stats>, note: string) =>
      `| ${label} | ${ms(s.worst)} | ${ms(s.p95)} | ${ms(s.median)} | ${s.n} | ${note} |`;
    console.log('\nA second console’s `conversations.list` while one connection floods (one call at a time, until the flood is answered)');
    console.log('| while… | worst | p95 | median | calls | the flood |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('nothing else runs', alone, '—'));
    console.log(row(`${FLOOD} calls sent at once`, stats(burst.waits), describeTally(burst.flood)));
    console.log(row(`${FLOOD} calls, ${WINDOW} outstanding`, stats(windowed.waits), describeTally(windowed.flood)));

    // a fresh host for the memory figures, on the same workspace
    await host.stop();
    host = await startHost(dataDir);
    const slow = await slowReaders(host);
    console.log(`\nHost memory with clients that never read, each asking ${SLOW_CALLS} times for conversations with long notes (~${Math.round(slow.perAnswer / 1024)} KB an answer); gc ${slow.gcExposed ? 'run before each figure' : 'NOT exposed'}`);
    console.log('| when | RSS MB | heap used MB | external + array buffers MB |');
    console.log('|---|---|---|---|');
    for (const r of slow.rows) console.log(`| ${r.label} | ${Math.round(r.rss)} | ${Math.round(r.heap)} | ${Math.round(r.external)} |`);
    if (!slow.hostAlive) console.log('The host process died during this run.');
  } finally {
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
