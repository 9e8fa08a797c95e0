import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../electron/services/ingestion';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import { CLAIM_LEASE_VARIABLE } from '../../../electron/services/startServices';
import { openPostgresStore } from '../../../electron/services/store/store';
import { haveSharedModels, SHARED_MODELS_DIR } from '../../helpers/analysisFixtures';
import { tempDir } from '../../helpers/tempDir';
import { testPostgresDatabase } from '../../helpers/testPostgres';

/** `npm run server` as built (vitest's global setup builds out/ when it is stale). */
const ENTRY = fileURLToPath(new URL('../../../out/main/teamServer.js', import.meta.url));
/** Messages waiting to be read: enough that both processes are in the middle of them when one is killed. */
const BACKLOG = 600;
const CONVERSATIONS = 20;
/** The backlog's claims last this long here (120 s in a real server): a killed process's claims run out within the test. */
const LEASE_MS = 4_000;
const T0 = Date.UTC(2026, 10, 29, 8, 0);

interface Server {
  process: ChildProcess;
  output(): string;
}

const children: ChildProcess[] = [];
const clients: pg.Client[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  while (clients.length) await clients.pop()!.end();
});

/** One real server process on the database, with its own data folder; resolves once it serves. */
async function startServer(url: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, KINSHIP_DATABASE_URL: url, KINSHIP_DATA_DIR: tempDir('kinship-team-'), [CLAIM_LEASE_VARIABLE]: String(LEASE_MS) };
  // the stand-in models when they are beside the checkout; else the lexicon reads
  if (haveSharedModels) env.KINSHIP_MODELS_DIR = SHARED_MODELS_DIR;
  else delete env.KINSHIP_MODELS_DIR;
  const child = spawn(process.execPath, [ENTRY, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/People open: http/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the team server exited (${code}) before it served:\n${output}`)));
  });
  return { process: child, output: () => output };
}

/**
 * A backlog: customers' messages stored without being read (as an import, or a mailbox synced while
 * the servers were down): a few conversations through the ingestion service, the bulk of their
 * messages put in with one statement (the servers read what is in the database, however it came).
 */
async function storeBacklog(url: string, db: pg.Client): Promise<void> {
  const store = await openPostgresStore(url, { poolSize: 2 });
  try {
    const ingestion = createIngestionService(store, createEventBus());
    const items: IngestMessage[] = Array.from({ length: CONVERSATIONS }, (_, i) => ({
      channel: 'chat',
      customer: { displayName: `Customer ${i}`, identities: [{ kind: 'chat', value: `customer-${i}` }] },
      conversation: { externalRef: `chat-${i}`, subject: 'Order' },
      message: { author: 'customer', body: `Hello, I have a question about order ${i}.`, sentAt: T0 + i, externalId: `first-${i}` },
    }));
    await ingestion.ingestMany(items, { notify: false });
  } finally {
    await store.close();
  }
  const moods = ['Thank you so much, that is wonderful news!', 'I am furious, this is the third time the parcel is late.', 'I am worried my card was charged twice.', 'Where is my order? It has been two weeks.', 'Lovely, the replacement arrived and fits perfectly.'];
  await db.query(
    `INSERT INTO messages (conversation_id, author, body, sent_at, dedupe_key, created_at)
     SELECT c.id, 'customer', ($1::text[])[1 + g % 5] || ' (order ' || g || ')', $2::bigint + g * 1000, 'backlog-' || g, $2::bigint + g * 1000
     FROM generate_series(1, $3::int) AS g JOIN conversations c ON c.external_ref = 'chat-' || (g % $4::int)`,
    [moods, T0, BACKLOG - CONVERSATIONS, CONVERSATIONS],
  );
}

describe('two team server processes on one PostgreSQL, one killed with -9 mid-backlog', () => {
  it('loses nothing, reads nothing twice, and the other process finishes the work', async () => {
    const url = await testPostgresDatabase();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    clients.push(db);
    await storeBacklog(url, db);
    const one = async (text: string, values: unknown[] = []) => Number(Object.values((await db.query(text, values)).rows[0] as Record<string, unknown>)[0]);
    const messagesRead = () => one('SELECT count(DISTINCT message_id) FROM analyses WHERE message_id IS NOT NULL');
    expect(await one("SELECT count(*) FROM messages WHERE author = 'customer'")).toBe(BACKLOG);
    expect(await messagesRead()).toBe(0);

    const servers = await Promise.all([startServer(url), startServer(url)]);
    // the one to kill: a process that holds claims on messages it is reading, once some of the backlog is read and not all
    const claimsOf = (server: Server) => one('SELECT count(*) FROM analysis_claims WHERE claimed_by LIKE $1 AND claimed_until > $2', [`%:${server.process.pid}:%`, Date.now()]);
    let victim: Server | null = null;
    await vi.waitFor(
      async () => {
        const read = await messagesRead();
        if (read < BACKLOG / 20 || read >= BACKLOG) throw new Error(`not mid-backlog: ${read} of ${BACKLOG} read`);
        for (const server of servers) {
          if ((await claimsOf(server)) > 0) {
            victim = server;
            return;
          }
        }
        throw new Error('no process holds claims yet');
      },
      { timeout: 60_000, interval: 5 },
    );
    const killed = victim! as Server;
    const survivor = servers.find((server) => server !== killed)!;
    const killedAt = performance.now();
    killed.process.kill('SIGKILL');
    await new Promise((resolve) => killed.process.once('exit', resolve));
    const readAtKill = await messagesRead();
    // what it had claimed and not read: left to run out, then taken over
    const orphaned = (await db.query<{ message_id: number }>(
      'SELECT c.message_id FROM analysis_claims c WHERE c.claimed_by LIKE $1 AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.message_id = c.message_id)',
      [`%:${killed.process.pid}:%`],
    )).rows.map((row) => Number(row.message_id));
    expect(readAtKill, 'killed mid-backlog, not after it').toBeLessThan(BACKLOG);
    expect(readAtKill).toBeGreaterThanOrEqual(BACKLOG / 20);
    expect(orphaned.length, 'the killed process was reading when it died').toBeGreaterThan(0);

    // the condition: every message has a reading (the survivor reads on, then takes over the expired claims)
    await vi.waitFor(async () => expect(await messagesRead()).toBe(BACKLOG), { timeout: 150_000, interval: 100 });
    console.log(`Killed -9 with ${readAtKill} of ${BACKLOG} messages read and ${orphaned.length} claimed by it unread; the other read the rest in ${Math.round(performance.now() - killedAt)} ms (lease ${LEASE_MS} ms).`);

    // nothing read twice, nothing lost, no claim left behind; the survivor is still serving
    expect(await one('SELECT count(*) FROM analyses WHERE message_id IS NOT NULL')).toBe(BACKLOG);
    expect(await one("SELECT count(*) FROM messages m WHERE m.author = 'customer' AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.message_id = m.id)")).toBe(0);
    expect(await one('SELECT count(*) FROM analyses a WHERE a.message_id = ANY($1::bigint[])', [orphaned])).toBe(orphaned.length);
    expect(survivor.process.exitCode).toBeNull();
  }, 240_000);
});
