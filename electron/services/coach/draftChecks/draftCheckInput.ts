import type { DraftFinding, Playbook } from '../../../../shared/contract/coach';
import type { CoachContext } from '../coachContext';
import type { CustomerState } from './customerState';

/** What every draft check is given. */
export interface DraftCheckInput {
  draft: string;
  context: CoachContext;
  playbook: Playbook;
  state: CustomerState;
  /** Canned texts the agent may have pasted (macros' filled bodies). */
  templates: readonly string[];
}

export type DraftCheck = (input: DraftCheckInput) => DraftFinding[];

/** A phrase a check looks for, and the better sentence to offer for the sentence it is in. */
export interface PhraseRule {
  pattern: RegExp;
  /** The better sentence, given the sentence as written. */
  better: (sentence: string, input: DraftCheckInput) => string | null;
}
