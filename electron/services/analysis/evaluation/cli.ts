import { parseEvaluationArgs, USAGE } from './evaluationArgs';
import { EvaluationInputError } from './evaluationError';
import { evaluationReport } from './reportTables';
import { runEvaluation } from './runEvaluation';

/**
 * `npm run eval -- --data <path> --format goemotions|tweeteval-sentiment|tweeteval-emotion|sst2
 * [--analyzer model|lexicon] [--models <dir>] [--limit N]`: the report on stdout (markdown),
 * progress on stderr. Exit 2 with one line for bad input, 1 for anything else.
 */
function progress(): (done: number, total: number) => void {
  let lastShown = -1;
  return (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\rread ${done} / ${total}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastShown || done === total) {
      lastShown = tenth;
      process.stderr.write(`read ${done} / ${total}\n`);
    }
  };
}

async function main(): Promise<number> {
  const args = parseEvaluationArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const result = await runEvaluation({ ...args, onProgress: progress() });
  process.stdout.write(`${evaluationReport(result)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EvaluationInputError) {
      process.stderr.write(`eval: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
