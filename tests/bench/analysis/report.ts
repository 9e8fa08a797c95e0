import type { ModelSpec } from '../../../electron/services/analysis/models/modelSpec';
import { INSIDE, TRANSACTION, type ScenarioResult } from './engineRun';
import type { RawTimes } from './rawInference';
import { fmt, mean, mib, percentile, sum, table } from './stats';
import type { WorkerSplit } from './workerSplit';

export interface RawReport {
  id: string;
  role: string;
  loadMs: number;
  live: RawTimes;
  backlog: RawTimes;
}

type Summary = { p50: number; p95: number; mean: number };

export interface ReportInput {
  /** The store the runs used, as the header names it. */
  store: string;
  postgres: boolean;
  /** The load average (1, 5, 15 min) before the first run and after the last. */
  load: { start: number[]; end: number[] };
  cores: number;
  cpu: string;
  node: string;
  modelsDir: string;
  specs: ModelSpec[];
  backlogSize: number;
  liveCount: number;
  liveIntervalMs: number;
  liveBatchSize: number;
  backlogBatchSize: number;
  engineDefaults: boolean;
  templateMs: number;
  quiet: ScenarioResult;
  busy: ScenarioResult;
  sweepRuns: ScenarioResult[];
  raw: RawReport[];
  rawBoth: {
    liveRun1: Summary;
    liveTokenize1: Summary;
    backlogRun1: Summary;
    backlogRunBatched: Summary;
    backlogTokenizeBatched: Summary;
  };
  rawTexts: { live: number; backlog: number };
  split: WorkerSplit[];
  totalMs: number;
}

/** SQL statements the engine sent to PostgreSQL per backlog message (its timed calls; live ingestion's excluded). */
const statementsPerMessage = (run: ScenarioResult) => sum(Object.values(run.buckets).map((bucket) => bucket.statements)) / run.backlogTotal;
const throughput = (run: ScenarioResult) => run.backlogTotal / (run.backlogMs / 1000);
const throughputFromStart = (run: ScenarioResult) => run.backlogTotal / (run.backlogFromStartMs / 1000);
const settings = (run: ScenarioResult) => `${run.liveBatchSize} × ${run.backlogBatchSize}`;
const cpuText = (run: ScenarioResult) => `${fmt(run.cpu.ours, 2)} / ${run.cpu.others === null ? '?' : fmt(run.cpu.others, 2)}`;
const dist = (samples: readonly number[]) => [fmt(percentile(samples, 50)), fmt(percentile(samples, 95)), fmt(percentile(samples, 99)), fmt(Math.max(0, ...samples))];
const pair = (samples: readonly number[]) => `${fmt(percentile(samples, 50))} / ${fmt(percentile(samples, 95))}`;

function batchRows(run: ScenarioResult): string[][] {
  const rows: string[][] = [];
  for (const priority of ['live', 'backlog'] as const) {
    const batches = run.batches.filter((batch) => batch.priority === priority && batch.receivedAt !== null);
    if (!batches.length) continue;
    const items = sum(batches.map((batch) => batch.items));
    const work = batches.map((batch) => batch.workMs ?? 0);
    const hop = batches.map((batch) => batch.receivedAt! - batch.dispatchedAt - (batch.workMs ?? 0));
    const handle = batches.map((batch) => batch.handleMs ?? 0);
    rows.push([
      `${run.label} (${settings(run)}): ${priority}`,
      String(batches.length),
      fmt(items / batches.length),
      pair(work),
      fmt(sum(work) / items),
      pair(hop),
      pair(handle),
      fmt(sum(handle) / items),
    ]);
  }
  return rows;
}

