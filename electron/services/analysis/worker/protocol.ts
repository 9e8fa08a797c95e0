import type { Channel } from '../../../../shared/contract/domain';
import type { ModelInfo, Reading } from '../../../../shared/contract/analysis';
import type { ModelSpec } from '../models/modelSpec';

/** Messages between the analysis engine (main thread) and the worker that owns the models. */
export type ToWorker =
  | { type: 'init'; specs: ModelSpec[]; problems: string[] }
  | { type: 'read'; batchId: number; priority: 'live' | 'backlog'; items: { key: number; body: string; channel: Channel }[] };

export interface WorkerMemory {
  /** The worker's own JavaScript heap. */
  heapUsed: number;
  /** The whole process (onnxruntime's native memory is counted here). */
  rss: number;
}

export type FromWorker =
  | {
      type: 'ready';
      analyzer: 'model' | 'lexicon';
      models: ModelInfo[];
      modelId: string;
      modelVersion: string | null;
      /** Why the lexicon analyzer is used, or which model could not be loaded. */
      problems: string[];
    }
  /** The items of a batch the worker is about to work on: if it dies now, one of these killed it. */
  | { type: 'working'; batchId: number; keys: number[] }
  | {
      type: 'read';
      batchId: number;
      readings: { key: number; reading: Reading }[];
      /** Items that could not be read at all (not even by the lexicon), and why. */
      failures?: { key: number; reason: string }[];
      workMs: number;
      memory: WorkerMemory;
    };
