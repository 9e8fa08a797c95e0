import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConnectionEvalArgs, DEFAULT_USS_DIR } from '../../../../../electron/services/connection/evaluation/connectionEvalArgs';
import { connectionEvalReport } from '../../../../../electron/services/connection/evaluation/connectionEvalReport';
import { runConnectionEvaluation } from '../../../../../electron/services/connection/evaluation/runConnectionEvaluation';
import { tempDir } from '../../../../helpers/tempDir';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const TSX = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = path.join(root, 'electron', 'services', 'connection', 'evaluation', 'cli.ts');
const haveUss = ['MWOZ', 'ReDial', 'CCPE'].every((set) => fs.existsSync(path.join(DEFAULT_USS_DIR, `${set}.txt`)));

/** Four tiny dialogues whose satisfaction follows how the user ended. */
const TINY = [
  ['USER\tI need a taxi.\t\t3', 'SYSTEM\tBooked.\t\t', 'USER\tWonderful, thank you so much, great service!\t\t5', 'USER\tOVERALL\t\t5,5'],
  ['USER\tI need a taxi.\t\t3', 'SYSTEM\tBooked.\t\t', 'USER\tOK thanks.\t\t4', 'USER\tOVERALL\t\t4,4'],
  ['USER\tI need a taxi.\t\t3', 'SYSTEM\tNone left.\t\t', 'USER\tThat is bad.\t\t2', 'USER\tOVERALL\t\t2,3'],
  ['USER\tI need a taxi.\t\t3', 'SYSTEM\tNone left.\t\t', 'USER\tThis is terrible, awful, useless service. I hate it.\t\t1', 'USER\tOVERALL\t\t1,1'],
  ['USER\tI need a taxi.\t\t3', 'SYSTEM\tBooked.\t\t', 'USER\tGood, thanks.\t\t4', 'USER\tOVERALL\t\t4,5'],
]
  .map((lines) => lines.join('\n'))
  .join('\n\n');

describe('the connection evaluation', () => {
  it('parses the command line, defaulting to ../shared/data/uss', () => {
    expect(parseConnectionEvalArgs([], {})).toMatchObject({ data: DEFAULT_USS_DIR, analyzers: 'both', limit: undefined, help: false });
    expect(DEFAULT_USS_DIR).toBe(path.resolve(root, '..', 'shared', 'data', 'uss'));
    expect(parseConnectionEvalArgs(['--data', '/x', '--limit', '60', '--analyzer', 'lexicon'], {})).toMatchObject({ data: '/x', analyzers: 'lexicon', limit: 60 });
    expect(parseConnectionEvalArgs(['--models', '/m'], {}).models).toBe('/m');
    expect(parseConnectionEvalArgs([], { KINSHIP_MODELS_DIR: '/env' }).models).toBeUndefined();
    expect(() => parseConnectionEvalArgs(['--limit', '0'], {})).toThrow("--limit must be a whole number of dialogues, at least 1 (got '0')");
    expect(() => parseConnectionEvalArgs(['--analyzer', 'bert'], {})).toThrow("unknown --analyzer 'bert' (use both, model or lexicon)");
  });

  it('correlates the signal with the mean OVERALL rating, per data set, with the lexicon', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ReDial.txt'), TINY);
    const result = await runConnectionEvaluation({ data: dir, analyzers: 'lexicon', env: {} });
    expect(result.rows).toHaveLength(1);
    const [row] = result.rows;
    expect(row).toMatchObject({ dataSet: 'ReDial', analyzer: { kind: 'lexicon' }, withoutCustomerWords: 0 });
    expect(row!.signal.n).toBe(5);
    expect(row!.signal.rho).toBeGreaterThan(0.8);
    const report = connectionEvalReport(result);
    expect(report).toContain('| data set | analyzer | n | Spearman ρ (signal) | 95% CI | ρ ending only | ρ plain mean | published ρ |');
    expect(report).toMatch(/\| ReDial \| lexicon \(vader-sentiment \(lexicon\)\) \| 5 \| \*\*0\.\d{3}\*\* \| /);
    expect(report).toContain('Ours is zero-shot');
  });

  it('says in one line, with exit code 2, when the data folder is absent', () => {
    const run = spawnSync(process.execPath, [TSX, CLI, '--data', path.join(tempDir(), 'uss'), '--analyzer', 'lexicon'], { cwd: root, encoding: 'utf8', timeout: 55_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^eval:connection: no USS data folder at .*uss \(give one with --data <dir>\)$/);
    expect(run.stdout).toBe('');
  });

  it.skipIf(!haveUss)(
    `runs on ../shared/data/uss with --limit 60 and the lexicon${haveUss ? '' : ' — skipped: ../shared/data/uss is not beside this checkout'}`,
    async () => {
      const args = parseConnectionEvalArgs(['--limit', '60', '--analyzer', 'lexicon'], {});
      const result = await runConnectionEvaluation({ ...args, env: {} });
      expect(result.rows.map((row) => [row.dataSet, row.analyzer.kind, row.signal.n])).toEqual([
        ['MWOZ', 'lexicon', 60],
        ['ReDial', 'lexicon', 60],
        ['CCPE', 'lexicon', 60],
      ]);
      for (const row of result.rows) {
        expect(Number.isFinite(row.signal.rho)).toBe(true);
        expect(row.signal.ci95![0]).toBeLessThan(row.signal.rho);
        expect(row.signal.ci95![1]).toBeGreaterThan(row.signal.rho);
      }
      // zero-shot, but not noise on the whole: the signal rises with satisfaction on the task dialogues
      expect(result.rows[0]!.signal.rho).toBeGreaterThan(0);
      const report = connectionEvalReport(result);
      expect(report).toContain('--limit 60: the first 60 dialogues of each data set');
      expect(report).toContain('0.823 (BERT, supervised on USS MultiWOZ)');
    },
  );
});
