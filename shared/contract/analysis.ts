/** How Kinship reads a text: the figures a message or draft carries, and what produced them. */

export const EKMAN_EMOTIONS = ['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral'] as const;
export type EkmanEmotion = (typeof EKMAN_EMOTIONS)[number];

export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;
export type SentimentClass = (typeof SENTIMENT_CLASSES)[number];

export type AnalyzerKind = 'model' | 'lexicon';

export interface Reading {
  /** 'lexicon' when no model could be used: sentiment only, from a word list. */
  analyzer: AnalyzerKind;
  /** Which model(s) produced it, e.g. "emotion-model + sentiment-model", or "vader-sentiment". */
  modelId: string;
  modelVersion: string | null;
  /** −1 (very negative) … +1 (very positive). */
  sentiment: number;
  sentimentClass: SentimentClass;
  /** Distribution over the seven Ekman emotions (sums to 1); empty when the analyzer reads no emotions. */
  emotions: Partial<Record<EkmanEmotion, number>>;
  dominant: { emotion: EkmanEmotion; score: number } | null;
  /** Each model's own labels and probabilities, as it gave them. */
  labels: Record<string, Record<string, number>>;
  /** How much was read: the writer's own words (quotes and signatures removed). */
  words: number;
  windows: number;
  /** True when only the first part of a very long text was read. */
  truncated: boolean;
}

/** A reading attached to a stored message, as the console gets it (each model's raw labels stay on the Node side). */
export interface MessageReading extends Omit<Reading, 'labels'> {
  latencyMs: number;
  analysedAt: number;
}

export type ModelRole = 'emotion' | 'sentiment';

export interface ModelInfo {
  role: ModelRole;
  /** Folder name or hub id. */
  id: string;
  /** Where it was loaded from: 'models folder', 'app cache', 'packaged', 'hub'. */
  source: ModelSource;
  path: string;
  labels: string[];
  /** How its labels were understood: Ekman emotions, GoEmotions (28), 3-class sentiment, … */
  labelScheme: string;
  loadMs: number;
}

export type ModelSource = 'models folder' | 'app cache' | 'packaged' | 'hub';

export interface AnalysisStatus {
  state: 'starting' | 'ready' | 'restarting';
  analyzer: AnalyzerKind;
  models: ModelInfo[];
  /** Why the lexicon analyzer is in use, in plain words; null when models are. */
  fallbackReason: string | null;
  /** Models that were found but could not be used, and why. */
  problems: string[];
  /** The models folder in use (setting, or KINSHIP_MODELS_DIR), if any. */
  modelsDir: string | null;
  modelsDirSource: 'setting' | 'environment' | null;
  /** Whether hub downloads are allowed (the user agreed, and the host permits it). */
  hubAllowed: boolean;
  /** The models Kinship offers to download (resources/models.json), with their sizes. */
  downloads: ModelDownloadOffer[];
  latency: { count: number; p50: number; p95: number } | null;
  backlog: { done: number; total: number };
  workerRestarts: number;
}

/** A model Kinship can download from the hub, pinned to one revision, each file to its sha256. */
export interface ModelDownloadOffer {
  role: ModelRole;
  hubId: string;
  /** The hub commit every file is fetched at. */
  revision: string;
  /** What its labels are, in words. */
  labels: string;
  licence: string;
  /** All its files, in bytes. */
  bytes: number;
  /** Bytes kept from an interrupted download: the next one resumes from there. */
  keptBytes: number;
  state: 'available' | 'downloading' | 'installed';
}
