import { EvaluationInputError } from '../../analysis';
import { CONNECTION_EVAL_USAGE, parseConnectionEvalArgs } from './connectionEvalArgs';
import { connectionEvalReport } from './connectionEvalReport';
import { runConnectionEvaluation } from './runConnectionEvaluation';

/**
 * `npm run eval:connection -- [--data <uss dir>] [--analyzer both|model|lexicon] [--models <dir>]
 * [--limit N]`: the markdown report on stdout, progress on stderr. Exit 2 with one line for bad
 * input (e.g. no data folder), 1 for anything else.
 */
async function main(): Promise<number> {
  const args = parseConnectionEvalArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${CONNECTION_EVAL_USAGE}\n`);
    return 0;
  }
  const result = await runConnectionEvaluation({ ...args, onProgress: (message) => process.stderr.write(`${message}\n`) });
  process.stdout.write(`${connectionEvalReport(result)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EvaluationInputError) {
      process.stderr.write(`eval:connection: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`eval:connection failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
