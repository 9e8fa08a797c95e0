/** "Try again in 1 minute." / "Try again in 12 minutes.": whole minutes, rounded up, plural by Intl. */
export function tryAgainIn(retryAfterMs: number, locale = 'en'): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const unit = new Intl.PluralRules(locale).select(minutes) === 'one' ? 'minute' : 'minutes';
  return `Try again in ${new Intl.NumberFormat(locale).format(minutes)} ${unit}.`;
}
