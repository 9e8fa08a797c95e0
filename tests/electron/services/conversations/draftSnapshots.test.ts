import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConversationActions } from '../../../../electron/services/conversations/conversationActions';
import { applyEdit, draftSnapshotsOf, editBetween } from '../../../../electron/services/conversations/draftSnapshots';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { Store } from '../../../../electron/services/store/store';
import { testStore } from '../../../helpers/testStore';

const NOW = Date.UTC(2026, 10, 23, 12, 0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A new chat conversation (in `store`, or a new one) with an agent, and the console's actions on it. */
async function setup(given?: Store) {
  const store = given ?? (await testStore());
  const ingestion = createIngestionService(store, createEventBus());
  const user = await store.users.ensure({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, NOW);
  const customer = { displayName: 'Edith Carter', identities: [{ kind: 'email' as const, value: 'edith@example.org' }] };
  const ref = `c${(await store.conversations.countByChannel()).chat + 1}`;
  const { conversationId } = await ingestion.ingest({ channel: 'chat', customer, conversation: { externalRef: ref }, message: { author: 'customer', body: 'Hello?', sentAt: NOW, externalId: `${ref}-1` } });
  let clock = NOW;
  const actions = createConversationActions(store, ingestion, () => (clock += 1000));
  const save = (body: string, kind: 'reply' | 'note' = 'reply') => actions.saveDraft({ conversationId, kind, body, user });
  const snapshotBytes = async () =>
    (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'draft.snapshot').reduce((sum, event) => sum + Buffer.byteLength(JSON.stringify(event.payload)), 0);
  return { store, actions, conversationId, user, save, snapshotBytes, rebuilt: async () => draftSnapshotsOf(await store.sessionEvents.listForConversation(conversationId)).map((s) => s.body) };
}

/** One edit a person makes: type, delete or replace a stretch somewhere in the text. */
const anEdit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.string({ unit: 'grapheme', maxLength: 30 }) });
const edited = (text: string, { at, remove, insert }: { at: number; remove: number; insert: string }) => {
  const start = text.length === 0 ? 0 : at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(start + remove);
};

describe('draft snapshots in the session log', () => {
  it('an edit rebuilds the text it was made from, for any two texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (before, after) => {
        const edit = editBetween(before, after);
        expect(applyEdit(before, edit)).toBe(after);
        // never half a character: the stored middle is well-formed text
        expect(edit.insert).not.toMatch(LONE_SURROGATE);
      }),
    );
  });

  it('rebuilds the draft at every snapshot from the log, whatever the edits', async () => {
    const store = await testStore();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.oneof(anEdit, fc.constant('clear' as const), fc.constant('note' as const)), { maxLength: 25 }), async (start, edits) => {
        const { save, rebuilt } = await setup(store);
        const saved: string[] = [];
        let text = start;
        await save(text);
        saved.push(text);
        for (const edit of edits) {
          if (edit === 'note') await save(text, 'note');
          else {
            text = edit === 'clear' ? '' : edited(text, edit);
            await save(text);
          }
          saved.push(text);
        }
        expect(await rebuilt()).toEqual(saved);
      }),
      { numRuns: 100 },
    );
  });

  it('adds well under 1 MiB to the log for 200 saves of a 100 KB draft with small edits', async () => {
    const { save, snapshotBytes, rebuilt } = await setup();
    const words = ['thank', 'you', 'for', 'your', 'patience', 'the', 'parcel', 'is', 'on', 'its', 'way', 'sorry'];
    let text = Array.from({ length: 20_000 }, (_, i) => words[(i * 7) % words.length]).join(' ').slice(0, 100_000);
    const saved: string[] = [];
    for (let i = 0; i < 200; i++) {
      const at = (i * 4_999) % text.length;
      text = `${text.slice(0, at)}${i % 3 === 0 ? '' : ' indeed'}${text.slice(at + (i % 3 === 0 ? 5 : 0))}`;
      await save(text);
      saved.push(text);
    }
    const bytes = snapshotBytes();
    console.info(`200 saves of a 100 KB draft added ${bytes} bytes of draft snapshots to the log`);
    expect(await bytes).toBeLessThan(256 * 1024);
    expect(await rebuilt()).toEqual(saved);
  });
});
