import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The team's stand-in models beside the checkout (../shared/models); never copied into the project. */
export const SHARED_MODELS_DIR = fileURLToPath(new URL('../../../shared/models/', import.meta.url));
export const EKMAN_MODEL = `${SHARED_MODELS_DIR}selftrained-goemotions-ekman-uni`;
export const SENTIMENT_MODEL = `${SHARED_MODELS_DIR}selftrained-goemotions-sentiment-uni`;
export const haveSharedModels = fs.existsSync(`${EKMAN_MODEL}/onnx/model.onnx`) && fs.existsSync(`${SENTIMENT_MODEL}/onnx/model.onnx`);

/** The analysis worker as built by `npm run build` (npm test builds before it runs Vitest). */
export const BUILT_WORKER = new URL('../../out/main/analysisWorker.js', import.meta.url);
export const haveBuiltWorker = fs.existsSync(fileURLToPath(BUILT_WORKER));

/** describe() that skips, saying why, when the shared models are not beside the checkout. */
export const describeWithModels = haveSharedModels
  ? describe
  : (name: string, body: () => void) => describe.skip(`${name} — skipped: ../shared/models is not beside this checkout`, body);
