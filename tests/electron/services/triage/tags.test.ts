import { describe, expect, it } from 'vitest';
import { as, ok } from '../../../helpers/callApi';
import { NOW, MINUTE, triageWorkspace } from './triageFixture';
import { TAGS_PER_CONVERSATION_MAX, normaliseTagName } from '../../../../shared/contract/triage';

describe('tags on conversations', () => {
  it('tidies a name, reuses a tag whatever its case, shows it on the conversation and filters the queue by it', async () => {
    const { api, store, write, events } = await triageWorkspace();
    const first = await write('a1', 'customer', NOW - 5 * MINUTE);
    const second = await write('b2', 'customer', NOW - 4 * MINUTE);
    await write('c3', 'customer', NOW - 3 * MINUTE);

    const tagged = await ok(api, 'conversations.addTag', { id: first, name: '  #Refund   request ', color: 'orange' });
    expect(tagged.tags).toEqual([{ id: expect.any(Number), name: 'Refund request', color: 'orange' }]);
    // the same tag typed another way is the same tag (its colour stays)
    const again = await ok(api, 'conversations.addTag', { id: second, name: 'REFUND REQUEST', color: 'blue' });
    expect(again.tags).toEqual(tagged.tags);
    await ok(api, 'conversations.addTag', { id: second, name: 'vip' });

    expect(await ok(api, 'tags.list', {})).toEqual([
      { id: tagged.tags[0]!.id, name: 'Refund request', color: 'orange', conversations: 2 },
      { id: expect.any(Number), name: 'vip', color: null, conversations: 1 },
    ]);
    const byTag = await ok(api, 'conversations.list', { tagId: tagged.tags[0]!.id });
    expect(byTag.items.map((item) => item.id).sort()).toEqual([first, second].sort());
    expect(byTag.total).toBe(2);
    expect((await ok(api, 'conversations.get', { id: second })).conversation.tags.map((tag) => tag.name)).toEqual(['Refund request', 'vip']);

    // logged for replays and announced to other windows
    expect((await store.sessionEvents.listForConversation(first)).filter((event) => event.kind === 'tag.added')).toEqual([
      expect.objectContaining({ payload: { tagId: tagged.tags[0]!.id, name: 'Refund request', created: true }, userId: (await api.deskCaller(null)).person.id }),
    ]);
    expect(events.filter((event) => event.name === 'conversation.changed')).toHaveLength(3);

    // adding a tag it already carries changes nothing
    await ok(api, 'conversations.addTag', { id: first, name: 'refund request' });
    expect((await store.sessionEvents.listForConversation(first)).filter((event) => event.kind === 'tag.added')).toHaveLength(1);

    const removed = await ok(api, 'conversations.removeTag', { id: first, tagId: tagged.tags[0]!.id });
    expect(removed.tags).toEqual([]);
    expect((await ok(api, 'conversations.list', { tagId: tagged.tags[0]!.id })).items.map((item) => item.id)).toEqual([second]);
    expect((await store.sessionEvents.listForConversation(first)).at(-1)).toMatchObject({ kind: 'tag.removed', payload: { name: 'Refund request' } });
    api.close();
  });

  it('refuses bad names and limits with a clear reason, and a refusal changes nothing', async () => {
    const { api, store, write } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - MINUTE);
    for (const name of ['', '   ', '#', 'x'.repeat(41), 'one, two', 'bell\u0007here']) {
      expect(await api.call('conversations.addTag', { id, name }, await api.deskCaller(null)), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await api.call('conversations.addTag', { id, name: 'ok', color: 'chartreuse' as never }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.call('conversations.addTag', { id: 9999, name: 'ok' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await store.tags.list()).toEqual([]);

    for (let n = 0; n < TAGS_PER_CONVERSATION_MAX; n++) await ok(api, 'conversations.addTag', { id, name: `tag ${n}` });
    const logged = (await store.sessionEvents.listForConversation(id)).length;
    expect(await api.call('conversations.addTag', { id, name: 'one too many' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('at most 20 tags') } });
    // the refused tag was not made either
    expect(await store.tags.findByName('one too many')).toBeNull();
    expect(await store.sessionEvents.listForConversation(id)).toHaveLength(logged);
    expect(await api.call('conversations.removeTag', { id, tagId: 9999 }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    api.close();
  });

  it('applies a resent add once (the same clientId answers with the first answer)', async () => {
    const { api, store, write } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - MINUTE);
    const clientId = 'tag-request-0001';
    const first = await ok(api, 'conversations.addTag', { clientId, id, name: 'Damaged' });
    const removed = await ok(api, 'conversations.removeTag', { id, tagId: first.tags[0]!.id });
    expect(removed.tags).toEqual([]);
    // a late resend of the first add is answered, not applied again
    expect(await ok(api, 'conversations.addTag', { clientId, id, name: 'Damaged' })).toEqual(first);
    expect(await store.tags.isOn(id, first.tags[0]!.id)).toBe(false);
    api.close();
  });

  it('normalises names the same way on both sides', () => {
    expect(normaliseTagName('  ##  Late   delivery\n')).toBe('Late delivery');
    expect(normaliseTagName('Cafe\u0301')).toBe('Café');
  });
});

describe('the team’s tags, as a supervisor keeps them', () => {
  it('renames and recolours a tag everywhere it is used, logged and announced; a name another tag has is refused and changes nothing', async () => {
    const { api, store, write, events } = await triageWorkspace();
    const first = await write('a1', 'customer', NOW - 5 * MINUTE);
    const second = await write('b2', 'customer', NOW - 4 * MINUTE);
    const refund = (await ok(api, 'conversations.addTag', { id: first, name: 'refnud', color: 'orange' })).tags[0]!;
    await ok(api, 'conversations.addTag', { id: second, name: 'refnud' });
    const vip = (await ok(api, 'conversations.addTag', { id: second, name: 'VIP' })).tags.find((tag) => tag.name === 'VIP')!;

    // an agent may not; nothing changes
    const agent = as(api, (await store.users.firstWithRole('agent'))!);
    expect(await agent.call('tags.update', { id: refund.id, name: 'Refund' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await agent.call('tags.delete', { id: vip.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const supervisor = (await store.users.firstWithRole('supervisor'))!;
    const { ok: asSupervisor, call } = as(api, supervisor);

    const renamed = await asSupervisor('tags.update', { id: refund.id, name: '  Refund ' });
    expect(renamed).toEqual({ id: refund.id, name: 'Refund', color: 'orange', conversations: 2 });
    expect((await ok(api, 'conversations.get', { id: second })).conversation.tags.map((tag) => tag.name)).toEqual(['Refund', 'VIP']);
    expect(await asSupervisor('tags.update', { id: refund.id, color: null })).toMatchObject({ name: 'Refund', color: null });
    expect(events.filter((event) => event.name === 'tags.changed').map((event) => event.payload)).toEqual([
      { tagId: refund.id, change: 'renamed' },
      { tagId: refund.id, change: 'recoloured' },
    ]);
    expect(await store.sessionEvents.listOfKind('tag.changed')).toEqual([
      expect.objectContaining({ userId: supervisor.id, payload: { tagId: refund.id, from: { name: 'refnud', color: 'orange' }, to: { name: 'Refund', color: 'orange' } } }),
      expect.objectContaining({ userId: supervisor.id, payload: { tagId: refund.id, from: { name: 'Refund', color: 'orange' }, to: { name: 'Refund', color: null } } }),
    ]);

    // a clash with another tag, whatever its case, is refused: merging two tags is not a rename
    const before = await ok(api, 'tags.list', {});
    expect(await call('tags.update', { id: refund.id, name: 'vip' })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'There is a tag called “VIP” already.' } });
    expect(await call('tags.update', { id: 999_999, name: 'Gone' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('tags.update', { id: refund.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('tags.update', { id: refund.id, name: 'a, b' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await ok(api, 'tags.list', {})).toEqual(before);
    // the tag's own name in another case is a rename of its case
    expect(await asSupervisor('tags.update', { id: vip.id, name: 'vip' })).toMatchObject({ name: 'vip' });
    api.close();
  });

  it('deletes a tag off every conversation in one write, and the queue no longer finds it', async () => {
    const { api, store, write, events } = await triageWorkspace();
    const first = await write('a1', 'customer', NOW - 5 * MINUTE);
    const second = await write('b2', 'customer', NOW - 4 * MINUTE);
    const fragile = (await ok(api, 'conversations.addTag', { id: first, name: 'Fragile' })).tags[0]!;
    await ok(api, 'conversations.addTag', { id: second, name: 'Fragile' });
    await ok(api, 'conversations.addTag', { id: second, name: 'Keep me' });
    const { ok: asSupervisor, call } = as(api, (await store.users.firstWithRole('supervisor'))!);

    expect(await asSupervisor('tags.delete', { id: fragile.id })).toEqual({ id: fragile.id, removedFrom: 2 });
    expect((await ok(api, 'tags.list', {})).map((tag) => tag.name)).toEqual(['Keep me']);
    expect((await ok(api, 'conversations.get', { id: second })).conversation.tags.map((tag) => tag.name)).toEqual(['Keep me']);
    expect((await ok(api, 'conversations.get', { id: first })).conversation.tags).toEqual([]);
    expect(events.filter((event) => event.name === 'tags.changed').map((event) => event.payload)).toEqual([{ tagId: fragile.id, change: 'deleted' }]);
    // deleting it again: there is no such tag, and nothing else changes
    expect(await call('tags.delete', { id: fragile.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await ok(api, 'tags.list', {})).map((tag) => tag.name)).toEqual(['Keep me']);
    expect(await store.tags.count()).toBe(1);
    expect(await store.sessionEvents.listOfKind('tag.deleted')).toEqual([
      expect.objectContaining({ payload: { tagId: fragile.id, name: 'Fragile', removedFrom: 2 } }),
    ]);
    api.close();
  });
});
