import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../../shared/contract/errors';
import { startChildHost } from '../../../helpers/childHost';
import { tempDir } from '../../../helpers/tempDir';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

/** What a workspace holds, as a digest of its rows (ids included), and whether SQLite finds it sound. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const digest = (sql: string) => crypto.createHash('sha256').update(JSON.stringify(db.prepare(sql).raw().all())).digest('hex');
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      counts: db.prepare('SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM conversations) AS conversations, (SELECT count(*) FROM messages) AS messages').get(),
      demoLoadedEvents: (db.prepare("SELECT count(*) AS n FROM session_events WHERE kind = 'workspace.demo-loaded'").get() as { n: number }).n,
      users: digest('SELECT id, email, role FROM users ORDER BY id'),
      customers: digest('SELECT c.id, c.display_name, i.kind, i.value FROM customers c JOIN customer_identities i ON i.customer_id = c.id ORDER BY c.id, i.kind, i.value'),
      conversations: digest('SELECT id, customer_id, channel, status, subject, queue, assignee_id, team_id, external_ref FROM conversations ORDER BY id'),
      teams: db.prepare('SELECT t.id, t.name, tm.user_id FROM teams t LEFT JOIN team_members tm ON tm.team_id = t.id ORDER BY t.id, tm.user_id').raw().all(),
      messages: digest('SELECT id, conversation_id, author, body, sent_at, external_id FROM messages ORDER BY id'),
      search: digest("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'refund' ORDER BY rowid"),
    };
  } finally {
    db.close();
  }
}

/** Loads the demo in a child host and waits for it to finish. */
async function loadToTheEnd(file: string): Promise<CallResult<unknown>> {
  const host = await startChildHost(file, NOW);
  try {
    return await host.call('demo.load', {});
  } finally {
    await host.stop();
  }
}

describe('a crash while the demo loads', () => {
  let complete: ReturnType<typeof inspect>;
  let total = 0;

  beforeAll(async () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const result = await loadToTheEnd(file);
    expect(result).toMatchObject({ ok: true });
    complete = inspect(file);
    total = (result as { value: { messages: number } }).value.messages;
    expect(complete.demoLoadedEvents).toBe(1);
    // the demo's two teams, each with its people
    expect(new Set(complete.teams.map((row) => (row as unknown[])[1])).size).toBe(2);
  }, 120_000);

  // kill -9 once the load has reported this share of its messages stored (then wherever it has got to)
  it.each([0, 0.3, 0.7])('leaves a workspace that is finished on the next start (killed at %d of the load)', async (share) => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const host = await startChildHost(file, NOW);
    const reached = host.waitForEvent((event) => event.name === 'progress' && event.payload.task === 'demo.load' && event.payload.done >= share * total);
    void host.call('demo.load', {});
    await reached;
    await host.crash();

    const afterCrash = inspect(file);
    expect(afterCrash.integrity).toBe('ok');

    // the next start finishes the load (a demo.load now waits for it, or finds it done)
    const again = await loadToTheEnd(file);
    expect(again.ok || (!again.ok && again.error.code === 'conflict')).toBe(true);
    const finished = inspect(file);
    expect(finished).toEqual(complete);
  }, 120_000);
});
