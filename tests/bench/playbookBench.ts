/**
 * `npx tsx tests/bench/playbookBench.ts`: how long one `playbook.preview` call holds the host for the
 * two playbooks issue 9 found stalling it — a wording of adjacent placeholders ({when} × N then "#")
 * on a conversation that already has prompts, and 100 rules × 50 mentions. The call goes through the
 * api (validation included) over a real workspace. Prints median and p95 in milliseconds.
 * BENCH_PLAYBOOK_RUNS (default 20) and BENCH_PLAYBOOK_PLACEHOLDERS (default 7) change the work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../../electron/services/api/createApi';
import { openWorkspace } from '../../electron/services/api/workspace';
import { DEFAULT_PLAYBOOK } from '../../electron/services/coach/defaultPlaybook';
import { createEventBus } from '../../electron/services/events/eventBus';
import type { Playbook } from '../../shared/contract/coach';

const RUNS = Number(process.env.BENCH_PLAYBOOK_RUNS ?? 20);
const PLACEHOLDERS = Number(process.env.BENCH_PLAYBOOK_PLACEHOLDERS ?? 7);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bench-'));
  const bus = createEventBus();
  const workspace = await openWorkspace(path.join(dir, 'kinship.sqlite'), bus);
  if (workspace.state !== 'ready') throw new Error('the workspace did not open');
  const now = Date.now();
  const api = await createApi({ host: 'web', bus, workspace, now: () => now });
  const { conversationId, messageId } = await workspace.ingestion.ingest({
    channel: 'chat',
    customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-bench' }] },
    conversation: { externalRef: 'bench', subject: 'Missing parcel' },
    message: { author: 'customer', body: 'My parcel is still missing, this is the third time I ask and nobody has answered. Where is order LH-482913?', sentAt: now - 600_000, externalId: 'bench-1' },
  });
  const shown = [
    'I’m really sorry, Sam — I can see why you’re frustrated, and you’re right to be.',
    'I’ll check order LH-482913 myself and update you by 5 pm today.',
    'Thank you for bearing with us, Sam.',
  ];
  for (const [i, text] of shown.entries()) {
    await workspace.store.coachPrompts.recordShown({ conversationId, messageId, userId: null, kind: 'acknowledge', ruleId: `r${i}`, title: 'Earlier', text, reason: 'bench', shownAt: now - 500_000 + i });
  }

  const rule = (id: string, when: Playbook['rules'][number]['when'], wordings: string[]): Playbook['rules'][number] => ({ id, kind: 'acknowledge', title: id, enabled: true, priority: 50, when, wordings });
  const adjacent: Playbook = { ...DEFAULT_PLAYBOOK, rules: [rule('adjacent', {}, [`${'{when}'.repeat(PLACEHOLDERS)}#`])] };
  // each run's mentions are new words, as each edit of a playbook is a new playbook (and V8 caches a regex it has seen)
  const big = (run: number): Playbook => ({
    ...DEFAULT_PLAYBOOK,
    rules: Array.from({ length: 100 }, (_, r) =>
      rule(`big-${r}`, { mentions: Array.from({ length: 50 }, (_, m) => `word${r}x${m} phrase${run}`) }, ['Sorry for the trouble, {firstName}.']),
    ),
  });

  const measure = async (name: string, playbookFor: (run: number) => Playbook, runs: number) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const result = await api.call('playbook.preview', { conversationId, playbook: playbookFor(run) }, await api.deskCaller(null));
      times.push(performance.now() - started);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    }
    console.log(`| ${name} | ${runs} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`);
  };
  console.log('| playbook.preview | runs | median ms | p95 ms | max ms |\n|---|---|---|---|---|');
  await measure(`{when} × ${PLACEHOLDERS} then #`, () => adjacent, Number(process.env.BENCH_PLAYBOOK_ADJACENT_RUNS ?? RUNS));
  await measure('100 rules × 50 mentions (new words each run)', big, RUNS);
  await measure('100 rules × 50 mentions (the same playbook again)', () => big(-1), RUNS);
  await measure('default playbook', () => DEFAULT_PLAYBOOK, RUNS);
  await workspace.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
