/** Fills `{name}` placeholders in the demo's text templates. */

export type Slots = Readonly<Record<string, string>>;

/** Replaces every `{key}` that has a slot; unknown keys are left as they are so tests can find them. */
export function fillTemplate(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key] ?? whole);
}
