import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import path from 'node:path';
import type { ModelSpec } from '../../../electron/services/analysis/models/modelSpec';
import { mean, percentile } from './stats';

/**
 * The floor Kinship is measured against: the same model.onnx in onnxruntime-node's own
 * InferenceSession, fed by the model's own tokenizer, timed around session.run only.
 */
export interface RawModel {
  spec: ModelSpec;
  tokenizer: PreTrainedTokenizer;
  session: InferenceSession;
  loadMs: number;
}

export interface RawTimes {
  /** Per message at batch size 1, ms: session.run only. */
  run1: number[];
  /** Per message at batch size 1, ms: the tokenizer call only. */
  tokenize1: number[];
  /** Per message in batches of `batchSize` (padded like the pipeline does), ms: session.run / batch size. */
  runBatched: number[];
  tokenizeBatched: number[];
  batchSize: number;
}

const MAX_TOKENS = 512;

export async function loadRawModel(spec: ModelSpec): Promise<RawModel> {
  const started = performance.now();
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${path.dirname(spec.path)}${path.sep}`;
  const tokenizer = await AutoTokenizer.from_pretrained(path.basename(spec.path));
  const file = path.join(spec.path, 'onnx', spec.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
  const session = await InferenceSession.create(file, { executionProviders: ['cpu'] });
  return { spec, tokenizer, session, loadMs: performance.now() - started };
}

interface Encoded {
  input_ids: { data: BigInt64Array; dims: number[] };
  attention_mask: { data: BigInt64Array; dims: number[] };
}

function encode(model: RawModel, texts: string | string[]): Encoded {
  return model.tokenizer(texts, { padding: true, truncation: true, max_length: MAX_TOKENS }) as unknown as Encoded;
}

function feeds(model: RawModel, encoded: Encoded): Record<string, Tensor> {
  const all: Record<string, Tensor> = {
    input_ids: new Tensor('int64', encoded.input_ids.data, encoded.input_ids.dims),
    attention_mask: new Tensor('int64', encoded.attention_mask.data, encoded.attention_mask.dims),
  };
  return Object.fromEntries(model.session.inputNames.map((name) => [name, all[name]!]));
}

async function run(model: RawModel, encoded: Encoded): Promise<number> {
  const input = feeds(model, encoded);
  const started = performance.now();
  const output = await model.session.run(input);
  const elapsed = performance.now() - started;
  if (!output.logits) throw new Error(`${model.spec.id}: the session gave no logits`);
  return elapsed;
}

/** Times one model over the texts, at batch size 1 and in batches of `batchSize`. */
export async function timeRawModel(model: RawModel, texts: readonly string[], batchSize: number): Promise<RawTimes> {
  const nonEmpty = texts.filter((text) => text.length > 0);
  for (const text of nonEmpty.slice(0, 30)) await run(model, encode(model, text)); // warm-up
  const times: RawTimes = { run1: [], tokenize1: [], runBatched: [], tokenizeBatched: [], batchSize };
  for (const text of nonEmpty) {
    const t0 = performance.now();
    const encoded = encode(model, text);
    times.tokenize1.push(performance.now() - t0);
    times.run1.push(await run(model, encoded));
  }
  for (let start = 0; start < nonEmpty.length; start += batchSize) {
    const batch = nonEmpty.slice(start, start + batchSize);
    const t0 = performance.now();
    const encoded = encode(model, batch);
    const tokenizeMs = performance.now() - t0;
    const runMs = await run(model, encoded);
    for (let i = 0; i < batch.length; i++) {
      times.tokenizeBatched.push(tokenizeMs / batch.length);
      times.runBatched.push(runMs / batch.length);
    }
  }
  return times;
}

/** Per-message figures for several models run on each message one after another. */
export function combined(perModel: readonly RawTimes[], key: 'run1' | 'tokenize1'): number[] {
  const length = Math.min(...perModel.map((times) => times[key].length));
  return Array.from({ length }, (_, index) => perModel.reduce((total, times) => total + times[key][index]!, 0));
}

export function summary(samples: readonly number[]) {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), mean: mean(samples) };
}
