// One load run with autocannon, boiled down to what the benchmarks report.
import autocannon from 'autocannon';

export type LoadOptions = {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
};

export type Sample = {
  // autocannon's requests/s: the mean of its per-second samples.
  rps: number;
  // Latency percentiles and mean, in milliseconds, as autocannon reports them.
  p50: number;
  p99: number;
  meanLatency: number;
  requests: number;
  durationSeconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

export async function runLoad(options: LoadOptions): Promise<Sample> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
  });
  return {
    rps: round(result.requests.average, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    meanLatency: round(result.latency.average, 2),
    requests: result.requests.total,
    durationSeconds: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}

// Why a sample cannot be trusted (the server failed requests), or undefined when it is clean.
export function problemOf(sample: Sample): string | undefined {
  if (sample.requests === 0) return 'no request completed';
  if (sample.errors > 0 || sample.timeouts > 0 || sample.non2xx > 0) {
    return `${sample.errors} errors, ${sample.timeouts} timeouts, ${sample.non2xx} non-2xx (status codes ${JSON.stringify(sample.statusCodes)})`;
  }
  return undefined;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
