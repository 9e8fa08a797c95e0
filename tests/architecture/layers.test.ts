import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((match) => match[1] ?? match[2] ?? match[3]!)
    .filter(Boolean);
}

function resolved(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), specifier)) : specifier;
}

describe('layers (who may import what)', () => {
  it('only electron/main and electron/preload import electron', () => {
    const offenders = ['electron', 'shared', 'renderer/src']
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith('electron/main/') && !file.startsWith('electron/preload/'))
      .filter((file) => importsOf(file).some((spec) => spec === 'electron' || spec.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the renderer never touches Node or the Node-side code', () => {
    const offenders = sourceFiles('renderer/src').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'better-sqlite3', 'ws'].includes(spec) || resolved(file, spec).startsWith('electron/'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the contract (shared/) depends on neither side', () => {
    const offenders = sourceFiles('shared').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('node:') || resolved(file, spec).startsWith('electron/') || resolved(file, spec).startsWith('renderer/'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the sandboxed preload loads nothing but electron and import-free constants', () => {
    const valueImports = sourceFiles('electron/preload').flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      return [...text.matchAll(/^import\s+(?!type\b)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((match) => resolved(file, match[1]!));
    });
    expect(valueImports.sort()).toEqual(['electron', 'shared/contract/channels']);
    expect(importsOf('shared/contract/channels.ts')).toEqual([]);
  });
});
