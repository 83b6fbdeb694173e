import { Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import { projectStops, type RouteOrder, stopsInOrder } from '../route-map.ts';
import type { DailyRoute } from '../visits.api.ts';

const width = 560;
const height = 360;

// The day's stops drawn on a plain plane (no map tiles): numbered in visit order, joined by a
// line, in the plan's order or the optimised one, each with its total distance.
export function RouteMap({ route }: { route: DailyRoute }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [order, setOrder] = useState<RouteOrder>('after');
  const points = projectStops(stopsInOrder(route.stops, order), { width, height, margin: 28 });
  const km = (value: number) => `${format.number(value, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} km`;
  if (points.length === 0) return <Typography.Text type="secondary">{t('visits.route.noMap')}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="route-map">
      <Segmented
        block
        value={order}
        onChange={(value) => setOrder(value as RouteOrder)}
        options={[
          { value: 'before', label: `${t('visits.route.before')} · ${km(route.kmBefore)}` },
          { value: 'after', label: `${t('visits.route.after')} · ${km(route.kmAfter)}` },
        ]}
      />
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('visits.route.map')}
        style={{ width: '100%', height: 'auto', background: '#f5f7fa', borderRadius: 8, border: '1px solid #e5e7eb' }}
      >
        <polyline
          points={points.map((point) => `${point.x},${point.y}`).join(' ')}
          fill="none"
          stroke={order === 'after' ? '#1677ff' : '#fa8c16'}
          strokeWidth={2.5}
          strokeLinejoin="round"
          strokeDasharray={order === 'before' ? '6 4' : undefined}
        />
        {points.map((point) => (
          <g key={point.stop.planItemId} data-testid="route-map-stop">
            <title>{`${point.label}. ${point.stop.customerName}`}</title>
            <circle
              cx={point.x}
              cy={point.y}
              r={11}
              fill={point.stop.status === 'done' ? '#52c41a' : '#fff'}
              stroke={point.stop.status === 'done' ? '#389e0d' : '#1677ff'}
              strokeWidth={2}
            />
            <text
              x={point.x}
              y={point.y}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={11}
              fontWeight={600}
              fill={point.stop.status === 'done' ? '#fff' : '#1677ff'}
            >
              {point.label}
            </text>
          </g>
        ))}
      </svg>
      {route.unplaced > 0 ? (
        <Typography.Text type="secondary">{t('visits.route.unplaced', { count: route.unplaced })}</Typography.Text>
      ) : null}
    </Flex>
  );
}