function storeRows(run: ScenarioResult): string[][] {
  const rows = Object.entries(run.buckets)
    .filter(([, bucket]) => bucket.calls > 0)
    .map(([name, bucket]) => [name, run.label, String(bucket.calls), fmt(bucket.ms, 0), fmt((bucket.ms * 1000) / bucket.calls, 1), fmt(bucket.maxMs), String(bucket.over10), fmt(bucket.wallMs / bucket.calls, 2), fmt(bucket.statements / bucket.calls, 2)]);
  const whole = run.buckets[TRANSACTION];
  if (whole?.calls) {
    const inside = Object.entries(run.buckets).filter(([name]) => name.endsWith(INSIDE)).map(([, bucket]) => bucket);
    const rest = whole.ms - sum(inside.map((bucket) => bucket.ms));
    const restWall = whole.wallMs - sum(inside.map((bucket) => bucket.wallMs));
    const restStatements = whole.statements;
    // (on PostgreSQL a call's main-thread time is only its synchronous part: the rest is awaited)
    const mainThread = rest >= 0 ? [fmt(rest, 0), fmt((rest * 1000) / whole.calls, 1)] : ['', ''];
    rows.push(['of the write: BEGIN/COMMIT, WAL, the engine’s own JS', run.label, String(whole.calls), ...mainThread, '', '', fmt(restWall / whole.calls, 2), fmt(restStatements / whole.calls, 2)]);
  }
  return rows;
}

