import { createHash } from 'node:crypto';
import fs from 'node:fs';
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
  /** Folders that look like models but cannot be used, and why. */
  problems: string[];
}

function readSpec(folder: string, source: ModelSource): ModelSpec | string | null {
  const configPath = path.join(folder, 'config.json');
  if (!fs.existsSync(configPath)) return null;
  const onnxDir = path.join(folder, 'onnx');
  const fp32 = path.join(onnxDir, 'model.onnx');
  const q8 = path.join(onnxDir, 'model_quantized.onnx');
  const weights = fs.existsSync(fp32) ? fp32 : fs.existsSync(q8) ? q8 : null;
  const name = path.basename(folder);
  if (!weights) return `${name}: no onnx/model.onnx or onnx/model_quantized.onnx`;
  if (!fs.existsSync(path.join(folder, 'tokenizer.json'))) return `${name}: no tokenizer.json`;
  let config: { id2label?: Record<string, string> };
  try {
    config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as typeof config;
  } catch (error) {
    return `${name}: config.json is not valid JSON (${(error as Error).message})`;
  }
  const labels = Object.entries(config.id2label ?? {})
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, label]) => label);
  const scheme = detectLabelScheme(labels);
  if (!scheme) return `${name}: labels ${labels.join(', ') || '(none)'} are neither emotions nor sentiment Kinship understands`;
  const stat = fs.statSync(weights);
  const version = createHash('sha256').update(`${stat.size}:${stat.mtimeMs}`).digest('hex').slice(0, 12);
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

function candidateFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  const visit = (folder: string, depth: number) => {
    if (fs.existsSync(path.join(folder, 'config.json'))) {
      found.push(folder);
      return;
    }
    if (depth === 0) return;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) visit(path.join(folder, entry.name), depth - 1);
    }
  };
  visit(dir, 2); // the hub cache nests models as owner/name
  return found;
}

/**
 * Looks through the locations in order (models folder, app cache, packaged models) and picks the
 * first usable emotion model and the first usable sentiment model.
 */
export function findModels(locations: readonly ModelLocation[]): FoundModels {
  const specs: ModelSpec[] = [];
  const problems: string[] = [];
  for (const location of locations) {
    for (const folder of candidateFolders(location.dir)) {
      const spec = readSpec(folder, location.source);
      if (spec === null) continue;
      if (typeof spec === 'string') problems.push(spec);
      else if (!specs.some((chosen) => chosen.role === spec.role)) specs.push(spec);
    }
  }
  return { specs, problems };
}
