import { useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { ChartTooltip } from './ChartTooltip';
import { monotonePath } from './monotonePath';
import classes from './TrendChart.module.css';

/** One point of a trend: its value and what its card says. */
export interface TrendPoint {
  value: number;
  /** The lines of the card shown for it (on hover, or with the arrow keys). */
  lines: string[];
}

interface Props {
  points: readonly TrendPoint[];
  /** Height of the chart in pixels. */
  height: number;
  /** The values at the bottom and the top of the chart. */
  domain: readonly [number, number];
  /** The values labelled on the y axis. */
  ticks: readonly number[];
  /** Dashed lines across the chart at these values (Mantine colour names such as `gray.3`). */
  referenceLines?: readonly { y: number; color: string }[];
  /** Whether each point is drawn as a dot (too many make a blur). */
  withDots: boolean;
  /** The line's colour, as a Mantine colour name (`teal.6`). */
  color: string;
  /** What the chart is, for the keyboard: "…, use the arrow keys to read each point". */
  label: string;
}

/** `teal.6` → the theme's CSS variable for it. */
const themeColor = (name: string) => {
  const [hue, shade] = name.split('.');
  return shade ? `var(--mantine-color-${hue}-${shade})` : `var(--mantine-color-${hue})`;
};

/** The SVG's own coordinates: it is stretched to the plot, so nothing is measured to draw. */
const VIEW = 1000;

/**
 * A small line chart of a trend over time, drawn as one SVG path and a few boxes placed by
 * percentage — no layout is read to draw it, so it costs next to nothing beside a conversation.
 * Hovering (or focusing it and using the arrow keys, Home and End) shows each point's card.
 */
export function TrendChart({ points, height, domain, ticks, referenceLines = [], withDots, color, label }: Props) {
  const [active, setActive] = useState<number | null>(null);
  const [low, high] = domain;
  const span = high - low || 1;
  /** A value's distance from the top, as a share of the plot's height (clamped to the plot). */
  const share = (value: number) => Math.min(1, Math.max(0, (high - value) / span));
  const last = points.length - 1;
  const left = (index: number) => (last > 0 ? (index / last) * 100 : 50);
  const path = monotonePath(points.map((point) => share(point.value) * VIEW), VIEW);

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    // only read on hover: the plot's box, to find the point nearest the pointer
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0 || last < 0) return;
    setActive(Math.round(Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * last));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, (at: number) => number> = {
      ArrowRight: (at) => Math.min(last, at + 1),
      ArrowLeft: (at) => Math.max(0, at - 1),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (!move || last < 0) return;
    event.preventDefault();
    setActive((at) => move(at ?? (event.key === 'ArrowLeft' ? last + 1 : -1)));
  };
  const shown = active !== null ? points[active] : undefined;

  return (
    <div className={classes.chart} style={{ height, '--chart-color': themeColor(color) } as CSSProperties} data-testid="trend-chart">
      <div className={classes.axis} aria-hidden>
        {ticks.map((tick) => (
          <span key={tick} className={classes.tick} style={{ top: `${share(tick) * 100}%` }}>
            {tick}
          </span>
        ))}
      </div>
      <div
        className={classes.plot}
        tabIndex={0}
        role="group"
        aria-label={`${label}: use the arrow keys to read each point`}
        onPointerMove={pointAt}
        onPointerLeave={() => setActive(null)}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
      >
        <svg className={classes.svg} viewBox={`0 0 ${VIEW} ${VIEW}`} preserveAspectRatio="none" aria-hidden>
          {referenceLines.map((line) => (
            <line
              key={line.y}
              className={classes.reference}
              x1={0}
              x2={VIEW}
              y1={share(line.y) * VIEW}
              y2={share(line.y) * VIEW}
              stroke={themeColor(line.color)}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {active !== null && <line className={classes.guide} x1={(left(active) / 100) * VIEW} x2={(left(active) / 100) * VIEW} y1={0} y2={VIEW} vectorEffect="non-scaling-stroke" />}
          <path className={classes.line} d={path} stroke={themeColor(color)} vectorEffect="non-scaling-stroke" data-testid="trend-line" />
        </svg>
        {points.map((point, index) =>
          withDots || index === active ? (
            <span
              key={index}
              className={classes.dot}
              data-active={index === active || undefined}
              style={{ left: `${left(index)}%`, top: `${share(point.value) * 100}%` }}
            />
          ) : null,
        )}
        {shown && active !== null && (
          <div className={classes.tooltip} data-side={left(active) > 60 ? 'left' : 'right'} style={{ left: `${left(active)}%` }} aria-hidden data-testid="trend-point">
            <ChartTooltip lines={shown.lines} />
          </div>
        )}
      </div>
      {/* the point's card, read out as the arrow keys move */}
      <div className={classes.spoken} role="status">
        {shown ? shown.lines.join(', ') : ''}
      </div>
    </div>
  );
}
