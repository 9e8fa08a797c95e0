import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The npm scripts a person runs (screenshots, benches, evals) start TypeScript files. The project's
 * imports leave out file extensions (`./queueShown`), which Node's own type stripping cannot
 * resolve, so a script that hands a .ts file to bare `node` breaks as soon as anything it imports
 * does so (`npm run screenshots` once failed with ERR_MODULE_NOT_FOUND that way). They go through tsx.
 */
const scripts = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('package.json scripts', () => {
  it('has scripts that run TypeScript files', () => {
    expect(Object.values(scripts).some((command) => /\S+\.m?ts\b/.test(command))).toBe(true);
  });

  for (const [name, command] of Object.entries(scripts)) {
    it(`"${name}" runs no TypeScript file with bare node`, () => {
      for (const step of command.split(/&&|\|\||;/)) {
        const words = step.trim().split(/\s+/);
        if (words[0] !== 'node') continue;
        const files = words.slice(1).filter((word) => !word.startsWith('-'));
        expect(files.filter((file) => /\.m?ts$/.test(file)), step.trim()).toEqual([]);
      }
    });
  }
});
