/**
 * Published figures to set beside ours (from the data sets' papers and READMEs, as collected in the
 * team's data README), with the split and setting they were measured in. They are not measured on
 * the file being evaluated unless the split says so.
 */

export type MetricKey = 'accuracy' | 'macroF1' | 'macroRecall';

export type ViewKey = 'goemotions-28' | 'goemotions-ekman' | 'goemotions-sentiment-4' | 'goemotions-sentiment-3' | 'tweeteval-sentiment' | 'tweeteval-emotion' | 'sst2';

export interface Baseline {
  system: string;
  /** The split it was measured on. */
  split: string;
  /** How it was measured, where that differs from our view. */
  setting: string;
  source: string;
  figures: Partial<Record<MetricKey, number>>;
  /** Shown only when this model is the one evaluated (a model's own reported figure). */
  onlyForModel?: string;
}

const GOEMOTIONS_PAPER = 'Demszky et al., ACL 2020';
const MULTI_LABEL = 'multi-label, all rows, threshold 0.3';
const TWEETEVAL_PAPER = 'TweetEval (Barbieri et al., 2020), cardiffnlp/tweeteval';
const SST2_SOURCE = 'published GLUE SST-2 dev figures (as listed in shared/data README)';
const STAND_IN_README = "the stand-in's own figure (shared/models README)";

export const BASELINES: Record<ViewKey, readonly Baseline[]> = {
  'goemotions-28': [{ system: 'BERT-base', split: 'GoEmotions test', setting: MULTI_LABEL, source: GOEMOTIONS_PAPER, figures: { macroF1: 0.46 } }],
  'goemotions-ekman': [
    { system: 'BERT-base', split: 'GoEmotions test', setting: `${MULTI_LABEL}, Ekman grouping`, source: GOEMOTIONS_PAPER, figures: { macroF1: 0.64 } },
    {
      system: 'selftrained-goemotions-ekman-uni',
      split: 'GoEmotions test',
      setting: 'single-label view',
      source: STAND_IN_README,
      figures: { accuracy: 0.615, macroF1: 0.535 },
      onlyForModel: 'selftrained-goemotions-ekman-uni',
    },
  ],
  'goemotions-sentiment-4': [
    { system: 'BERT-base', split: 'GoEmotions test', setting: `${MULTI_LABEL}, sentiment grouping`, source: GOEMOTIONS_PAPER, figures: { macroF1: 0.69 } },
    {
      system: 'selftrained-goemotions-sentiment-uni',
      split: 'GoEmotions test',
      setting: 'single-label view',
      source: STAND_IN_README,
      figures: { accuracy: 0.642, macroF1: 0.615 },
      onlyForModel: 'selftrained-goemotions-sentiment-uni',
    },
  ],
  'goemotions-sentiment-3': [
    {
      system: 'BERT-base',
      split: 'GoEmotions test',
      setting: `${MULTI_LABEL}, sentiment grouping with ambiguous as its own class (4 classes; not like for like)`,
      source: GOEMOTIONS_PAPER,
      figures: { macroF1: 0.69 },
    },
  ],
  'tweeteval-sentiment': [
    { system: 'RoBERTa-base', split: 'TweetEval test', setting: 'official metric: macro-recall', source: TWEETEVAL_PAPER, figures: { macroRecall: 0.713 } },
    { system: 'FastText', split: 'TweetEval test', setting: 'official metric: macro-recall', source: TWEETEVAL_PAPER, figures: { macroRecall: 0.629 } },
    { system: 'SVM', split: 'TweetEval test', setting: 'official metric: macro-recall', source: TWEETEVAL_PAPER, figures: { macroRecall: 0.629 } },
  ],
  'tweeteval-emotion': [
    { system: 'RoBERTa-base', split: 'TweetEval test', setting: 'official metric: macro-F1', source: TWEETEVAL_PAPER, figures: { macroF1: 0.761 } },
    { system: 'FastText', split: 'TweetEval test', setting: 'official metric: macro-F1', source: TWEETEVAL_PAPER, figures: { macroF1: 0.652 } },
  ],
  sst2: [
    { system: 'DistilBERT-SST-2', split: 'SST-2 dev', setting: 'fine-tuned on SST-2 train', source: SST2_SOURCE, figures: { accuracy: 0.913 } },
    { system: 'BERT-base', split: 'SST-2 dev', setting: 'fine-tuned on SST-2 train', source: SST2_SOURCE, figures: { accuracy: 0.927 } },
  ],
};

/** The baselines for a view, with a model's own reported figures only when that model is evaluated. */
export function baselinesFor(view: ViewKey, modelIds: readonly string[]): Baseline[] {
  return BASELINES[view].filter((baseline) => !baseline.onlyForModel || modelIds.includes(baseline.onlyForModel));
}
