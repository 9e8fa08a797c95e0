import { readGoEmotions } from './goEmotionsReader';
import type { DataFormat, LabelledData } from './labelledData';
import { readSst2 } from './sst2Reader';
import { readTweetEval } from './tweetEvalReader';

/** Reads a labelled file (or TweetEval folder) of the given format. */
export function readLabelledData(dataPath: string, format: DataFormat): LabelledData {
  switch (format) {
    case 'goemotions':
      return readGoEmotions(dataPath);
    case 'tweeteval-sentiment':
      return readTweetEval(dataPath, 'sentiment');
    case 'tweeteval-emotion':
      return readTweetEval(dataPath, 'emotion');
    case 'sst2':
      return readSst2(dataPath);
  }
}
