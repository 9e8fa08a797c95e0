import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, dayLabel, endOfMonth, instantOf, monthLabel, monthNumber, offsetMinutes, wallTime } from '../../../../electron/services/common/wallClock';

const LONDON = 'Europe/London';

describe('wall-clock time in a time zone', () => {
  it('converts both ways, across daylight saving', () => {
    expect(instantOf(2026, 3, 3, 10, 0, 0, LONDON)).toBe(Date.UTC(2026, 2, 3, 10));
    expect(instantOf(2026, 7, 1, 10, 0, 0, LONDON)).toBe(Date.UTC(2026, 6, 1, 9));
    expect(offsetMinutes(Date.UTC(2026, 6, 1, 9), LONDON)).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 0, 1), 'Asia/Kolkata')).toBe(330);
    expect(wallTime(Date.UTC(2026, 6, 1, 23, 30), LONDON)).toEqual({ year: 2026, month: 7, day: 2, hour: 0, minute: 30, second: 0, weekday: 4 });
    // the same wall time a day later across the change on 29 March: 23 hours
    expect(addCalendarDays(instantOf(2026, 3, 28, 12, 0, 0, LONDON), 1, LONDON) - instantOf(2026, 3, 28, 12, 0, 0, LONDON)).toBe(23 * 3_600_000);
  });

  it('counts working days Monday to Friday', () => {
    const tuesday = instantOf(2026, 3, 3, 10, 0, 0, LONDON);
    expect(addWorkingDays(tuesday, 3, LONDON)).toBe(instantOf(2026, 3, 6, 10, 0, 0, LONDON));
    expect(addWorkingDays(tuesday, 5, LONDON)).toBe(instantOf(2026, 3, 10, 10, 0, 0, LONDON));
    const friday = instantOf(2026, 3, 6, 15, 0, 0, LONDON);
    expect(addWorkingDays(friday, 1, LONDON)).toBe(instantOf(2026, 3, 9, 15, 0, 0, LONDON));
    const saturday = instantOf(2026, 3, 7, 11, 0, 0, LONDON);
    expect(addWorkingDays(saturday, 1, LONDON)).toBe(instantOf(2026, 3, 10, 0, 0, 0, LONDON));
  });

  it('names days and months, with the year only when it is not this one', () => {
    const today = instantOf(2026, 3, 10, 12, 0, 0, LONDON);
    expect(dayLabel(instantOf(2026, 3, 3, 10, 0, 0, LONDON), today, LONDON)).toBe('3 March');
    expect(dayLabel(instantOf(2025, 12, 24, 10, 0, 0, LONDON), today, LONDON)).toBe('24 December 2025');
    expect(monthLabel(monthNumber(instantOf(2025, 11, 5, 0, 0, 0, LONDON), LONDON), today, LONDON)).toBe('November 2025');
    expect(monthNumber(instantOf(2026, 2, 1, 0, 0, 0, LONDON), LONDON) - monthNumber(instantOf(2026, 1, 31, 0, 0, 0, LONDON), LONDON)).toBe(1);
    expect(endOfMonth(instantOf(2026, 2, 10, 0, 0, 0, LONDON), LONDON)).toBe(instantOf(2026, 3, 1, 0, 0, 0, LONDON) - 1);
  });
});

describe('monthNumber over a history walked in order', () => {
  // zones whose clocks change at midnight, or by half an hour, or not at all
  const zones = ['Europe/London', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  it('gives every instant the month its own wall clock shows, across month ends and clock changes', () => {
    for (const zone of zones) {
      const instants: number[] = [];
      // every 433 minutes for two years, and each month's first and last second there
      for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2027, 0, 1); at += 433 * 60_000) instants.push(at);
      for (let month = 1; month <= 24; month++) {
        const start = instantOf(2025, month, 1, 0, 0, 0, zone);
        instants.push(start - 1000, start, start + 1000);
      }
      instants.sort((a, b) => a - b);
      // "now" is asked in between, as the index does
      const now = Date.UTC(2026, 10, 29, 1, 0);
      const nowWall = wallTime(now, zone);
      for (const instant of instants) {
        const wall = wallTime(instant, zone);
        expect(monthNumber(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toBe(wall.year * 12 + wall.month - 1);
        expect(monthNumber(now, zone)).toBe(nowWall.year * 12 + nowWall.month - 1);
      }
      // and asked out of order, after the walk
      const wall = wallTime(instants[5]!, zone);
      expect(monthNumber(instants[5]!, zone)).toBe(wall.year * 12 + wall.month - 1);
    }
  });
});
