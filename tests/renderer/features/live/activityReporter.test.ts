import { describe, expect, it } from 'vitest';
import { createActivityReporter, TYPING_PAUSE_MS, TYPING_REPEAT_MS, type ActivityReport } from '../../../../renderer/src/features/live/activityReporter';
import { activitySentences } from '../../../../renderer/src/features/live/activityWords';
import { manualScheduler } from '../../../helpers/manualScheduler';

function reporter() {
  const scheduler = manualScheduler();
  const sent: string[] = [];
  const show = (report: ActivityReport) => `${report.viewing ?? '-'}:${report.typing ?? '-'}@${scheduler.now()}`;
  const activity = createActivityReporter((report) => sent.push(show(report)), { now: () => scheduler.now(), after: (ms, run) => scheduler.after(ms, run) });
  return { scheduler, sent, activity };
}

describe('what a console tells the host of its person: a hint, not every keystroke', () => {
  it('viewing is said once; a burst of keys is one "typing", said again at most every few seconds, and ends by itself after a pause', () => {
    const { scheduler, sent, activity } = reporter();
    activity.view(10);
    activity.view(10);
    // a key every 100 ms for 6 seconds: 60 keys
    for (let key = 0; key < 60; key++) {
      activity.typed(10, 'reply');
      scheduler.advance(100);
    }
    const whileTyping = sent.length;
    expect(sent[0]).toBe('10:-@0');
    expect(sent[1]).toBe('10:reply@0');
    // 60 keys over 6 s: said at 0, then again no more often than every TYPING_REPEAT_MS
    expect(whileTyping).toBeLessThanOrEqual(2 + Math.ceil(6_000 / TYPING_REPEAT_MS));
    scheduler.advance(TYPING_PAUSE_MS);
    expect(sent.at(-1)).toMatch(/^10:-@/);
    expect(sent).toHaveLength(whileTyping + 1);
  });

  it('a note is said as a note; sending (emptied) stops typing at once; leaving says viewing nothing; typing elsewhere is not said', () => {
    const { sent, activity } = reporter();
    activity.view(10);
    activity.typed(10, 'note');
    activity.stopTyping(10);
    activity.typed(11, 'reply');
    activity.leave(11);
    activity.leave(10);
    expect(sent).toEqual(['10:-@0', '10:note@0', '10:-@0', '-:-@0']);
  });

  it('after a reconnect (a new console to the host) it says what it shows again', () => {
    const { sent, activity } = reporter();
    activity.resend();
    activity.view(4);
    activity.resend();
    expect(sent).toEqual(['4:-@0', '4:-@0']);
  });
});

describe('the words', () => {
  it('"Hannah is typing a reply", "Hannah and Sam are viewing": first names, typing first', () => {
    const say = (people: [string, 'viewing' | 'typing-reply' | 'typing-note'][]) =>
      activitySentences(people.map(([name, doing], index) => ({ conversationId: 1, userId: index + 1, name, doing }))).map((one) => one.text);
    expect(say([['Hannah Cole', 'viewing']])).toEqual(['Hannah is viewing']);
    expect(say([['Hannah Cole', 'viewing'], ['Sam Li', 'viewing'], ['Ada Brooks', 'typing-note']])).toEqual(['Ada is typing a note', 'Hannah and Sam are viewing']);
  });
});
