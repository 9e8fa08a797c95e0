import { describe, expect, it } from 'vitest';
import { conversationSignal } from '../../../../electron/services/connection/conversationSignal';

describe('the conversation signal', () => {
  it('is the sentiment itself for a single message', () => {
    expect(conversationSignal([0.4])).toEqual({ start: 0.4, end: 0.4, turnaround: 0, recovery: 0, signal: 0.4, messages: 1 });
    expect(conversationSignal([-0.6])).toMatchObject({ start: -0.6, end: -0.6, recovery: 0, signal: -0.6 });
  });

  it('weighs the start over the first half towards the first message, the end towards the last (half-life two messages)', () => {
    // start: (−0.6·1 − 0.2·½^½) / (1 + ½^½); end: (0.4·1 + 0.2·½^½ − 0.2·½ − 0.6·½^1.5) / (1 + ½^½ + ½ + ½^1.5)
    const result = conversationSignal([-0.6, -0.2, 0.2, 0.4])!;
    expect(result.start).toBeCloseTo(-0.434315, 5);
    expect(result.end).toBeCloseTo(0.089543, 5);
    expect(result.turnaround).toBeCloseTo(0.523858, 5);
    // climbed back from −0.43 to neutral and beyond: the recovery is the part below neutral
    expect(result.recovery).toBeCloseTo(0.434315, 5);
    expect(result.signal).toBeCloseTo(0.523858, 5);
  });

  it('reads a short turned-around chat as one: the bad opening is not diluted by the ending', () => {
    const result = conversationSignal([-0.9, 0.6, 0.8])!;
    expect(result.start).toBeLessThan(-0.25);
    expect(result.signal).toBeGreaterThan(0.6);
  });

  it('follows the ending more than the plain mean', () => {
    const values = [-0.2, 0, 0.2, 0.4, 0.8];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const result = conversationSignal(values)!;
    expect(result.end).toBeGreaterThan(mean + 0.1);
    expect(result.start).toBeLessThan(mean - 0.1);
  });

  it('adds the ground recovered from a bad start: a turned-around complaint beats a plain happy chat with the same ending', () => {
    const turned = conversationSignal([-0.8, -0.7, 0.3, 0.7, 0.8])!;
    const plainHappy = conversationSignal([0.3, 0.3, 0.3, 0.7, 0.8])!;
    expect(turned.start).toBeLessThan(-0.2);
    expect(turned.recovery).toBeCloseTo(-turned.start, 10);
    expect(turned.signal).toBeCloseTo(turned.end + turned.recovery, 10);
    expect(turned.signal).toBeGreaterThan(turned.end + 0.2);
    expect(turned.signal).toBeGreaterThan(plainHappy.signal);
    // recovery never exceeds the depth of the start, even when the climb goes far above neutral
    expect(turned.recovery).toBeLessThanOrEqual(-turned.start + 1e-12);
  });

  it('gives no bonus for a slide from a good start: the lower ending carries it', () => {
    const slide = conversationSignal([0.8, 0.6, -0.4, -0.6])!;
    expect(slide.turnaround).toBeLessThan(-0.4);
    expect(slide.recovery).toBe(0);
    expect(slide.signal).toBe(slide.end);
  });

  it('stays within −1…+1 and skips messages without a reading', () => {
    const steep = conversationSignal([-1, -1, -1, 1, 1, 1, 1, 1, 1, 1])!;
    expect(steep.end + steep.recovery).toBeGreaterThan(1);
    expect(steep.signal).toBe(1);
    expect(conversationSignal([null, 0.5, null])).toMatchObject({ start: 0.5, end: 0.5, messages: 1 });
    expect(conversationSignal([null, Number.NaN])).toBeNull();
    expect(conversationSignal([])).toBeNull();
  });
});
