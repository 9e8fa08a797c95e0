import Database from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../../electron/services/api/createApi';
import { openWorkspace } from '../../../../electron/services/api/workspace';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { API_ERROR_CODES } from '../../../../shared/contract/errors';
import { METHOD_NAMES, methodInputs, type MethodName } from '../../../../shared/contract/methods';
import { invalidInput, validInput } from '../../../helpers/schemaArbitrary';

/**
 * Every method of the contract, called with random valid and invalid input against a real
 * workspace holding the demo: each call ends (no hang) in a typed success or a typed refusal —
 * never `internal` — and a refusal writes nothing, whether the schema refused it before any handler
 * ran or the handler did (not found, conflict, forbidden).
 */

/** Methods whose work is a whole workspace, exercised by their own tests rather than hundreds of times here. */
const HEAVY: ReadonlySet<MethodName> = new Set(['demo.load']);
/** A call that has not answered by then is a hang (the slowest honest call here takes milliseconds). */
const HANG_MS = 15_000;

/** Tables the user's actions write; derived caches rebuilt in the background are left out. */
const WRITTEN_TABLES = [
  'users',
  'customers',
  'customer_identities',
  'conversations',
  'messages',
  'drafts',
  'conversation_reads',
  'coach_prompts',
  'follow_ups',
  'settings',
  'session_events',
  'teams',
  'team_members',
];
/** Appended to, never rewritten: their size and last row say whether anything was added. */
const APPEND_ONLY = new Set(['messages', 'session_events']);

let api: Api;
let observer: Database.Database;
let closeWorkspace: () => Promise<void>;
/** One workspace for the whole file (the per-test temp folders are removed after each test). */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-properties-'));
/** Few ids, so random calls meet the same customer and conversation often enough to find what one call leaves for the next. */
const knownIds = [1, 2, 3];

/** A fingerprint of everything a user's action could have written, read through a second connection. */
function fingerprint(): string {
  return WRITTEN_TABLES.map((table) => {
    if (APPEND_ONLY.has(table)) return JSON.stringify(observer.prepare(`SELECT count(*) AS n, max(rowid) AS last FROM ${table}`).get());
    const columns = (observer.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => `quote("${column.name}")`);
    return JSON.stringify(observer.prepare(`SELECT group_concat(${columns.join(" || '|' || ")}, char(10)) AS rows FROM ${table}`).get());
  }).join('\n');
}

async function callWithin(method: MethodName, input: unknown) {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_MS);
  });
  try {
    return await Promise.race([api.call(method, input, await api.deskCaller(null)), hang]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  const file = path.join(folder, 'kinship.sqlite');
  const bus = createEventBus();
  const workspace = await openWorkspace(file, bus);
  api = await createApi({ host: 'web', bus, workspace });
  const loaded = await api.call('demo.load', {}, await api.deskCaller(null));
  if (!loaded.ok) throw new Error(`demo.load failed: ${loaded.error.message}`);
  observer = new Database(file, { readonly: true });
  closeWorkspace = async () => {
    api.close();
    if (workspace.state === 'ready') await workspace.store.close();
  };
}, 120_000);

afterAll(async () => {
  observer?.close();
  await closeWorkspace?.();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The reads behind every screen, for the ids the random calls touch. */
const READS_AFTER: { method: MethodName; input: unknown }[] = [
  { method: 'workspace.status', input: {} },
  { method: 'customers.list', input: {} },
  { method: 'conversations.list', input: {} },
  ...knownIds.flatMap((id) => [
    { method: 'customers.connection' as const, input: { id } },
    { method: 'customers.profile' as const, input: { id } },
    { method: 'conversations.get' as const, input: { id } },
    { method: 'coach.prompts' as const, input: { conversationId: id } },
  ]),
];

const methods = METHOD_NAMES.filter((method) => !HEAVY.has(method));

describe('every contract method, with random input', () => {
  it.each(methods)('%s: valid input gets a typed answer, never internal, never a hang, and a refusal writes nothing', async (method) => {
    await fc.assert(
      fc.asyncProperty(validInput(methodInputs[method], { knownIds }), async (input) => {
        const before = fingerprint();
        const result = await callWithin(method, input);
        expect(result, `${method}(${JSON.stringify(input).slice(0, 300)}) did not answer`).not.toBe('hang');
        if (result === 'hang' || result.ok) return;
        expect(API_ERROR_CODES).toContain(result.error.code);
        expect(result.error.code, `${method}(${JSON.stringify(input).slice(0, 300)}): ${result.error.message}`).not.toBe('internal');
        expect(result.error.message.length).toBeGreaterThan(0);
        // a refusal by the handler itself (not found, conflict, forbidden, a due time in the past) writes nothing either
        expect(fingerprint(), `${method} wrote although it refused ${JSON.stringify(input).slice(0, 300)}: ${result.error.message}`).toBe(before);
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it.each(methods)('%s: invalid input is refused with a typed error and changes nothing', async (method) => {
    await fc.assert(
      fc.asyncProperty(invalidInput(methodInputs[method], { knownIds }), async (input) => {
        const before = fingerprint();
        const result = await callWithin(method, input);
        expect(result, `${method}(${JSON.stringify(input).slice(0, 300)}) did not answer`).not.toBe('hang');
        if (result === 'hang' || result.ok) return;
        expect(result.error.code, `${method}(${JSON.stringify(input).slice(0, 300)}): ${result.error.message}`).not.toBe('internal');
        expect(fingerprint(), `${method} wrote although it refused ${JSON.stringify(input).slice(0, 300)}`).toBe(before);
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it('any sequence of valid calls leaves every later call answering with a typed result', async () => {
    const anyCall = fc.oneof(
      ...methods.map((method) => validInput(methodInputs[method], { knownIds }).map((input) => ({ method, input }))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyCall, { minLength: 1, maxLength: 12 }), async (calls) => {
        for (const { method, input } of calls) {
          const result = await callWithin(method, input);
          const what = `${method}(${JSON.stringify(input).slice(0, 300)}) after ${calls.map((call) => call.method).join(', ')}`;
          expect(result, `${what} did not answer`).not.toBe('hang');
          if (result !== 'hang' && !result.ok) expect(result.error.code, `${what}: ${result.error.message}`).not.toBe('internal');
        }
        // Whatever those calls left behind, every screen can still be read.
        for (const { method, input } of READS_AFTER) {
          const result = await callWithin(method, input);
          const what = `${method}(${JSON.stringify(input)}) after ${calls.map((call) => `${call.method}(${JSON.stringify(call.input).slice(0, 120)})`).join(', ')}`;
          expect(result, `${what} did not answer`).not.toBe('hang');
          if (result !== 'hang' && !result.ok) expect(result.error.code, `${what}: ${result.error.message}`).not.toBe('internal');
        }
      }),
      { numRuns: 150 },
    );
  }, 600_000);
});
