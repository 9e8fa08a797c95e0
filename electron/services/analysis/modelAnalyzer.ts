import { env, pipeline, type TextClassificationPipeline } from '@huggingface/transformers';
import path from 'node:path';
import type { EkmanEmotion, ModelInfo, Reading } from '../../../shared/contract/analysis';
import { detectLabelScheme, sentimentClassOf, toEkman, toSentiment, type LabelScheme, type Scores } from './labels/labelSchemes';
import type { ModelSpec } from './models/modelSpec';
import type { CustomerWords } from './text/customerWords';
import { textWindows, weightedMean } from './text/textWindows';

/** At most this many windows of one text are read (about 16,000 tokens); the rest is reported as unread. */
export const MAX_WINDOWS = 32;

interface LoadedModel {
  spec: ModelSpec;
  scheme: LabelScheme;
  classifier: TextClassificationPipeline;
  maxTokens: number;
  info: ModelInfo;
}

async function loadModel(spec: ModelSpec, threads: number | undefined): Promise<LoadedModel> {
  const started = performance.now();
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${path.dirname(spec.path)}${path.sep}`;
  const classifier = (await pipeline('text-classification', path.basename(spec.path), { dtype: spec.dtype, session_options: { interOpNumThreads: 1, ...(threads !== undefined ? { intraOpNumThreads: threads } : {}), extra: { session: { intra_op: { allow_spinning: '0' } } } } })) as TextClassificationPipeline;
  const scheme = detectLabelScheme(spec.labels)!;
  const configured = (classifier.tokenizer as unknown as { model_max_length?: number }).model_max_length ?? 512;
  const maxTokens = Math.min(512, Number.isFinite(configured) && configured > 8 ? configured : 512);
  const loadMs = Math.round(performance.now() - started);
  return {
    spec,
    scheme,
    classifier,
    maxTokens,
    info: { role: spec.role, id: spec.id, source: spec.source, path: spec.path, labels: spec.labels, labelScheme: spec.labelScheme, loadMs },
  };
}

type LabelScore = { label: string; score: number };

/** Reads many texts with the loaded models: windows within each model's limit, one batched run per model. */
async function classifyAll(model: LoadedModel, texts: readonly string[]): Promise<{ scores: Scores; windows: number; truncated: boolean }[]> {
  const countTokens = (text: string) => model.classifier.tokenizer.encode(text).length;
  const perText = texts.map((text) => {
    const all = text ? textWindows(text, model.maxTokens, countTokens) : [];
    return { windows: all.slice(0, MAX_WINDOWS), truncated: all.length > MAX_WINDOWS };
  });
  const flat = perText.flatMap((entry) => entry.windows);
  const outputs = flat.length ? ((await model.classifier(flat, { top_k: null })) as unknown as LabelScore[][]) : [];
  let offset = 0;
  return perText.map(({ windows, truncated }) => {
    const results = outputs.slice(offset, offset + windows.length);
    offset += windows.length;
    const distributions = results.map((labels) => Object.fromEntries(labels.map(({ label, score }) => [label, score])));
    return { scores: weightedMean(distributions, windows.map((w) => w.length)), windows: windows.length, truncated };
  });
}

export interface ModelAnalyzer {
  models: ModelInfo[];
  modelId: string;
  modelVersion: string;
  read(items: readonly CustomerWords[]): Promise<Reading[]>;
}

/**
 * Loads the emotion and/or sentiment model; throws with a plain reason if neither can be used.
 * `threads` caps the threads one model step may use (undefined: onnxruntime's choice).
 */
export async function createModelAnalyzer(specs: readonly ModelSpec[], threads?: number): Promise<ModelAnalyzer> {
  const loaded: LoadedModel[] = [];
  for (const spec of specs) loaded.push(await loadModel(spec, threads));
  const emotion = loaded.find((model) => model.spec.role === 'emotion');
  const sentiment = loaded.find((model) => model.spec.role === 'sentiment');
  if (!emotion && !sentiment) throw new Error('no emotion or sentiment model was found');
  const modelId = loaded.map((model) => model.spec.id).join(' + ');
  const modelVersion = loaded.map((model) => model.spec.version).join('+');

  return {
    models: loaded.map((model) => model.info),
    modelId,
    modelVersion,
    async read(items) {
      const texts = items.map((item) => item.text);
      const emotionResults = emotion ? await classifyAll(emotion, texts) : null;
      const sentimentResults = sentiment ? await classifyAll(sentiment, texts) : null;
      return items.map((item, index) => {
        const emotionResult = emotionResults?.[index];
        const sentimentResult = sentimentResults?.[index];
        const windows = Math.max(emotionResult?.windows ?? 0, sentimentResult?.windows ?? 0);
        const labels: Record<string, Scores> = {};
        if (emotionResult && emotion) labels[emotion.spec.id] = emotionResult.scores;
        if (sentimentResult && sentiment) labels[sentiment.spec.id] = sentimentResult.scores;
        if (windows === 0) {
          return { analyzer: 'model', modelId, modelVersion, sentiment: 0, sentimentClass: 'neutral', emotions: {}, dominant: null, labels, words: 0, windows: 0, truncated: item.truncated };
        }
        const emotions = emotion && emotionResult ? toEkman(emotion.scheme, emotionResult.scores) : {};
        const source = sentiment && sentimentResult ? toSentiment(sentiment.scheme, sentimentResult.scores) : toSentiment(emotion!.scheme, emotionResult!.scores);
        const dominantEntry = (Object.entries(emotions) as [EkmanEmotion, number][]).reduce<[EkmanEmotion, number] | null>(
          (best, entry) => (best === null || entry[1] > best[1] ? entry : best),
          null,
        );
        return {
          analyzer: 'model',
          modelId,
          modelVersion,
          sentiment: source.score,
          sentimentClass: sentimentClassOf(source.distribution),
          emotions,
          dominant: dominantEntry ? { emotion: dominantEntry[0], score: dominantEntry[1] } : null,
          labels,
          words: item.words,
          windows,
          truncated: item.truncated || Boolean(emotionResult?.truncated || sentimentResult?.truncated),
        } satisfies Reading;
      });
    },
  };
}
