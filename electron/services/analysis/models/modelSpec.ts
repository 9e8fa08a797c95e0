import type { ModelRole, ModelSource } from '../../../../shared/contract/analysis';

/** A model folder in the transformers.js layout, found on disk, with what its labels mean. */
export interface ModelSpec {
  role: ModelRole;
  id: string;
  /** The folder holding config.json, tokenizer.json and onnx/. */
  path: string;
  source: ModelSource;
  labels: string[];
  labelScheme: string;
  /** Which ONNX file to load: model.onnx (fp32) or model_quantized.onnx (q8). */
  dtype: 'fp32' | 'q8';
  /** Changes whenever the weights file changes, so cached readings of an older file are not reused. */
  version: string;
}
