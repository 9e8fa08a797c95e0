import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModelSource } from '../../../../shared/contract/analysis';
import { detectLabelScheme, isEmotionScheme } from '../labels/labelSchemes';
import type { ModelSpec } from './modelSpec';

export interface ModelLocation {
  dir: string;
  source: ModelSource;
}

export interface FoundModels {
  specs: ModelSpec[];
  /** Folders that look like models but cannot be used, or cannot be read, and why. */
  problems: string[];
}

/** The file system calls the search makes (tests pass one that fails where they want). */
export interface ModelFolderFs {
  readdir(dir: string): Promise<Dirent[]>;
  stat(file: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number; mtimeMs: number }>;
  readFile(file: string): Promise<string>;
}

/** Entries read from one folder at most: a folder of a million files costs no more than this. */
const MAX_FOLDER_ENTRIES = 10_000;

async function readSomeEntries(dir: string): Promise<Dirent[]> {
  const handle = await fs.opendir(dir);
  const entries: Dirent[] = [];
  try {
    for (let entry = await handle.read(); entry && entries.length < MAX_FOLDER_ENTRIES; entry = await handle.read()) entries.push(entry);
  } finally {
    await handle.close().catch(() => undefined);
  }
  return entries;
}

export const realModelFolderFs: ModelFolderFs = {
  readdir: readSomeEntries,
  stat: (file) => fs.stat(file),
  readFile: (file) => fs.readFile(file, 'utf8'),
};

export interface FindModelsOptions {
  fs?: ModelFolderFs;
  /** How deep below a location to look (the hub cache nests models as owner/name). */
  maxDepth?: number;
  /** How many folder entries to look at in one location before giving up on the rest. */
  maxEntries?: number;
}

/** Largest config.json read (real ones are a few KB). */
const MAX_CONFIG_BYTES = 1_000_000;

/** Why a file system call failed, in plain words. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ENOTDIR') return 'it is not a folder';
  if (code === 'ELOOP') return 'it is a loop of links';
  return error instanceof Error ? error.message : String(error);
}

/** A regular file's stat, or null (missing, unreadable, a folder, a pipe…). */
async function fileStat(fsys: ModelFolderFs, file: string) {
  try {
    const stat = await fsys.stat(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

async function readSpec(fsys: ModelFolderFs, folder: string, source: ModelSource): Promise<ModelSpec | string> {
  const name = path.basename(folder);
  const configPath = path.join(folder, 'config.json');
  const onnxDir = path.join(folder, 'onnx');
  const fp32 = path.join(onnxDir, 'model.onnx');
  const q8 = path.join(onnxDir, 'model_quantized.onnx');
  const fp32Stat = await fileStat(fsys, fp32);
  const q8Stat = fp32Stat ? null : await fileStat(fsys, q8);
  const weights = fp32Stat ? fp32 : q8Stat ? q8 : null;
  const weightsStat = fp32Stat ?? q8Stat;
  if (!weights || !weightsStat) return `${name}: no onnx/model.onnx or onnx/model_quantized.onnx`;
  if (!(await fileStat(fsys, path.join(folder, 'tokenizer.json')))) return `${name}: no tokenizer.json`;
  const configStat = await fileStat(fsys, configPath);
  if (!configStat) return `${name}: config.json is not a file`;
  if (configStat.size > MAX_CONFIG_BYTES) return `${name}: config.json is too large to be a model's configuration`;
  let config: { id2label?: Record<string, string> };
  try {
    config = JSON.parse(await fsys.readFile(configPath)) as typeof config;
  } catch (error) {
    if (error instanceof SyntaxError) return `${name}: config.json is not valid JSON (${error.message})`;
    return `${name}: config.json cannot be read (${fsReason(error)})`;
  }
  const labels = Object.entries(config?.id2label ?? {})
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, label]) => String(label));
  const scheme = detectLabelScheme(labels);
  if (!scheme) return `${name}: labels ${labels.join(', ') || '(none)'} are neither emotions nor sentiment Kinship understands`;
  const version = createHash('sha256').update(`${weightsStat.size}:${weightsStat.mtimeMs}`).digest('hex').slice(0, 12);
  return {
    role: isEmotionScheme(scheme) ? 'emotion' : 'sentiment',
    id: name,
    path: folder,
    source,
    labels,
    labelScheme: scheme.name,
    dtype: weights === fp32 ? 'fp32' : 'q8',
    version,
  };
}

