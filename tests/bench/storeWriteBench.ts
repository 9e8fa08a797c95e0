/**
 * The write path through each store: what ingestion does for one message (one transaction: the
 * message, the conversation's counters, the session log entry), timed per message, on the
 * synchronous SQLite store of today, the Promise-returning store on SQLite, and on PostgreSQL
 * (when KINSHIP_BENCH_DATABASE_URL names an empty database). `npx tsx tests/bench/storeWriteBench.ts`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgresStore, openSqliteStore, type Store } from '../../electron/services/store/store';

const MESSAGES = Number(process.env.KINSHIP_BENCH_MESSAGES ?? 3000);
const T0 = Date.UTC(2026, 10, 1);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
function report(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((sum, t) => sum + t, 0);
  console.log(`${label.padEnd(28)} p50 ${percentile(sorted, 50).toFixed(3)} ms  p95 ${percentile(sorted, 95).toFixed(3)} ms  p99 ${percentile(sorted, 99).toFixed(3)} ms  ${Math.round((times.length / total) * 1000)} messages/s`);
}

async function benchAsync(store: Store) {
  const customerId = await store.customers.create('Bench', T0);
  const conversationId = await store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: null, queue: 'general', assigneeId: null, externalRef: null, createdAt: T0 });
  const times: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const start = performance.now();
    await store.transaction(async () => {
      const id = (await store.messages.insert({ conversationId, author: 'customer', authorName: null, authorUserId: null, body: `message ${i} about my order`, sentAt: T0 + i, externalId: null, dedupeKey: `k${i}`, meta: {}, createdAt: T0 + i }))!;
      await store.conversations.recordMessage(conversationId, id, T0 + i);
      await store.sessionEvents.append({ at: T0 + i, kind: 'message.arrived', conversationId, messageId: id, userId: null, payload: {} });
    });
    times.push(performance.now() - start);
  }
  await store.close();
  return times;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-store-bench-'));
try {
  console.log(`${MESSAGES} messages, one transaction each; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  report('SQLite, Promise-returning', await benchAsync(await openSqliteStore(path.join(dir, 'async.sqlite'))));
  const url = process.env.KINSHIP_BENCH_DATABASE_URL;
  if (url) report('PostgreSQL', await benchAsync(await openPostgresStore(url)));
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
