/**
 * `npm run bench:team`: a team on one queue. BENCH_TEAM_AGENTS simulated agents (50) — WebSocket
 * consoles that sign in through the team server's HTTP endpoints, then open conversations, take
 * them, type (activity.report) and reply at a person's pace with jitter — while customers write
 * BENCH_TEAM_RATE messages a second (5), against BENCH_TEAM_PROCESSES team-server processes (2)
 * sharing one PostgreSQL database holding the UI bench's workspace (1,000,000 messages by default).
 *
 * Measured as a console sees it: (a) opening a conversation, (b) a reply's acknowledgement, (c) a
 * message's `message.added` event reaching every console (arrivals and replies; each console's
 * delay, and the time until the last one had it). Events that never reach a console within a
 * bounded wait are counted, not waited for. Prints markdown with the targets' verdicts, the load
 * average and each server's CPU use.
 *
 * The workspace is built once into a PostgreSQL cluster kept in BENCH_TEAM_DIR (default
 * <tmp>/kinship-bench-team-pg) and each run gets its own copy (CREATE DATABASE … TEMPLATE); with
 * BENCH_TEAM_DATABASE_URL (a database on another server, for admin commands) that server is used.
 *
 * Settings (environment): BENCH_TEAM_PROCESSES (2), BENCH_TEAM_AGENTS (50), BENCH_TEAM_RATE (5),
 * BENCH_TEAM_SECONDS (120: the measured phase), BENCH_TEAM_EVENT_WAIT_MS (5000: how long after it
 * events may still arrive), BENCH_TEAM_CONVERSATIONS / BENCH_TEAM_MESSAGES (100,000 / 1,000,000),
 * BENCH_TEAM_DIR, BENCH_TEAM_DATABASE_URL, KINSHIP_MODELS_DIR (else ../shared/models).
 */
import os from 'node:os';
import path from 'node:path';
import { AUTH_PATHS, type NewInvitation } from '../../shared/contract/people';
import type { ConversationSummary } from '../../shared/contract/domain';
import { benchModelsDir, TARGET_CONVERSATIONS, TARGET_MESSAGES } from './ui/benchStore';
import { watchCpu } from './ui/cpuUse';
import { ConsoleClient, post } from './team/consoleClient';
import { startCustomerStream } from './team/customerStream';
import { allHeard, eventReach, type Origin } from './team/eventReach';
import { startBenchServer, type BenchServer } from './team/serverProcesses';
import { emptyFigures, runAgent } from './team/simulatedAgent';
import { postgresWorkspace } from './ui/postgresWorkspace';
import { teamReport } from './team/teamReport';

