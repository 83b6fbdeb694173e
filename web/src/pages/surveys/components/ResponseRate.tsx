import { Flex, Progress } from 'antd';
import { useFormat } from '../../../shared/use-locale.ts';
import { formatRate } from '../survey-format.ts';

// A response rate as a bar and a percentage; — before the wave is sent.
export function ResponseRate({ rate }: { rate: number | null }) {
  const format = useFormat();
  if (rate === null) return '—';
  return (
    <Flex gap={8} align="center">
      <Progress percent={Math.round(rate * 1000) / 10} size="small" showInfo={false} style={{ width: 80, margin: 0 }} />
      <span>{formatRate(rate, format.locale)}</span>
    </Flex>
  );
}
