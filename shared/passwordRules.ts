/**
 * What a password must be, one rule for the team server and the screens that ask for one. Length
 * is what makes a password hard to guess (NIST SP 800-63B): no required mixtures of character
 * kinds, any characters (spaces and emoji too), and a few refusals of the obvious.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The rules in the words a person reads beside the field. */
export const PASSWORD_RULES = `At least ${PASSWORD_MIN_LENGTH} characters — a few words together make a good one. Any characters, spaces included. Not your e-mail address, and not one character or a run like 123456… over and over.`;

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Why this password is refused, or null when it may be used. Counted in characters as a person sees them. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `A password needs at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`;
  if (length > PASSWORD_MAX_LENGTH) return `A password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const trimmedEmail = email.trim().toLowerCase();
  if (trimmedEmail && (lower.includes(trimmedEmail) || lower === trimmedEmail.split('@')[0])) return 'A password may not be your e-mail address.';
  if (new Set(lower).size === 1) return 'A password may not be one character over and over.';
  const compact = lower.replace(/\s+/g, '');
  const runOf = (run: string) => run.repeat(Math.ceil(compact.length / run.length) + 1);
  if (RUNS.some((run) => runOf(run).includes(compact) || runOf([...run].reverse().join('')).includes(compact)))
    return 'A password may not be a run of keys or letters (123456…, abcdef…, qwerty…).';
  if (/^(password)+\d*$/.test(compact)) return 'A password may not be “password”.';
  return null;
}
