import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../helpers/tempDir';
import { writeFiles } from './evaluationFixtures';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const TSX = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = path.join(root, 'electron', 'services', 'analysis', 'evaluation', 'cli.ts');

function runCli(args: string[]) {
  const env = { ...process.env };
  delete env.KINSHIP_MODELS_DIR;
  return spawnSync(process.execPath, [TSX, CLI, ...args], { cwd: root, encoding: 'utf8', env, timeout: 55_000 });
}

describe('npm run eval', () => {
  it('prints the report on stdout and exits 0', () => {
    const dir = tempDir();
    writeFiles(dir, { 'dev.tsv': 'sentence\tlabel\nwhat a wonderful , lovely film\t1\na dreadful , awful mess\t0\n' });
    const run = runCli(['--data', path.join(dir, 'dev.tsv'), '--format', 'sst2']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('- analyzer: **lexicon** — vader-sentiment (lexicon)');
    expect(run.stdout).toContain('lexicon because: no models folder was given');
    expect(run.stdout).toContain('| **Kinship, lexicon: vader-sentiment (lexicon)** | dev (this file) | 2 | **1.000** | **1.000** |');
    expect(run.stderr).toContain('read 2 / 2');
  });

  it.each([
    ['a missing file', (dir: string) => ['--data', path.join(dir, 'nope.tsv'), '--format', 'goemotions'], /^eval: data file not found: .*nope\.tsv$/],
    ['an empty file', (dir: string) => ['--data', path.join(dir, 'empty.tsv'), '--format', 'goemotions'], /^eval: .*empty\.tsv holds no GoEmotions rows$/],
    ['a label id out of range', (dir: string) => ['--data', path.join(dir, 'range.tsv'), '--format', 'goemotions'], /^eval: range\.tsv line 2: label id 31 is out of range/],
    ['the wrong format', (dir: string) => ['--data', path.join(dir, 'range.tsv'), '--format', 'sst2'], /^eval: range\.tsv line 1: expected sentence<TAB>label/],
    ['an unknown option', (dir: string) => ['--data', path.join(dir, 'range.tsv'), '--format', 'sst2', '--fast'], /^eval: Unknown option '--fast'/],
    ['the lexicon on an emotion task', (dir: string) => ['--data', path.join(dir, 'val_text.txt'), '--format', 'tweeteval-emotion', '--analyzer', 'lexicon'], /^eval: tweeteval-emotion needs an emotion model/],
  ])('refuses %s with one line and exit code 2', (_, args, message) => {
    const dir = tempDir();
    writeFiles(dir, { 'empty.tsv': '', 'range.tsv': 'fine\t1\ta\nodd\t3,31\tb\n', 'val_text.txt': 'grr\n', 'val_labels.txt': '0\n' });
    const run = runCli(args(dir));
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((line) => line.trim() && !line.startsWith('read '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});
