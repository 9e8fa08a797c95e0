import type { DraftFinding, DraftToneView } from '../../../shared/contract/coach';
import type { CoachReading } from './coachContext';

/**
 * How a draft reads to the customer, in the agent's terms: warm, neutral, curt or blaming. The
 * model's reading of the draft is one piece of evidence; what the draft check found is another,
 * and the agent's own words of apology and understanding a third. An apology reads warm whatever
 * sadness a model hears in "I'm so sorry": empathy is never marked down.
 */


const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies|my apologies)\b/i;
const EMPATHY =
  /\b(?:I (?:completely |totally |really |fully )?(?:understand|can see|can imagine|hear you|get it)|that (?:must|would) (?:be|have been)|how (?:frustrating|disappointing|worrying|upsetting|annoying)|I(?:'m| am) (?:so |really )?(?:glad|happy|delighted)|thank you|thanks)\b/i;

/** A reading at or beyond this, in a non-apologetic draft, says the words themselves sound warm (or cold). */
const CLEAR = 0.5;

/** The draft's tone from its text, the draft check's findings and (when read) the analyzer's reading of it. */
export function draftTone(draft: string, findings: readonly DraftFinding[], reading: CoachReading | null): DraftToneView {
  const text = draft.replace(/[’‘]/g, "'");
  const because: string[] = [];
  const blames = findings.find((finding) => finding.check === 'blames-customer');
  if (blames) return { tone: 'blaming', because: [`blames the customer${blames.excerpt ? `: “${blames.excerpt}”` : ''}`] };
  const cold = findings.filter((finding) => finding.check === 'curt' || finding.check === 'defensive');
  const apologises = APOLOGY.test(text);
  const understands = EMPATHY.test(text);
  if (apologises) because.push('says sorry');
  if (understands) because.push('shows understanding');
  if (cold.length > 0) {
    const excerpt = cold.find((finding) => finding.excerpt)?.excerpt;
    return { tone: 'curt', because: [`${cold.some((finding) => finding.check === 'defensive') ? 'defensive' : 'reads cold'}${excerpt ? `: “${excerpt}”` : ''}`, ...because] };
  }
  if (apologises || understands) return { tone: 'warm', because };
  if (reading && reading.sentiment >= CLEAR) return { tone: 'warm', because: ['reads friendly'] };
  if (reading && (reading.dominant?.emotion === 'anger' || reading.dominant?.emotion === 'disgust') && reading.dominant.score >= CLEAR) {
    return { tone: 'curt', because: [`reads as ${reading.dominant.emotion}`] };
  }
  return { tone: 'neutral', because: [] };
}
