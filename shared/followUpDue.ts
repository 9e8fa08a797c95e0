/**
 * What "in the past" means for a follow-up, one rule for the services and the screen.
 *
 * A follow-up is a promise still to keep, so it must be due from now on. "Now" has a little grace:
 * a time the agent chose a few minutes ago (the minutes it took to type the description, or to
 * finish the call whose wrap-up set it) is not a promise already broken. Anything earlier is
 * refused, because a promise due before it was made would count as broken the moment it is saved.
 * Follow-ups that were due from now on when made and have since passed stay as they are: those are
 * promises not kept, and count as such.
 */
export const PAST_DUE_GRACE_MS = 5 * 60_000;

/** Why a due time is refused, in the words the agent reads. */
export const PAST_DUE_MESSAGE = 'This time is already past: a follow-up is due from now on.';

/** Whether a due time is in the past by more than the grace. */
export function isPastDue(dueAt: number, now: number): boolean {
  return dueAt < now - PAST_DUE_GRACE_MS;
}
