import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_SEED, generateDemoWorkspace } from '../../electron/services/demo/generateDemoWorkspace';
import { channelMetaSchema, cleanMessageMeta } from '../../shared/contract/messageMeta';

const CALL_START = Date.UTC(2026, 10, 2, 9, 30);

describe('a message’s channel details', () => {
  it('keeps every valid detail of its channel as it is', () => {
    const meta = { messageId: '<a@b>', inReplyTo: '<z@b>', references: ['<z@b>'], from: 'a@b', to: ['c@d'], subject: 'Hi', attachments: [{ name: 'a.pdf', size: 3, contentType: 'application/pdf' }] };
    expect(cleanMessageMeta('email', meta)).toEqual({ meta, dropped: [] });
    expect(cleanMessageMeta('voice', { callStartedAt: CALL_START, callEndedAt: CALL_START + 60_000, callOffsetSec: 12, disposition: 'resolved', phone: '+44' }).dropped).toEqual([]);
    // a call time is a time like any other in the contract
    expect(cleanMessageMeta('voice', { callStartedAt: 1 }).dropped).toEqual([{ field: 'callStartedAt', reason: 'A time before 1 January 2000 is not accepted' }]);
    expect(cleanMessageMeta('chat', { handle: 'jo' }).dropped).toEqual([]);
    expect(cleanMessageMeta('email', undefined)).toEqual({ meta: {}, dropped: [] });
    expect(cleanMessageMeta('email', { inReplyTo: undefined }).dropped).toEqual([]);
  });

  it.each([
    ['to', 'support@larkspur.example'],
    ['to', [1, 2]],
    ['references', '<a@b>'],
    ['attachments', [{ name: 'a', size: -1, contentType: 'x' }]],
    ['attachments', [{ size: 1, contentType: 'x' }]],
    ['attachments', [{ name: '', size: 1 }]],
    ['attachments', [{ name: 'a', size: Number.NaN }]],
    ['from', { name: 'x' }],
    ['subject', 'x'.repeat(999)],
    ['messageId', 42],
  ])('drops an e-mail’s %s of %j and says why', (field, value) => {
    const { meta, dropped } = cleanMessageMeta('email', { messageId: '<keep@b>', [field]: value });
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.field).toBe(field);
    expect(dropped[0]!.reason.length).toBeGreaterThan(0);
    expect(meta).not.toHaveProperty(field === 'messageId' ? 'nothing' : field);
    expect(meta.droppedMeta).toEqual(dropped);
  });

  it('reads attachments in the shapes senders hand over as one shape: a bare name, a mail parser’s filename, ours without a size', () => {
    const { meta, dropped } = cleanMessageMeta('email', {
      attachments: ['IMG_1.jpg', { filename: 'label.pdf', size: 2_048, contentType: 'application/pdf', content: 'bytes…', cid: 'x' }, { name: 'photo.jpg', contentType: 'image/jpeg' }],
    });
    expect(dropped).toEqual([]);
    expect(meta.attachments).toEqual([{ name: 'IMG_1.jpg' }, { name: 'label.pdf', size: 2_048, contentType: 'application/pdf' }, { name: 'photo.jpg', contentType: 'image/jpeg' }]);
  });

  it('drops details that belong to no field of the channel', () => {
    expect(cleanMessageMeta('chat', { handle: 'jo', callStartedAt: 5 }).dropped).toEqual([{ field: 'callStartedAt', reason: 'not a detail of chat messages' }]);
    expect(cleanMessageMeta('voice', { callStartedAt: 2 ** 53 - 1 }).dropped[0]!.field).toBe('callStartedAt');
  });

  it('reads what is already stored with what was dropped before, and anything at all without throwing', () => {
    const stored = cleanMessageMeta('email', { to: 'x' }).meta;
    expect(cleanMessageMeta('email', stored).dropped).toEqual(cleanMessageMeta('email', { to: 'x' }).dropped);
    for (const raw of [null, 5, 'x', [1], { droppedMeta: 'x' }, { __proto__: { to: 'x' } }, Object.create(null)]) {
      expect(() => cleanMessageMeta('email', raw)).not.toThrow();
    }
    expect(cleanMessageMeta('email', 'x').meta).toEqual({ droppedMeta: [{ field: 'meta', reason: 'not a set of named details' }] });
  });

  it('has a strict schema per channel for callers that must refuse instead', () => {
    expect(channelMetaSchema('email').safeParse({ to: 'x' }).success).toBe(false);
    expect(channelMetaSchema('email').safeParse({ to: ['x'] }).success).toBe(true);
    expect(channelMetaSchema('chat').safeParse({ to: ['x'] }).success).toBe(false);
  });

  it('fits everything the demo workspace sends (no detail of ours is dropped)', () => {
    const demo = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED, now: Date.UTC(2026, 10, 23, 12, 0) });
    const dropped = demo.messages.flatMap((item) => cleanMessageMeta(item.channel, item.message.meta).dropped);
    expect(dropped).toEqual([]);
  });
});
