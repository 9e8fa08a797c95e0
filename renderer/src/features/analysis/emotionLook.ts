import type { EkmanEmotion, SentimentClass } from '../../../../shared/contract/analysis';

export const EMOTION_LOOK: Record<EkmanEmotion, { label: string; color: string }> = {
  anger: { label: 'Anger', color: 'red' },
  disgust: { label: 'Disgust', color: 'grape' },
  fear: { label: 'Fear', color: 'violet' },
  joy: { label: 'Joy', color: 'teal' },
  sadness: { label: 'Sadness', color: 'blue' },
  surprise: { label: 'Surprise', color: 'orange' },
  neutral: { label: 'Neutral', color: 'gray' },
};

export const SENTIMENT_LOOK: Record<SentimentClass, { label: string; color: string }> = {
  negative: { label: 'Negative', color: 'red' },
  neutral: { label: 'Neutral', color: 'gray' },
  positive: { label: 'Positive', color: 'teal' },
};

/** "+0.42", "−0.65" (a real minus sign), "0.00". */
export function formatSentiment(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)}`;
}

export const percent = (value: number) => `${Math.round(value * 100)}%`;
