import { EnvironmentOutlined } from '@ant-design/icons';
import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import { amapMarkerUrl, sketchPosition } from '../position-sketch.ts';

const width = 480;
const height = 300;

// Where the store is, drawn offline (no tiles): the store in the middle of a 2 km wide
// latitude/longitude grid, a scale bar and a north arrow; Amap for those with internet.
export function PositionMap({
  name,
  latitude,
  longitude,
}: {
  name: string;
  latitude: number | null;
  longitude: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (latitude === null || longitude === null) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.detail.noCoordinates')} />;
  }
  const sketch = sketchPosition({ latitude, longitude }, { width, height, metresAcross: 2000 });
  const scaleLabel =
    sketch.scaleBar.metres >= 1000
      ? `${format.number(sketch.scaleBar.metres / 1000)} km`
      : `${format.number(sketch.scaleBar.metres)} m`;
  const coordinates = `${latitude.toFixed(6)}°N, ${longitude.toFixed(6)}°E`;

  return (
    <Flex vertical gap={8}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${t('customers.detail.position')}：${name}，${coordinates}`}
        style={{ width: '100%', height: 'auto', display: 'block', borderRadius: 6, border: '1px solid #e5e7eb' }}
      >
        <rect width={width} height={height} fill="#f3f6f4" />
        {sketch.gridLines.map((line) =>
          line.axis === 'meridian' ? (
            <g key={`m${line.degrees}`}>
              <line x1={line.offset} y1={0} x2={line.offset} y2={height} stroke="#cfd8d3" strokeWidth={1} />
              {/* no label where the north arrow sits or where it would be cut off */}
              {line.offset < width - 70 ? (
                <text x={line.offset + 3} y={12} fontSize={10} fill="#7a8a82">
                  {line.label}
                </text>
              ) : null}
            </g>
          ) : (
            <g key={`p${line.degrees}`}>
              <line x1={0} y1={line.offset} x2={width} y2={line.offset} stroke="#cfd8d3" strokeWidth={1} />
              <text x={4} y={line.offset + 12} fontSize={10} fill="#7a8a82">
                {line.label}
              </text>
            </g>
          ),
        )}
        {/* 500 m ring around the store, for a sense of distance */}
        <circle
          cx={sketch.centre.x}
          cy={sketch.centre.y}
          r={(sketch.scaleBar.length * 500) / sketch.scaleBar.metres}
          fill="rgba(22,119,255,0.06)"
          stroke="rgba(22,119,255,0.35)"
          strokeDasharray="4 4"
        />
        <g transform={`translate(${sketch.centre.x} ${sketch.centre.y})`}>
          <path d="M0 0 C -9 -12 -12 -17 -12 -24 A 12 12 0 1 1 12 -24 C 12 -17 9 -12 0 0 Z" fill="#d4380d" />
          <circle cx={0} cy={-24} r={4.5} fill="#fff" />
        </g>
        <text
          x={sketch.centre.x}
          y={sketch.centre.y + 18}
          textAnchor="middle"
          fontSize={13}
          fontWeight={600}
          fill="#1f2937"
          stroke="#f3f6f4"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {name}
        </text>
        {/* north arrow */}
        <g transform={`translate(${width - 28} 44)`}>
          <circle cx={0} cy={-2} r={20} fill="rgba(255,255,255,0.85)" />
          <path d="M0 -18 L8 6 L0 1 L-8 6 Z" fill="#1f2937" />
          <text x={0} y={20} textAnchor="middle" fontSize={11} fill="#1f2937">
            {t('customers.detail.north')}
          </text>
        </g>
        {/* scale bar */}
        <g transform={`translate(${width - 24 - sketch.scaleBar.length} ${height - 22})`}>
          <rect width={sketch.scaleBar.length} height={5} fill="#1f2937" />
          <rect width={sketch.scaleBar.length / 2} height={5} fill="#fff" stroke="#1f2937" strokeWidth={1} />
          <text x={sketch.scaleBar.length / 2} y={-4} textAnchor="middle" fontSize={11} fill="#1f2937">
            {scaleLabel}
          </text>
        </g>
      </svg>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {coordinates} · {t('customers.detail.mapNote')}
        </Typography.Text>
        <Typography.Link href={amapMarkerUrl({ latitude, longitude }, name)} target="_blank" rel="noreferrer">
          <EnvironmentOutlined /> {t('customers.detail.openAmap')}
        </Typography.Link>
      </Flex>
    </Flex>
  );
}