const numberSetting = (name: string, fallback: number) => {
  const value = process.env[name] ? Number(process.env[name]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(process.env[name])}`);
  return value;
};

const settings = {
  processes: Math.round(numberSetting('BENCH_TEAM_PROCESSES', 2)),
  agents: Math.round(numberSetting('BENCH_TEAM_AGENTS', 50)),
  perSecond: numberSetting('BENCH_TEAM_RATE', 5),
  seconds: numberSetting('BENCH_TEAM_SECONDS', 120),
  eventWaitMs: numberSetting('BENCH_TEAM_EVENT_WAIT_MS', 5_000),
  conversations: Math.round(numberSetting('BENCH_TEAM_CONVERSATIONS', TARGET_CONVERSATIONS)),
  messages: Math.round(numberSetting('BENCH_TEAM_MESSAGES', TARGET_MESSAGES)),
};
const BENCH_DIR = process.env.BENCH_TEAM_DIR ?? path.join(os.tmpdir(), 'kinship-bench-team-pg');
const ADMIN = { name: 'Ada Admin', email: 'ada@bench.kinship.test', password: 'purple kettle on the stairs' };
const AGENT_PASSWORD = 'seven green bottles hanging';

const log = (message: string) => console.error(`[bench:team] ${message}`);
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

async function main() {
  const database = await postgresWorkspace(BENCH_DIR, { conversations: settings.conversations, messages: settings.messages }, process.env.BENCH_TEAM_DATABASE_URL, log);
  const servers: BenchServer[] = [];
  const consoles: ConsoleClient[] = [];
  try {
    const models = benchModelsDir();
    // the first server alone (it brings the run's copy to the current schema), then the others
    log(`starting ${settings.processes} team server${settings.processes === 1 ? '' : 's'}`);
    const first = await startBenchServer(0, database.url, models);
    servers.push(first);
    if (!first.setupLink) throw new Error('the first team server printed no setup link (the workspace already has an admin?)');
    // the first admin (before the other servers start: a server without an admin would print a new link, replacing this one)
    const setup = await post(first.origin, AUTH_PATHS.setup, { token: new URL(first.setupLink).hash.replace(/^#setup=/, ''), ...ADMIN });
    servers.push(...(await Promise.all(Array.from({ length: settings.processes - 1 }, (_, index) => startBenchServer(index + 1, database.url, models)))));

    // the agents: invited, taking up their invitation, signing in to their server
    const people = Array.from({ length: settings.agents }, (_, index) => ({ name: `Bench Agent ${index + 1}`, email: `agent${index + 1}@bench.kinship.test`, password: AGENT_PASSWORD }));
    log(`inviting ${people.length} agents and signing them in`);
    const signInMs: number[] = [];
    consoles.push(
      ...(await inBatches(people, 4, async (person, index) => {
        const invited = (await post(first.origin, AUTH_PATHS.invite, { email: person.email, name: person.name, role: 'agent' }, setup.cookie!)).body as unknown as NewInvitation;
        await post(first.origin, AUTH_PATHS.invitation, { token: new URL(invited.link).hash.replace(/^#invite=/, ''), name: person.name, password: person.password });
        const server = servers[index % servers.length]!;
        const started = performance.now();
        const client = await ConsoleClient.signIn(server.origin, server.index, person);
        signInMs.push(performance.now() - started);
        return client;
      })),
    );

    // what is on the queue to begin with, as the first console lists it
    const listed = await consoles[0]!.call<{ items: ConversationSummary[] }>('conversations.list', { status: 'active', limit: 200 });
    const initial = listed.result.ok ? listed.result.value.items.map((item) => item.id) : [];
    if (!initial.length) log('the queue listed no open conversations to begin with: the agents work on what arrives');

    // the measured phase
    log(`measuring for ${settings.seconds} s: ${settings.agents} agents, ${settings.perSecond} customer messages a second`);
    const cpu = servers.map((server) => watchCpu(server.process.pid));
    const benchCpuStart = process.cpuUsage();
    const phaseStarted = performance.now();
    const load = { start: os.loadavg(), end: [] as number[] };
    const customers = startCustomerStream(servers, settings.perSecond);
    const figures = emptyFigures();
    let running = true;
    const pick = () => {
      const recent = customers.recentConversations;
      if (recent.length && (Math.random() < 0.7 || !initial.length)) return recent[Math.floor(Math.random() * Math.min(recent.length, 100)) + Math.max(0, recent.length - 100)] ?? null;
      return initial.length ? initial[Math.floor(Math.random() * initial.length)]! : null;
    };
    const agentsDone = Promise.all(consoles.map((client) => runAgent(client, pick, () => running, figures)));
    await sleep(settings.seconds * 1000);
    running = false;
    await customers.stop();
    await agentsDone;
    const used = servers.map((_, index) => cpu[index]!());
    const benchCpu = process.cpuUsage(benchCpuStart);
    const phaseSeconds = (performance.now() - phaseStarted) / 1000;
    load.end = os.loadavg();

    // every message stored in the phase, and where it started; the events still on their way get a bounded wait
    const origins = new Map<number, Origin>();
    for (const [id, arrival] of customers.arrivals) origins.set(id, { at: arrival.at, server: arrival.server, kind: 'arrival' });
    for (const [id, reply] of figures.replies) origins.set(id, { at: reply.at, server: reply.server, kind: 'reply' });
    const waitUntil = performance.now() + settings.eventWaitMs;
    while (!allHeard(origins, consoles) && performance.now() < waitUntil) await sleep(100);

    const reach = eventReach(origins, consoles, servers.length);
    const markdown = teamReport({
      settings: { ...settings, reused: database.reused },
      agents: figures,
      reach,
      arrivalsStored: customers.arrivals.size,
      arrivalFailures: customers.failures,
      load,
      serverCores: used.map((use) => use.hostCores),
      machineCores: used[0]?.machineCores ?? Number.NaN,
      benchCores: (benchCpu.user + benchCpu.system) / 1e6 / phaseSeconds,
      signInMs,
    });
    console.log(markdown);
  } finally {
    for (const client of consoles) client.close();
    await Promise.all(servers.map((server) => server.stop()));
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
