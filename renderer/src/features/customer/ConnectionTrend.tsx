import dayjs from 'dayjs';
import type { ConnectionIndex } from '../../../../shared/contract/connection';
import { TrendChart } from '../../lib/TrendChart';
import { fullTime } from '../../lib/time';
import { formatScore } from './connectionLook';

/** The index over time: one point as each contact ended, and now. */
export function ConnectionTrend({ trend }: { trend: ConnectionIndex['trend'] }) {
  if (trend.length < 2) return null;
  const points = trend.map((point) => {
    const score = Math.round(point.score * 10) / 10;
    return { value: score, at: point.at, lines: [fullTime(point.at), `Index ${formatScore(score)}`] };
  });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <div role="figure" aria-label={`Connection index over time: ${formatScore(first.value)} on ${dayjs(first.at).format('D MMMM YYYY')}, ${formatScore(last.value)} now`}>
      <TrendChart
        height={90}
        points={points}
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        referenceLines={[
          { y: 25, color: 'gray.3' },
          { y: 50, color: 'gray.3' },
          { y: 75, color: 'gray.3' },
        ]}
        withDots={points.length <= 30}
        color="teal.6"
        label="The connection index over time"
      />
    </div>
  );
}
