import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The Electron host's process model: the main process only relays; the services (store, analysis,
 * api) run in the services process. Held here in the sources and in what electron-vite builds.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function valueImports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((match) => match[1] ?? match[2]!);
}

function resolvedFrom(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), specifier)) : specifier;
}

/** Every bare module a built file loads, following its own chunks. */
function builtClosure(entry: string, seen = new Set<string>()): Set<string> {
  const modules = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^'"]*?from\s*"([^"]+)"|import\("([^"]+)"\)/g)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
      else modules.add(specifier);
    }
  };
  visit(path.join(root, entry));
  return modules;
}

/** What the main process may load: Electron, Node's own modules, its own files, the contract, the host's relay side, and the first screen's (keeping the choice, asking a team server). */
const MAIN_MAY_IMPORT = [/^electron$/, /^node:/, /^electron\/main\//, /^shared\//, /^electron\/host\/(servicesSupervisor|servicesConnection|servicesWire|workspaceChoiceFile|workspaceChooser|teamServerProbe)$/];

describe('the Electron host’s processes', () => {
  it('electron/main imports Electron, Node, the contract and the relay to the services process — never the services themselves', () => {
    const files = fs.readdirSync(path.join(root, 'electron/main')).filter((name) => name.endsWith('.ts')).map((name) => `electron/main/${name}`);
    const offenders = files.flatMap((file) =>
      valueImports(file)
        .map((specifier) => resolvedFrom(file, specifier))
        .filter((target) => !MAIN_MAY_IMPORT.some((allowed) => allowed.test(target)))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the build has a services-process entry, and the main bundle carries none of the services’ libraries', () => {
    const main = builtClosure('out/main/index.js');
    expect([...main].filter((specifier) => specifier !== 'electron' && !specifier.startsWith('node:'))).toEqual([]);
    const services = builtClosure('out/main/servicesProcess.js');
    expect(services).toContain('better-sqlite3');
    expect([...services].filter((specifier) => specifier === 'electron' || specifier.startsWith('electron/'))).toEqual([]);
  });
});
