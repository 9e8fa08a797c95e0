/**
 * Where the page's main thread spent a CPU profile (Chrome DevTools Protocol Profiler): self time
 * by source package (the built console is not minified and keeps rolldown's "// node_modules/…"
 * module comments, so a line of the script the page ran maps back to its package) and the
 * heaviest functions.
 */
import path from 'node:path';

interface CallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byPackage: { name: string; ms: number }[];
  byFunction: { name: string; ms: number }[];
}

type ModuleMap = { line: number; module: string }[];

/** The module each line of a built script belongs to, from its module comments. */
function moduleMap(source: string): ModuleMap {
  const map: ModuleMap = [];
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    // (a worktree whose node_modules is a link elsewhere names them "../../main/node_modules/…")
    const match = /^\/\/ (?:(?:\.\.\/)+[^/\s]+\/(?=node_modules\/))?((?:node_modules\/(?:@[^/\s]+\/)?[^/\s]+)|renderer\/src\/\S+|shared\/\S+|\S+\.tsx?)/.exec(text);
    if (match) map.push({ line: index, module: match[1]!.replace(/^node_modules\//, '') });
  });
  return map;
}

function moduleAt(map: ModuleMap, line: number): string | null {
  let low = 0;
  let high = map.length - 1;
  let found: string | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (map[middle]!.line <= line) {
      found = map[middle]!.module;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Groups app files by feature folder ("app: features/conversation"), packages by name. */
function packageOf(module: string | null, url: string): string {
  if (!module) return url ? path.basename(new URL(url).pathname) : '(native / V8)';
  if (module.startsWith('renderer/src/')) return `app: ${module.replace('renderer/src/', '').split('/').slice(0, 2).join('/')}`;
  if (module.startsWith('shared/')) return 'app: shared';
  return module;
}

/** The scripts of the console's own bundle that a profile ran, for `sources` to fetch. */
export function bundleScriptIds(profile: CpuProfile): string[] {
  const ids = new Set<string>();
  for (const node of profile.nodes) if (node.callFrame.url.includes('/assets/') && node.callFrame.scriptId) ids.add(node.callFrame.scriptId);
  return [...ids];
}

/** The index of the first sample taken inside the function `name` (-1 if none was). */
export function firstSampleIn(profile: CpuProfile, name: string): number {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inside = (id: number | undefined): boolean => {
    for (let at = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)?.callFrame.functionName === name) return true;
    return false;
  };
  return (profile.samples ?? []).findIndex((id) => inside(id));
}

/**
 * `sources`: the text of the bundle's scripts by script id, as the page ran them; `from`/`to`:
 * the samples to count (by index), all by default.
 */
export function summariseProfile(profile: CpuProfile, sources: Map<string, string>, from = 0, to = Number.POSITIVE_INFINITY): ProfileSummary {
  const lineTexts = new Map<string, string[]>();
  const lineText = (scriptId: string, line: number): string => {
    let lines = lineTexts.get(scriptId);
    if (!lines) {
      lines = (sources.get(scriptId) ?? '').split('\n');
      lineTexts.set(scriptId, lines);
    }
    const text = (lines[line] ?? '').trim().replace(/\s+/g, ' ');
    return text.length > 70 ? `${text.slice(0, 70)}…` : text;
  };
  const maps = new Map<string, ModuleMap>();
  const mapFor = (scriptId: string): ModuleMap => {
    let map = maps.get(scriptId);
    if (!map) {
      const source = sources.get(scriptId);
      map = source ? moduleMap(source) : [];
      maps.set(scriptId, map);
    }
    return map;
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  /** A native function (getBoundingClientRect, JSON.parse…) is charged to the script that called it. */
  const callerOf = (node: ProfileNode): ProfileNode | null => {
    for (let up = parentOf.get(node.id); up; up = parentOf.get(up.id)) if (up.callFrame.url) return up;
    return null;
  };
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // each sample's time is the delta to the next sample
  for (let index = Math.max(0, from); index < Math.min(samples.length, to); index++) {
    const next = deltas[index + 1] ?? 0;
    selfMs.set(samples[index]!, (selfMs.get(samples[index]!) ?? 0) + next / 1000);
  }
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, time] of selfMs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber, scriptId } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += time;
    let name: string;
    let native = '';
    if (functionName.startsWith('(')) name = functionName; // (garbage collector), (program)
    else if (!url) {
      const caller = callerOf(node);
      name = caller ? packageOf(moduleAt(mapFor(caller.callFrame.scriptId), caller.callFrame.lineNumber), caller.callFrame.url) : '(native / V8)';
      native = ' (native)';
    } else name = packageOf(moduleAt(mapFor(scriptId), lineNumber), url);
    packages.set(name, (packages.get(name) ?? 0) + time);
    // the console's own functions by file and line; packages' by package
    const module = functionName.startsWith('(') ? null : moduleAt(mapFor(scriptId), lineNumber);
    const where = module && (module.startsWith('renderer/') || module.startsWith('shared/')) ? `${module.replace('renderer/src/', '')}` : name;
    const anonymous = lineText(scriptId, lineNumber);
    const fn = `${functionName || `(anonymous${anonymous ? `: \`${anonymous.replace(/`/g, "'")}\`` : ''})`}${native} · ${where}`;
    functions.set(fn, (functions.get(fn) ?? 0) + time);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms }));
  return { totalMs: total, byPackage: top(packages, 12), byFunction: top(functions, 15) };
}
