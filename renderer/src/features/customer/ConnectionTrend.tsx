import { LineChart } from '@mantine/charts';
import dayjs from 'dayjs';
import type { ConnectionIndex } from '../../../../shared/contract/connection';
import { ChartTooltip } from '../../lib/ChartTooltip';
import { fullTime } from '../../lib/time';
import { formatScore } from './connectionLook';

/** The index over time: one point as each contact ended, and now (lazy-loaded with the charts library). */
export function ConnectionTrend({ trend }: { trend: ConnectionIndex['trend'] }) {
  if (trend.length < 2) return null;
  const points = trend.map((point, i) => ({
    key: i,
    month: i === trend.length - 1 ? 'now' : dayjs(point.at).format('D MMM YY'),
    score: Math.round(point.score * 10) / 10,
    at: point.at,
  }));
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <div role="figure" aria-label={`Connection index over time: ${formatScore(first.score)} on ${dayjs(first.at).format('D MMMM YYYY')}, ${formatScore(last.score)} now`}>
      <LineChart
        h={90}
        data={points}
        dataKey="month"
        series={[{ name: 'score', color: 'teal.6', label: 'Index' }]}
        yAxisProps={{ domain: [0, 100], width: 28, ticks: [0, 25, 50, 75, 100] }}
        xAxisProps={{ hide: true }}
        referenceLines={[
          { y: 25, color: 'gray.3' },
          { y: 50, color: 'gray.3' },
          { y: 75, color: 'gray.3' },
        ]}
        gridAxis="none"
        withDots={points.length <= 30}
        curveType="monotone"
        tooltipProps={{
          content: ({ payload }) => {
            const point = payload?.[0]?.payload as (typeof points)[number] | undefined;
            return point ? <ChartTooltip lines={[fullTime(point.at), `Index ${formatScore(point.score)}`]} /> : null;
          },
        }}
      />
    </div>
  );
}
