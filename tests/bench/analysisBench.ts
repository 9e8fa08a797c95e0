/**
 * `npm run bench:analysis`: what the analysis engine costs, against the raw model underneath.
 * Load time, live latency while a 10,000-message backlog runs, backlog throughput, the worker's
 * memory, raw onnxruntime-node inference for the same texts, and the main thread's event-loop
 * delay; then the targets. Prints markdown tables.
 *
 * Settings (environment): LIVE_BATCH, BACKLOG_BATCH (engine batch sizes for the main runs; default
 * 8 and 4, the engine's own defaults, which the app uses), BENCH_SWEEP (other live×backlog settings
 * to compare with live traffic; default "1x1,8x1,1x2"; "none" for none), BENCH_BACKLOG (10000),
 * BENCH_LIVE (300), BENCH_LIVE_INTERVAL_MS (15), KINSHIP_MODELS_DIR (else ../shared/models),
 * BENCH_STORE ("sqlite", the default, or "postgres": a throwaway PostgreSQL 15 cluster, stopped at
 * the end, whose database the engine's store opens as the team server's does).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { customerWords } from '../../electron/services/analysis/text/customerWords';
import { prepareTemplate, runScenario, type ScenarioOptions, type ScenarioResult } from './analysis/engineRun';
import { resolveModels } from './analysis/modelsDir';
import { combined, loadRawModel, summary, timeRawModel, type RawTimes } from './analysis/rawInference';
import { report, type RawReport } from './analysis/report';
import { buildWorkload } from './analysis/workload';
import { benchStores } from './analysis/benchStores';
import { benchStoreKind, loadText } from './benchPostgres';
import { measureWorkerSplit } from './analysis/workerSplit';

const WORKER = new URL('../../out/main/analysisWorker.js', import.meta.url);

function intFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`bench:analysis: ${name}=${value} is not a whole number.`);
    process.exit(2);
  }
  return parsed;
}

/** The engine's defaults (createAnalysisEngine), which startServices uses. */
const ENGINE_DEFAULTS = { live: 8, backlog: 4 };
const DEFAULT_SWEEP = '1x1,8x1,1x2';

function sweepFromEnv(): { live: number; backlog: number }[] {
  const value = (process.env.BENCH_SWEEP ?? DEFAULT_SWEEP).trim();
  if (!value || value === 'none') return [];
  return value.split(',').map((pair) => {
    const match = /^(\d+)x(\d+)$/.exec(pair.trim());
    if (!match) {
      console.error(`bench:analysis: BENCH_SWEEP entry "${pair}" is not like 8x16 (live×backlog).`);
      process.exit(2);
    }
    return { live: Number(match[1]), backlog: Number(match[2]) };
  });
}

async function main() {
  const benchStarted = performance.now();
  if (!fs.existsSync(fileURLToPath(WORKER))) {
    console.error('bench:analysis: out/main/analysisWorker.js is missing: run `npm run bench:analysis` (it builds first).');
    process.exit(2);
  }
  const { dir: modelsDir, specs } = await resolveModels();
  const liveBatchSize = intFromEnv('LIVE_BATCH', ENGINE_DEFAULTS.live);
  const backlogBatchSize = intFromEnv('BACKLOG_BATCH', ENGINE_DEFAULTS.backlog);
  const backlogSize = intFromEnv('BENCH_BACKLOG', 10_000);
  const liveCount = intFromEnv('BENCH_LIVE', 300);
  const liveIntervalMs = intFromEnv('BENCH_LIVE_INTERVAL_MS', 15);
  const sweep = sweepFromEnv();
  const storeKind = benchStoreKind('bench:analysis');

  const load = { start: os.loadavg(), end: [] as number[] };
  console.error(`[bench:analysis] store: ${storeKind}; load average ${loadText(load.start)}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bench-'));
  const cleanUp = () => fs.rmSync(workDir, { recursive: true, force: true });
  process.once('exit', cleanUp);
  const stores = benchStores(storeKind, workDir, (message) => console.error(`[bench:analysis] ${message}`));
  try {
    const workload = buildWorkload({ backlogSize, liveCount, now: Date.now() });
    const template = await prepareTemplate(stores, workload.users, workload.backlog);

    const base = (label: string, live: boolean, batches = { live: liveBatchSize, backlog: backlogBatchSize }): ScenarioOptions => ({
      label,
      stores,
      modelsDir,
      workerUrl: WORKER,
      liveBatchSize: batches.live,
      backlogBatchSize: batches.backlog,
      live: live ? workload.live : [],
      liveIntervalMs,
      liveDelayMs: 100,
    });
    const quiet = await runScenario(base('backlog only', false));
    const busy = await runScenario(base('backlog + live', true));
    const sweepRuns: ScenarioResult[] = [];
    for (const batches of sweep) {
      if (batches.live === liveBatchSize && batches.backlog === backlogBatchSize) continue;
      sweepRuns.push(await runScenario(base(`backlog + live, ${batches.live} × ${batches.backlog}`, true, batches)));
    }

    // Raw onnxruntime-node over the same texts the engine's models see.
    const liveTexts = workload.live.map((item) => customerWords(item.message.body, item.channel).text);
    const step = Math.max(1, Math.floor(workload.backlog.length / 1500));
    const backlogTexts = workload.backlog.filter((_, index) => index % step === 0).map((item) => customerWords(item.message.body, item.channel).text);
    const raw: RawReport[] = [];
    for (const spec of specs) {
      const model = await loadRawModel(spec);
      const live: RawTimes = await timeRawModel(model, liveTexts, liveBatchSize);
      const backlog: RawTimes = await timeRawModel(model, backlogTexts, backlogBatchSize);
      raw.push({ id: spec.id, role: spec.role, loadMs: model.loadMs, live, backlog });
      await model.session.release();
    }
    const split = await measureWorkerSplit(
      specs,
      workload.backlog.filter((_, index) => index % step === 0).map((item) => ({ body: item.message.body, channel: item.channel })),
      [...new Set([1, backlogBatchSize])],
    );
    const rawBoth = {
      liveRun1: summary(combined(raw.map((r) => r.live), 'run1')),
      liveTokenize1: summary(combined(raw.map((r) => r.live), 'tokenize1')),
      backlogRun1: summary(combined(raw.map((r) => r.backlog), 'run1')),
      backlogRunBatched: summary(combined(raw.map((r) => ({ ...r.backlog, run1: r.backlog.runBatched })), 'run1')),
      backlogTokenizeBatched: summary(combined(raw.map((r) => ({ ...r.backlog, tokenize1: r.backlog.tokenizeBatched })), 'tokenize1')),
    };

    load.end = os.loadavg();
    console.log(
      report({
        store: stores.description,
        postgres: stores.kind === 'postgres',
        load,
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown CPU',
        node: process.version,
        modelsDir,
        specs,
        backlogSize: workload.backlog.length,
        liveCount: workload.live.length,
        liveIntervalMs,
        liveBatchSize,
        backlogBatchSize,
        templateMs: template.ms,
        quiet,
        busy,
        sweepRuns,
        raw,
        rawBoth,
        rawTexts: { live: liveTexts.length, backlog: backlogTexts.length },
        split,
        engineDefaults: liveBatchSize === ENGINE_DEFAULTS.live && backlogBatchSize === ENGINE_DEFAULTS.backlog,
        totalMs: performance.now() - benchStarted,
      }),
    );
  } finally {
    stores.stop();
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
