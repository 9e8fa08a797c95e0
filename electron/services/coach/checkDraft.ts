import { DRAFT_CHECKS, type DraftCheckKind, type DraftFinding, type Playbook } from '../../../shared/contract/coach';
import type { CoachContext } from './coachContext';
import { blamesCustomer } from './draftChecks/blamesCustomer';
import { curt } from './draftChecks/curt';
import { customerState } from './draftChecks/customerState';
import type { DraftCheck } from './draftChecks/draftCheckInput';
import { defensive } from './draftChecks/defensive';
import { ignoresFeeling } from './draftChecks/ignoresFeeling';
import { noConcretePromise } from './draftChecks/noConcretePromise';
import { verbatimTemplate } from './draftChecks/verbatimTemplate';

/** Checks the agent's draft reply before it is sent: each enabled check, in the contract's order. */

const CHECKS: Record<DraftCheckKind, DraftCheck> = {
  'ignores-feeling': ignoresFeeling,
  'blames-customer': blamesCustomer,
  curt,
  defensive,
  'no-concrete-promise': noConcretePromise,
  'verbatim-template': verbatimTemplate,
};

const ORDER: readonly DraftCheckKind[] = DRAFT_CHECKS;

/**
 * What is wrong with a draft, with a better sentence for each finding.
 * `templates` are canned texts the agent may have pasted (macros' filled bodies).
 */
export function checkDraft(draft: string, context: CoachContext, playbook: Playbook, templates: readonly string[] = []): DraftFinding[] {
  if (!draft.trim()) return [];
  const enabled = new Set(playbook.draftCheck.enabled);
  const input = { draft, context, playbook, state: customerState(context, playbook.draftCheck), templates };
  return ORDER.filter((kind) => enabled.has(kind)).flatMap((kind) => CHECKS[kind](input));
}