/**
 * Folders under `dir` (down to maxDepth) holding a config.json. Never throws: a folder that
 * cannot be read is a problem, and the search goes on with the rest; it looks at no more than
 * maxEntries entries, so a huge tree cannot hold it up.
 */
async function candidateFolders(fsys: ModelFolderFs, dir: string, maxDepth: number, maxEntries: number, problems: string[]): Promise<string[]> {
  const found: string[] = [];
  let seen = 0;
  let stopped = false;
  const pending: { folder: string; depth: number }[] = [{ folder: dir, depth: maxDepth }];
  while (pending.length) {
    const { folder, depth } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await fsys.readdir(folder);
    } catch (error) {
      // a location that is not there at all is simply empty
      if (folder === dir && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      problems.push(`${folder} cannot be read (${fsReason(error)})`);
      continue;
    }
    if (entries.some((entry) => entry.name === 'config.json' && !entry.isDirectory())) {
      found.push(folder);
      continue;
    }
    if (depth === 0) continue;
    // hidden folders are not models: downloads gather in cacheDir/.partial until they are whole
    const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
    if (seen + folders.length > maxEntries) {
      folders.length = Math.max(0, maxEntries - seen);
      stopped = true;
    }
    seen += folders.length;
    // depth first, in alphabetical order: the stack gets them last to first
    for (const entry of folders.reverse()) pending.push({ folder: path.join(folder, entry.name), depth: depth - 1 });
  }
  if (stopped) problems.push(`${dir} holds more than ${maxEntries.toLocaleString('en')} folders; Kinship looked at the first ${maxEntries.toLocaleString('en')} only`);
  return found;
}

/**
 * Looks through the locations in order (models folder, app cache, packaged models) and picks the
 * first usable emotion model and the first usable sentiment model. Never throws and never blocks
 * the event loop: what cannot be read is listed in `problems`.
 */
export async function findModels(locations: readonly ModelLocation[], options: FindModelsOptions = {}): Promise<FoundModels> {
  const fsys = options.fs ?? realModelFolderFs;
  const specs: ModelSpec[] = [];
  const problems: string[] = [];
  for (const location of locations) {
    let folders: string[];
    try {
      folders = await candidateFolders(fsys, location.dir, options.maxDepth ?? 2, options.maxEntries ?? 2000, problems);
    } catch (error) {
      problems.push(`${location.dir} cannot be read (${fsReason(error)})`);
      continue;
    }
    for (const folder of folders) {
      let spec: ModelSpec | string;
      try {
        spec = await readSpec(fsys, folder, location.source);
      } catch (error) {
        spec = `${path.basename(folder)}: cannot be read (${fsReason(error)})`;
      }
      if (typeof spec === 'string') problems.push(spec);
      else if (!specs.some((chosen) => chosen.role === spec.role)) specs.push(spec);
    }
  }
  return { specs, problems };
}

/**
 * Why Kinship cannot use `dir` as its models folder, or null when it can: it must be a folder
 * Kinship can list. (Subfolders it cannot read are problems shown in Settings, not a refusal.)
 */
export async function checkModelsFolder(dir: string, fsys: ModelFolderFs = realModelFolderFs): Promise<string | null> {
  try {
    const stat = await fsys.stat(dir);
    if (!stat.isDirectory()) return `${dir} is not a folder.`;
    await fsys.readdir(dir);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `There is no folder at ${dir}.`;
    return `Kinship cannot read the folder ${dir} (${fsReason(error)}).`;
  }
}
