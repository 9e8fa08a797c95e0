import { describe, expect, it } from 'vitest';
import { parseEvaluationArgs } from '../../../../../electron/services/analysis/evaluation/evaluationArgs';
import { EvaluationInputError } from '../../../../../electron/services/analysis/evaluation/evaluationError';

describe('the evaluation arguments', () => {
  it('reads every option', () => {
    expect(parseEvaluationArgs(['--data', 'd.tsv', '--format', 'sst2', '--analyzer', 'lexicon', '--models', 'm', '--limit', '200'])).toEqual({
      data: 'd.tsv',
      format: 'sst2',
      analyzer: 'lexicon',
      models: 'm',
      limit: 200,
      help: false,
    });
    expect(parseEvaluationArgs(['--data=d', '--format=goemotions'])).toMatchObject({ analyzer: 'auto', models: undefined, limit: undefined });
    expect(parseEvaluationArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--format', 'sst2'], '--data <path> is required'],
    [['--data', 'd'], '--format is required'],
    [['--data', 'd', '--format', 'imdb'], "unknown --format 'imdb'"],
    [['--data', 'd', '--format', 'sst2', '--analyzer', 'bert'], "unknown --analyzer 'bert'"],
    [['--data', 'd', '--format', 'sst2', '--limit', '0'], '--limit must be a whole number'],
    [['--data', 'd', '--format', 'sst2', '--limit', '1.5'], '--limit must be a whole number'],
    [['--data', 'd', '--format', 'sst2', '--verbose'], "Unknown option '--verbose'"],
    [['--data', 'd', '--format', 'sst2', 'extra'], 'Unexpected argument'],
  ])('refuses %j with one plain line', (argv, message) => {
    let error: unknown;
    try {
      parseEvaluationArgs(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EvaluationInputError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
