/** "Sam" from "Sam O'Neill"; null when the display name is not a person's name (an address, a handle, a number). */
export function firstNameOf(displayName: string): string | null {
  const first = displayName.trim().split(/\s+/)[0] ?? '';
  return /^\p{Lu}[\p{L}'’-]{1,30}$/u.test(first) ? first : null;
}
