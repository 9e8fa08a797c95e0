import { env, pipeline, type TextClassificationPipeline } from '@huggingface/transformers';
import path from 'node:path';
import { createModelAnalyzer } from '../../../electron/services/analysis/modelAnalyzer';
import type { ModelSpec } from '../../../electron/services/analysis/models/modelSpec';
import { customerWords, type CustomerWords } from '../../../electron/services/analysis/text/customerWords';
import type { Channel } from '../../../shared/contract/domain';

/**
 * Where the worker's time per message goes, step by step, measured with the engine's own modules
 * on this (otherwise idle) thread: text cleaning, the model step as a whole (createModelAnalyzer's
 * read, which the worker calls), and inside it, per model, the token count used to cut windows
 * and the transformers.js pipeline call (its tokenizer, session.run, softmax and labels).
 */
export interface WorkerSplit {
  batchSize: number;
  /** ms per message */
  cleaning: number;
  analyzerRead: number;
  perModel: { id: string; countTokens: number; pipelineTokenizer: number; pipelineCall: number }[];
}

const msPerItem = (started: number, items: number) => (performance.now() - started) / Math.max(1, items);

export async function measureWorkerSplit(specs: readonly ModelSpec[], items: readonly { body: string; channel: Channel }[], batchSizes: readonly number[]): Promise<WorkerSplit[]> {
  const analyzer = await createModelAnalyzer(specs);
  const pipelines: { spec: ModelSpec; classifier: TextClassificationPipeline }[] = [];
  for (const spec of specs) {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${path.dirname(spec.path)}${path.sep}`;
    pipelines.push({ spec, classifier: (await pipeline('text-classification', path.basename(spec.path), { dtype: spec.dtype })) as TextClassificationPipeline });
  }
  let started = performance.now();
  const prepared: CustomerWords[] = items.map((item) => customerWords(item.body, item.channel));
  const cleaning = msPerItem(started, items.length);
  const texts = prepared.map((words) => words.text).filter(Boolean);
  const batches = (size: number) => Array.from({ length: Math.ceil(texts.length / size) }, (_, index) => texts.slice(index * size, (index + 1) * size));
  const preparedBatches = (size: number) => Array.from({ length: Math.ceil(prepared.length / size) }, (_, index) => prepared.slice(index * size, (index + 1) * size));

  const results: WorkerSplit[] = [];
  for (const batchSize of batchSizes) {
    // a whole warm-up pass at this batch size first: the first pass pays for the JIT (up to 2× slower)
    for (const batch of preparedBatches(batchSize)) await analyzer.read(batch);
    for (const { classifier } of pipelines) {
      for (const batch of batches(batchSize)) await classifier(batch, { top_k: null });
    }
    started = performance.now();
    for (const batch of preparedBatches(batchSize)) await analyzer.read(batch);
    const analyzerRead = msPerItem(started, prepared.length);
    const perModel: WorkerSplit['perModel'] = [];
    for (const { spec, classifier } of pipelines) {
      started = performance.now();
      for (const text of texts) classifier.tokenizer.encode(text);
      const countTokens = msPerItem(started, texts.length);
      started = performance.now();
      for (const batch of batches(batchSize)) classifier.tokenizer(batch, { padding: true, truncation: true });
      const pipelineTokenizer = msPerItem(started, texts.length);
      started = performance.now();
      for (const batch of batches(batchSize)) await classifier(batch, { top_k: null });
      const pipelineCall = msPerItem(started, texts.length);
      perModel.push({ id: spec.id, countTokens, pipelineTokenizer, pipelineCall });
    }
    results.push({ batchSize, cleaning, analyzerRead, perModel });
  }
  for (const { classifier } of pipelines) await classifier.dispose();
  return results;
}
