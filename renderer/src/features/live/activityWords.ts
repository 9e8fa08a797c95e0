import type { ActivityKind, ConversationActivity } from '../../../../shared/contract/live';

const VERB: Record<ActivityKind, { one: string; many: string }> = {
  viewing: { one: 'is viewing', many: 'are viewing' },
  'typing-reply': { one: 'is typing a reply', many: 'are typing a reply' },
  'typing-note': { one: 'is typing a note', many: 'are typing a note' },
};

const FIRST: ActivityKind[] = ['typing-reply', 'typing-note', 'viewing'];

/** Made once, when first needed. */
let names: Intl.ListFormat | undefined;

/** "Hannah is typing a reply", "Hannah and Sam are viewing": those typing first, one sentence per kind. */
export function activitySentences(people: ConversationActivity[]): { kind: ActivityKind; text: string }[] {
  // nobody else here (nearly always): no list to word (a ListFormat costs ~20 ms to make the first time in a page)
  if (people.length === 0) return [];
  const list = (names ??= new Intl.ListFormat('en', { type: 'conjunction' }));
  return FIRST.flatMap((kind) => {
    const doing = people.filter((one) => one.doing === kind).map((one) => one.name.split(/\s+/)[0] ?? one.name);
    if (doing.length === 0) return [];
    return [{ kind, text: `${list.format(doing)} ${doing.length === 1 ? VERB[kind].one : VERB[kind].many}` }];
  });
}
