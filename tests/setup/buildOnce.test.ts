import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsBuild } from './buildOnce';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** A checkout with a built worker and one source file, each with the modification time given. */
function checkout(builtAt: number, sourceAt: number, source = 'electron/services/analysis/worker/analysisWorker.ts'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-build-'));
  roots.push(root);
  const built = path.join(root, 'out/main/analysisWorker.js');
  const written = path.join(root, source);
  for (const [file, at] of [
    [built, builtAt],
    [written, sourceAt],
  ] as const) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '//');
    fs.utimesSync(file, at, at);
    // folders get the same time, so only the file itself can make the output stale
    for (let dir = path.dirname(file); dir !== root; dir = path.dirname(dir)) fs.utimesSync(dir, 1_000, 1_000);
  }
  return root;
}

describe('buildOnce: the tests never run stale code', () => {
  it('builds when nothing is built yet', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-build-'));
    roots.push(root);
    expect(needsBuild(root)).toBe(true);
  });

  it('builds again when a source under electron/ or shared/ changed after the build', () => {
    expect(needsBuild(checkout(2_000, 3_000))).toBe(true);
    expect(needsBuild(checkout(2_000, 3_000, 'shared/contract/methods.ts'))).toBe(true);
  });

  it('keeps a build that is newer than every source', () => {
    expect(needsBuild(checkout(3_000, 2_000))).toBe(false);
    expect(needsBuild(checkout(3_000, 2_000, 'shared/security.ts'))).toBe(false);
  });
});
