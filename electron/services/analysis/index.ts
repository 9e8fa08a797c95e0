/** The analysis feature's public surface: the engine that reads messages on this machine, its setup, and the evaluation tools. */
export { createAnalysisEngine, type AnalysisEngine } from './analysisEngine';
export { createAnalysisSetup, type AnalysisSetup } from './analysisSetup';
export { checkModelsFolder } from './models/findModels';
export { downloadModel, downloadFolders, keptBytes, ModelIntegrityError, DOWNLOAD_RECORD } from './models/downloadModel';
export { manifestBytes, readModelManifest } from './models/modelManifest';
export { EvaluationInputError, inputError } from './evaluation/evaluationError';
export { count } from './evaluation/labelledData';
export { markdownTable } from './evaluation/reportTables';
export { openAnalyzer, type ActiveAnalyzer } from './evaluation/activeAnalyzer';
export { readAll } from './evaluation/runEvaluation';
