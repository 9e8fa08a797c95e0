/**
 * `tsx tests/bench/ingestRate.ts`: how fast the ingestion service stores messages, on SQLite and on
 * a throwaway PostgreSQL — one at a time (live arrivals, each its own transaction and event) and in
 * bulk (ingestMany, as the benches' workspaces are built) — with the database round trips per message.
 * Settings (environment): INGEST_RATE_MESSAGES (2,000), INGEST_RATE_RUNS (3; the median is printed),
 * INGEST_RATE_STORES (sqlite,postgres), INGEST_RATE_PROFILE (set: the 25 statements that took longest, in all).
 *
 * Issue 11, on the shared 2-core machine at load 12–15, 2,000 messages, median of 3 (before → after):
 * PostgreSQL bulk 80 → 439 /s (12.8 → 3.6 statements a message), single 66 → 94 /s (14.8 → 12.9);
 * SQLite bulk 374 → 846 /s, single 284 → 252 /s (noise at that load).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { IngestMessage } from '../../shared/contract/ingestion';
import { openWorkspace, type ReadyWorkspace } from '../../electron/services/api/workspace';
import { DEFAULT_DEMO_SEED, generateDemoWorkspace } from '../../electron/services/demo/generateDemoWorkspace';
import { createEventBus } from '../../electron/services/events/eventBus';
import { DATABASE_URL_VARIABLE } from '../../electron/services/store/store';
import { createPostgresDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwawayPostgres';
import { rewriteForBatch } from './ui/benchStore';

const MESSAGES = Number(process.env.INGEST_RATE_MESSAGES ?? 2_000);
const RUNS = Number(process.env.INGEST_RATE_RUNS ?? 3);
const STORES = (process.env.INGEST_RATE_STORES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const NOW = Date.UTC(2026, 10, 1);

/** `count` distinct messages of the demo's kind (chats, e-mail threads, calls), oldest first. */
function messages(count: number, offset: number): IngestMessage[] {
  const items: IngestMessage[] = [];
  for (let k = offset; items.length < count; k++) {
    const demo = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED + k, now: NOW });
    items.push(...demo.messages.map((item) => rewriteForBatch(item, k)));
  }
  return items.slice(0, count).sort((a, b) => a.message.sentAt - b.message.sentAt);
}

/** Every query the pg driver sends, counted. */
let queries = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
const profile = new Map<string, { n: number; ms: number }>();
(pg.Client.prototype as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
  queries++;
  const result = query.apply(this, args);
  if (process.env.INGEST_RATE_PROFILE && result instanceof Promise) {
    const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text);
    const started = performance.now();
    void result.then(() => {
      const entry = profile.get(text) ?? { n: 0, ms: 0 };
      entry.n++;
      entry.ms += performance.now() - started;
      profile.set(text, entry);
    }, () => undefined);
  }
  return result;
};

async function open(kind: 'sqlite' | 'postgres', cluster: ThrowawayPostgres | null): Promise<ReadyWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-ingest-rate-'));
  const env = kind === 'postgres' ? { ...process.env, [DATABASE_URL_VARIABLE]: await createPostgresDatabase(cluster!, 'kinship_ingest_rate') } : { ...process.env, [DATABASE_URL_VARIABLE]: '' };
  const opened = await openWorkspace(path.join(dir, 'kinship.sqlite'), createEventBus(), env);
  if (opened.state !== 'ready') throw new Error(opened.error.message);
  return opened;
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const cluster = STORES.includes('postgres') ? startThrowawayPostgres() : null;
  const rows: string[] = ['| store | path | messages/s (median of runs) | runs | queries per message |', '|---|---|---|---|---|'];
  try {
    for (const kind of STORES) {
      for (const mode of ['single', 'bulk'] as const) {
        const rates: number[] = [];
        let perMessage = 0;
        for (let run = 0; run < RUNS; run++) {
          const workspace = await open(kind, cluster);
          try {
            const items = messages(MESSAGES, run * 1000);
            queries = 0;
            const started = performance.now();
            if (mode === 'single') for (const item of items) await workspace.ingestion.ingest(item, { now: () => NOW });
            else await workspace.ingestion.ingestMany(items, { notify: false, chunkSize: 5000, now: () => NOW });
            const seconds = (performance.now() - started) / 1000;
            if ((await workspace.store.messages.count()) !== items.length) throw new Error('not every message was stored');
            rates.push(items.length / seconds);
            perMessage = queries / items.length;
          } finally {
            await workspace.store.close();
          }
        }
        rows.push(`| ${kind} | ${mode} | ${Math.round(median(rates))} | ${rates.map(Math.round).join(', ')} | ${kind === 'postgres' ? perMessage.toFixed(1) : '–'} |`);
        console.error(rows[rows.length - 1]);
      }
    }
  } finally {
    cluster?.stop();
  }
  console.log(rows.join('\n'));
  for (const [text, { n, ms }] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(`${Math.round(ms)} ms\t${n}\t${text.replace(/\s+/g, ' ').slice(0, 260)}`);
}

await main();