export function report(input: ReportInput): string {
  const { quiet, busy, raw, rawBoth, sweepRuns } = input;
  const withLive = [busy, ...sweepRuns];
  const out: string[] = [];
  const say = (...lines: string[]) => out.push(...lines, '');
  const mainSettings = `${input.liveBatchSize} × ${input.backlogBatchSize}${input.engineDefaults ? ', the engine’s defaults, as the app runs it' : ''}`;

  say(
    `# Kinship analysis benchmark on ${input.postgres ? 'PostgreSQL' : 'SQLite'}`,
    `Store: **${input.store}**. Load average (1 / 5 / 15 min): ${input.load.start.map((v) => fmt(v)).join(' / ')} before the runs, ${input.load.end.map((v) => fmt(v)).join(' / ')} after.`,
    `${input.cores} cores (${input.cpu}), Node ${input.node}; models from ${input.modelsDir}: ${input.specs.map((s) => `${s.id} (${s.role}, ${s.dtype})`).join(', ')}; the engine runs both on every message.`,
    `Backlog: ${input.backlogSize.toLocaleString('en')} customer/agent messages from the demo workspace (chat, e-mail, voice), each made unique so the cache serves none; stored in ${fmt(input.templateMs / 1000)} s before the engine starts. Live: ${input.liveCount} messages through ingestion.ingest(), one every ${input.liveIntervalMs} ms, while the backlog runs. Engine batches (live × backlog): ${mainSettings}${sweepRuns.length ? `; compared with ${sweepRuns.map(settings).join(', ')}` : ''}.`,
    ...[quiet, ...withLive]
      .filter((run) => (run.cpu.others ?? 0) > 0.25)
      .map((run) => `WARNING: other processes used ${fmt(run.cpu.others!, 2)} of ${input.cores} cores during "${run.label}" (${settings(run)}); its figures are slowed by them. Run again on a quiet machine.`),
  );

  say(
    '## 1. Load time',
    table(
      ['what', 'ms'],
      [
        ['engine.start() → ready, run 1 (backlog only)', fmt(quiet.startToReadyMs, 0)],
        ['engine.start() → ready, run 2 (backlog + live)', fmt(busy.startToReadyMs, 0)],
        ...quiet.models.map((model) => [`${model.id}: loadMs in the worker, run 1`, fmt(model.loadMs, 0)]),
        ...busy.models.map((model) => [`${model.id}: loadMs in the worker, run 2`, fmt(model.loadMs, 0)]),
        ...raw.map((model) => [`${model.id}: raw AutoTokenizer + InferenceSession.create, for comparison`, fmt(model.loadMs, 0)]),
      ],
    ),
    'start → ready also holds the worker thread’s start, importing transformers.js and onnxruntime there, and the backlog query.',
  );

  const overlapNote = (run: ScenarioResult) =>
    run.liveDuringBacklog < run.liveSent
      ? `Only ${run.liveDuringBacklog} of ${run.liveSent} live messages arrived before the backlog finished; the rest met an idle engine.`
      : `All ${run.liveSent} live messages arrived while the backlog was running.`;
  say(
    `## 2. Live latency: ${busy.liveSent} live messages during the ${input.backlogSize.toLocaleString('en')}-message backlog (run 2; batches ${mainSettings})`,
    table(
      ['ms', 'p50', 'p95', 'p99', 'max'],
      [
        ['**latencyMs of analysis.result: enqueue → stored result**', ...dist(busy.liveLatencyMs)],
        ['ingestion.ingest() call → analysis.result event', ...dist(busy.liveEndToEndMs)],
        ['ingestion.ingest() itself (its own SQLite write; before the enqueue)', ...dist(busy.ingestMs)],
        ['of latencyMs: waiting, enqueue → its batch posted to the worker', ...dist(busy.liveTraces.map((t) => t.waitMs))],
        ['of latencyMs: worker round trip, posted → reply on the main thread', ...dist(busy.liveTraces.map((t) => t.roundTripMs))],
        ['  of which the worker’s own work on the batch', ...dist(busy.liveTraces.map((t) => t.workMs))],
        ['of latencyMs: storing, reply → result stored and announced', ...dist(busy.liveTraces.map((t) => t.storeMs))],
      ],
    ),
    overlapNote(busy),
    ...(sweepRuns.length
      ? [
          '',
          'Other batch settings, same traffic (latencyMs of analysis.result, and where it went, p50 / p95):',
          table(
            ['live × backlog', 'p50', 'p95', 'p99', 'max', 'waiting', 'round trip', 'worker work', 'storing'],
            withLive.map((run) => [
              settings(run),
              ...dist(run.liveLatencyMs),
              pair(run.liveTraces.map((t) => t.waitMs)),
              pair(run.liveTraces.map((t) => t.roundTripMs)),
              pair(run.liveTraces.map((t) => t.workMs)),
              pair(run.liveTraces.map((t) => t.storeMs)),
            ]),
          ),
          ...sweepRuns.filter((run) => run.liveDuringBacklog < run.liveSent).map((run) => `${settings(run)}: ${overlapNote(run)}`),
        ]
      : []),
  );

  say(
    '## 3. Backlog throughput (backlog size / time to backlog done)',
    table(
      ['run', 'live × backlog', 'messages', 'ready → done (s)', 'messages/s', 'start → done (s)', 'messages/s incl. load', `CPU cores used: this process / others (of ${input.cores})`],
      [quiet, ...withLive].map((run) => [run.label, settings(run), String(run.backlogTotal), fmt(run.backlogMs / 1000), fmt(throughput(run), 0), fmt(run.backlogFromStartMs / 1000), fmt(throughputFromStart(run), 0), cpuText(run)]),
    ),
  );

  say(
    '## 4. Worker peak memory (sampled by the worker after every batch)',
    table(
      ['run', 'live × backlog', 'worker JS heap', 'process RSS (incl. onnxruntime’s native memory)'],
      [quiet, ...withLive].map((run) => [run.label, settings(run), mib(run.peakMemory.heapUsed), mib(run.peakMemory.rss)]),
    ),
    'Each run starts a fresh worker, but RSS is the whole process’s (main thread, earlier runs’ freed memory included).',
  );

  const rawRow = (label: string, texts: number, times: RawTimes, which: string) => [
    label,
    `${which} (${texts})`,
    pair(times.tokenize1),
    pair(times.run1),
    fmt(mean(times.tokenizeBatched)),
    `${fmt(mean(times.runBatched))} (batches of ${times.batchSize})`,
  ];
  say(
    '## 5. Raw onnxruntime-node inference: same model.onnx, same texts (after Kinship’s text cleaning), ms per message',
    table(
      ['model', 'texts', 'tokenizer p50 / p95, batch 1', 'session.run p50 / p95, batch 1', 'tokenizer, batched (mean)', 'session.run, batched (mean)'],
      raw.flatMap((model) => [rawRow(model.id, input.rawTexts.live, model.live, 'live'), rawRow(model.id, input.rawTexts.backlog, model.backlog, 'backlog sample')]),
    ),
    table(
      ['both models together, ms per message', 'p50', 'p95', 'mean'],
      [
        ['session.run, batch 1, live texts', fmt(rawBoth.liveRun1.p50), fmt(rawBoth.liveRun1.p95), fmt(rawBoth.liveRun1.mean)],
        ['tokenizer, batch 1, live texts', fmt(rawBoth.liveTokenize1.p50), fmt(rawBoth.liveTokenize1.p95), fmt(rawBoth.liveTokenize1.mean)],
        ['session.run, batch 1, backlog sample', fmt(rawBoth.backlogRun1.p50), fmt(rawBoth.backlogRun1.p95), fmt(rawBoth.backlogRun1.mean)],
        [`session.run, batches of ${input.backlogBatchSize}, backlog sample`, fmt(rawBoth.backlogRunBatched.p50), fmt(rawBoth.backlogRunBatched.p95), fmt(rawBoth.backlogRunBatched.mean)],
        [`tokenizer, batches of ${input.backlogBatchSize}, backlog sample`, fmt(rawBoth.backlogTokenizeBatched.p50), fmt(rawBoth.backlogTokenizeBatched.p95), fmt(rawBoth.backlogTokenizeBatched.mean)],
      ],
    ),
  );
  const ratio = (a: number, b: number) => `${fmt(a / b, 1)}×`;
  const rawBatched = rawBoth.backlogRunBatched.mean;
  const rawTokRun = rawBoth.backlogRunBatched.mean + rawBoth.backlogTokenizeBatched.mean;
  say(
    'Kinship’s cost per message against raw inference (both models):',
    table(
      ['Kinship, ms per message', 'live × backlog', 'value', `÷ raw session.run (batch 1 p50 ${fmt(rawBoth.liveRun1.p50)}, p95 ${fmt(rawBoth.liveRun1.p95)}; batches of ${input.backlogBatchSize}: ${fmt(rawBatched)})`, `÷ raw tokenizer + session.run (batch 1 p50 ${fmt(rawBoth.liveRun1.p50 + rawBoth.liveTokenize1.p50)}; batched ${fmt(rawTokRun)})`],
      [
        ...withLive.flatMap((run) => {
          const p50 = percentile(run.liveLatencyMs, 50);
          const p95 = percentile(run.liveLatencyMs, 95);
          return [
            ['live latency p50', settings(run), fmt(p50), ratio(p50, rawBoth.liveRun1.p50), ratio(p50, rawBoth.liveRun1.p50 + rawBoth.liveTokenize1.p50)],
            ['live latency p95', settings(run), fmt(p95), ratio(p95, rawBoth.liveRun1.p95), ratio(p95, rawBoth.liveRun1.p95 + rawBoth.liveTokenize1.p95)],
          ];
        }),
        ...[quiet, ...withLive].map((run) => {
          const per = 1000 / throughput(run);
          return [`backlog, 1 / throughput (${run.label})`, settings(run), fmt(per), ratio(per, rawBatched), ratio(per, rawTokRun)];
        }),
      ],
    ),
  );

  say(
    '## 6. Main-thread event-loop delay while the backlog runs (monitorEventLoopDelay, resolution 2 ms, in the process that runs the engine and the store)',
    table(
      ['run', 'live × backlog', 'p50 ms', 'p99 ms', 'max ms', 'mean ms', 'event-loop utilisation'],
      [quiet, ...withLive].map((run) => [run.label, settings(run), fmt(run.eventLoopDelayMs.p50), fmt(run.eventLoopDelayMs.p99), fmt(run.eventLoopDelayMs.max), fmt(run.eventLoopDelayMs.mean), `${fmt(run.eventLoopUtilization * 100, 1)}%`]),
    ),
  );

  say(
    '## Where the time goes',
    'Per worker batch (ms, p50 / p95). hop = round trip − the worker’s own work (postMessage both ways with structured clone, thread wake-up, and waiting for a CPU). main handling = reply arrival → results stored, events sent and the next batch posted (the worker has nothing to do meanwhile: one batch in flight at a time).',
    table(
      ['run: lane', 'batches', 'items/batch', 'worker work', 'work per message', 'hop', 'main handling', 'main per message'],
      [quiet, ...withLive].flatMap(batchRows),
    ),
    'Inside the worker, ms per message, measured step by step with the engine’s own modules on an idle thread (backlog sample):',
    table(
      ['batch', 'text cleaning (customerWords)', 'model step (createModelAnalyzer read), both models', ...input.split[0]!.perModel.flatMap((model) => [`${model.id}: token count for windows (tokenizer.encode)`, `${model.id}: pipeline call`, `${model.id}: of which its tokenizer`]), 'model step − pipeline calls − token counts (windows, means, label mapping)'],
      input.split.map((row) => [
        String(row.batchSize),
        fmt(row.cleaning),
        fmt(row.analyzerRead),
        ...row.perModel.flatMap((model) => [fmt(model.countTokens), fmt(model.pipelineCall), fmt(model.pipelineTokenizer)]),
        fmt(row.analyzerRead - sum(row.perModel.map((model) => model.pipelineCall + model.countTokens))),
      ]),
    ),
    `For comparison, raw session.run for both models: ${fmt(rawBoth.backlogRun1.mean)} ms per message at batch 1, ${fmt(rawBatched)} in batches of ${input.backlogBatchSize} (mean, backlog sample).`,
    'Main-thread time in the engine’s store and bus calls (live ingestion’s own writes excluded):',
    table(['call', 'run', 'calls', 'total ms', 'µs per call', 'max ms', 'calls > 10 ms', 'ms per call until settled', 'SQL statements per call'], [quiet, busy].flatMap(storeRows)),
    ...(input.postgres
      ? [`PostgreSQL statements (round trips) the engine sent per backlog message: ${fmt(statementsPerMessage(quiet), 2)} (backlog only), ${fmt(statementsPerMessage(busy), 2)} (with live traffic, its live readings included). SQLite counts none: its calls are in-process.`]
      : []),
  );

  const liveLimit = 2 * rawBoth.liveRun1.p95 + 5;
  const liveLimitP50 = 2 * rawBoth.liveRun1.p50 + 5;
  const cell = (ok: boolean, value: string) => `${value} ${ok ? 'met' : '**MISSED**'}`;
  const quietDelay = quiet.eventLoopDelayMs.p99;
  say(
    '## Targets',
    table(
      ['target', 'limit', ...withLive.map((run) => `${settings(run)}${run === busy ? ' (main runs)' : ''}`)],
      [
        [
          `live p95 ≤ 2 × raw + 5 ms (raw = both models’ session.run at batch 1, p95 ${fmt(rawBoth.liveRun1.p95)} ms; with p50 the limit is ${fmt(liveLimitP50)} ms)`,
          `${fmt(liveLimit)} ms`,
          ...withLive.map((run) => cell(percentile(run.liveLatencyMs, 95) <= liveLimit, `${fmt(percentile(run.liveLatencyMs, 95))} ms`)),
        ],
        [`backlog ≥ 500 messages/s on ${input.cores} cores, no live traffic`, '500/s', cell(throughput(quiet) >= 500, `${fmt(throughput(quiet), 0)}/s`), ...sweepRuns.map(() => 'not run')],
        [`backlog ≥ 500 messages/s on ${input.cores} cores, with the live traffic`, '500/s', ...withLive.map((run) => cell(throughput(run) >= 500, `${fmt(throughput(run), 0)}/s`))],
        [
          'main-thread event-loop delay p99 ≤ 20 ms while the backlog runs',
          '20 ms',
          cell(Math.max(quietDelay, busy.eventLoopDelayMs.p99) <= 20, `${fmt(busy.eventLoopDelayMs.p99)} ms (no live: ${fmt(quietDelay)})`),
          ...sweepRuns.map((run) => cell(run.eventLoopDelayMs.p99 <= 20, `${fmt(run.eventLoopDelayMs.p99)} ms`)),
        ],
      ],
    ),
    `Whole benchmark (after the build): ${fmt(input.totalMs / 1000)} s.`,
  );
  return out.join('\n');
}
