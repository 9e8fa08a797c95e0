/**
 * An SVG path through points evenly spread along x, as a monotone cubic curve (Fritsch–Carlson, the
 * tangents d3's `curveMonotoneX` uses): smooth, yet never above or below the points on either side
 * of a stretch, so a chart never shows a peak that no reading had.
 */
export function monotonePath(ys: readonly number[], width: number): string {
  const n = ys.length;
  if (n === 0) return '';
  const step = n > 1 ? width / (n - 1) : 0;
  const x = (i: number) => i * step;
  const fixed = (value: number) => Math.round(value * 100) / 100;
  if (n === 1) return `M0,${fixed(ys[0]!)}`;
  if (n === 2) return `M0,${fixed(ys[0]!)}L${fixed(width)},${fixed(ys[1]!)}`;
  // the secants between neighbours, then each point's tangent
  const secants = ys.slice(1).map((y, i) => (y - ys[i]!) / step);
  const sign = (value: number) => (value < 0 ? -1 : 1);
  const tangents = ys.map((_, i) => {
    if (i === 0 || i === n - 1) return 0;
    const before = secants[i - 1]!;
    const after = secants[i]!;
    const mean = (before + after) / 2;
    return (sign(before) + sign(after)) * Math.min(Math.abs(before), Math.abs(after), 0.5 * Math.abs(mean)) || 0;
  });
  tangents[0] = (3 * secants[0]! - tangents[1]!) / 2;
  tangents[n - 1] = (3 * secants[n - 2]! - tangents[n - 2]!) / 2;
  let d = `M0,${fixed(ys[0]!)}`;
  for (let i = 0; i < n - 1; i++) {
    const dx = step / 3;
    d += `C${fixed(x(i) + dx)},${fixed(ys[i]! + dx * tangents[i]!)},${fixed(x(i + 1) - dx)},${fixed(ys[i + 1]! - dx * tangents[i + 1]!)},${fixed(x(i + 1))},${fixed(ys[i + 1]!)}`;
  }
  return d;
}
