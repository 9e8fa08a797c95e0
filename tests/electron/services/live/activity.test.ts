import { describe, expect, it } from 'vitest';
import { createActivity } from '../../../../electron/services/live';
import type { ConversationActivity } from '../../../../shared/contract/live';
import { manualScheduler } from '../../../helpers/manualScheduler';

const HANNAH = { id: 3, name: 'Hannah' };

function tracker() {
  const scheduler = manualScheduler();
  const told: ConversationActivity[] = [];
  const activity = createActivity({ scheduler, typingTtlMs: 6_000, graceMs: 20_000, changed: (changed) => told.push(changed) });
  const said = () => told.map((one) => `${one.conversationId}:${one.name}:${one.doing ?? 'gone'}`);
  return { scheduler, activity, said };
}

describe('who is viewing and typing where', () => {
  it('viewing, typing a reply, back to viewing, moving to another conversation: each change told once', () => {
    const { activity, said } = tracker();
    activity.open('c1', HANNAH);
    activity.report('c1', { viewing: 10, typing: null });
    activity.report('c1', { viewing: 10, typing: null });
    activity.report('c1', { viewing: 10, typing: 'reply' });
    // said again while typing: nothing new
    activity.report('c1', { viewing: 10, typing: 'reply' });
    activity.report('c1', { viewing: 10, typing: 'note' });
    activity.report('c1', { viewing: 10, typing: null });
    activity.report('c1', { viewing: 11, typing: null });
    expect(said()).toEqual(['10:Hannah:viewing', '10:Hannah:typing-reply', '10:Hannah:typing-note', '10:Hannah:viewing', '10:Hannah:gone', '11:Hannah:viewing']);
    expect(activity.list()).toEqual([{ conversationId: 11, userId: 3, name: 'Hannah', doing: 'viewing' }]);
  });

  it('typing ends on its own unless said again: no stuck "typing"', () => {
    const { scheduler, activity, said } = tracker();
    activity.open('c1', HANNAH);
    activity.report('c1', { viewing: 10, typing: 'reply' });
    scheduler.advance(5_000);
    activity.report('c1', { viewing: 10, typing: 'reply' });
    scheduler.advance(5_999);
    expect(said()).toEqual(['10:Hannah:typing-reply']);
    scheduler.advance(1);
    expect(said()).toEqual(['10:Hannah:typing-reply', '10:Hannah:viewing']);
  });

  it('a console that goes away stops typing at once and viewing after the grace period', () => {
    const { scheduler, activity, said } = tracker();
    activity.open('c1', HANNAH);
    activity.report('c1', { viewing: 10, typing: 'reply' });
    activity.close('c1');
    expect(said()).toEqual(['10:Hannah:typing-reply', '10:Hannah:viewing']);
    // what a closed console says is not heard
    activity.report('c1', { viewing: 12, typing: null });
    scheduler.advance(19_999);
    expect(said()).toHaveLength(2);
    scheduler.advance(1);
    expect(said()).toEqual(['10:Hannah:typing-reply', '10:Hannah:viewing', '10:Hannah:gone']);
    expect(activity.list()).toEqual([]);
    expect(scheduler.pending()).toBe(0);
  });

  it('one person in two tabs is one viewer: reconnecting on a new connection does not flap, typing in either is typing', () => {
    const { scheduler, activity, said } = tracker();
    activity.open('c1', HANNAH);
    activity.report('c1', { viewing: 10, typing: null });
    activity.close('c1');
    activity.open('c2', HANNAH);
    activity.report('c2', { viewing: 10, typing: 'note' });
    scheduler.advance(20_000);
    activity.open('c3', HANNAH);
    activity.report('c3', { viewing: 10, typing: null });
    activity.report('c2', { viewing: 10, typing: null });
    expect(said()).toEqual(['10:Hannah:viewing', '10:Hannah:typing-note', '10:Hannah:viewing']);
    activity.report('c2', { viewing: null, typing: null });
    expect(said()).toHaveLength(3);
  });
});
