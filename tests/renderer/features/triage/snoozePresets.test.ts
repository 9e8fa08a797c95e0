import { describe, expect, it } from 'vitest';
import { fromLocalInput, snoozePresets, snoozedUntilText, toLocalInput } from '../../../../renderer/src/features/triage/snoozePresets';
import { clockText, span } from '../../../../renderer/src/features/triage/clockText';

// local times (the agent's time zone, whatever the machine's is)
const local = (year: number, month: number, day: number, hour: number, minute = 0) => new Date(year, month - 1, day, hour, minute);

describe('snooze presets, in the agent’s time zone', () => {
  it('offers later today (three hours on, on the hour), tomorrow at 09:00 and next Monday at 09:00', () => {
    // Thursday 26 November 2026, 11:20
    const presets = snoozePresets(local(2026, 11, 26, 11, 20));
    expect(presets.map((preset) => [preset.id, preset.until])).toEqual([
      ['later-today', local(2026, 11, 26, 15).getTime()],
      ['tomorrow', local(2026, 11, 27, 9).getTime()],
      ['next-week', local(2026, 11, 30, 9).getTime()],
    ]);
    expect(presets.map((preset) => preset.when)).toEqual(['15:00', 'Fri 09:00', 'Mon 30 Nov, 09:00']);
  });

  it('drops "later today" in the evening, and on a Monday "next week" is the Monday after', () => {
    const evening = snoozePresets(local(2026, 11, 30, 18, 5));
    expect(evening.map((preset) => preset.id)).toEqual(['tomorrow', 'next-week']);
    expect(evening[1]!.until).toBe(local(2026, 12, 7, 9).getTime());
    // every preset is still to come
    for (const at of [local(2026, 11, 26, 0, 1), local(2026, 11, 26, 23, 59), local(2026, 11, 29, 12)]) {
      for (const preset of snoozePresets(at)) expect(preset.until).toBeGreaterThan(at.getTime());
    }
  });

  it('reads and writes the date-time field in local time', () => {
    const at = local(2026, 12, 1, 9, 30).getTime();
    expect(toLocalInput(at)).toBe('2026-12-01T09:30');
    expect(fromLocalInput('2026-12-01T09:30')).toBe(at);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(snoozedUntilText(local(2026, 11, 26, 15).getTime(), local(2026, 11, 26, 11).getTime())).toBe('until 15:00');
    expect(snoozedUntilText(local(2026, 11, 27, 9).getTime(), local(2026, 11, 26, 11).getTime())).toBe('until Fri 09:00');
  });
});

describe('a response clock in words', () => {
  const clock = { kind: 'first' as const, since: 0, dueAt: 10 * 60_000, targetMinutes: 10 };
  it('says the time left, "soon" in the last quarter, and how long ago it was breached', () => {
    expect(clockText(clock, 0)).toEqual({ text: '10 min left', tone: 'ok' });
    expect(clockText(clock, 8 * 60_000)).toEqual({ text: '2 min left', tone: 'soon' });
    expect(clockText(clock, 10 * 60_000 - 45_000)).toEqual({ text: '45 s left', tone: 'soon' });
    expect(clockText(clock, 18 * 60_000)).toEqual({ text: 'breached 8 min ago', tone: 'breached' });
    expect(span(3 * 3_600_000 + 20 * 60_000)).toBe('3 h 20 min');
    expect(span(50 * 3_600_000)).toBe('2 d 2 h');
  });
});
