/**
 * The api's share, without the UI: the same calls the console makes, made in this process through
 * createApi over the run's copy of the workspace (after the web host has stopped, so with no
 * backlog competing), timed with and without turning the result into the JSON frame the web host
 * sends.
 */
import { createApi } from '../../../electron/services/api/createApi';
import { openWorkspace } from '../../../electron/services/api/workspace';
import { databasePath } from '../../../electron/services/dataDir';
import { createEventBus } from '../../../electron/services/events/eventBus';
import { median } from './stats';

export interface GetTiming {
  subject: string;
  messages: number;
  readings: number;
  callMs: number;
  stringifyMs: number;
  bytes: number;
}

export interface ServerSide {
  gets: GetTiming[];
  search: Map<string, number>;
  readingsStored: number;
}

/** `env` as the web host had it (KINSHIP_DATABASE_URL: the run's PostgreSQL copy). */
export async function measureServerSide(dataDir: string, env: NodeJS.ProcessEnv, subjects: string[], queries: string[], reps = 5): Promise<ServerSide> {
  const bus = createEventBus();
  const workspace = await openWorkspace(databasePath(dataDir), bus, { ...process.env, ...env });
  if (workspace.state !== 'ready') throw new Error(`cannot open the run's workspace: ${workspace.error.message}`);
  try {
    const api = await createApi({ host: 'web', bus, workspace });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await api.call(method, input, await api.deskCaller(null));
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    type Summary = { id: number; subject: string | null };
    const listed = await call<{ items: Summary[] }>('conversations.list', { sort: 'recent', limit: 200 });
    const gets: GetTiming[] = [];
    for (const subject of subjects) {
      const found = listed.items.find((item) => item.subject === subject);
      if (!found) continue;
      const callTimes: number[] = [];
      const stringifyTimes: number[] = [];
      let bytes = 0;
      let messages = 0;
      let readings = 0;
      for (let rep = 0; rep < reps; rep++) {
        const started = performance.now();
        const value = await call<{ messages: { reading: unknown }[] }>('conversations.get', { id: found.id });
        const called = performance.now();
        const frame = JSON.stringify({ type: 'result', id: 1, result: { ok: true, value } });
        stringifyTimes.push(performance.now() - called);
        callTimes.push(called - started);
        bytes = frame.length;
        messages = value.messages.length;
        readings = value.messages.filter((message) => message.reading !== null).length;
      }
      gets.push({ subject, messages, readings, callMs: median(callTimes), stringifyMs: median(stringifyTimes), bytes });
    }
    const search = new Map<string, number>();
    for (const query of queries) {
      const times: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        const value = await call<{ tookMs: number }>('messages.search', { query, limit: 100 });
        times.push(value.tookMs);
      }
      search.set(query, median(times));
    }
    const readingsStored = await workspace.store.analyses.count();
    return { gets, search, readingsStored };
  } finally {
    await workspace.store.close();
  }
}
