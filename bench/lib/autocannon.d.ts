// The part of autocannon 9's programmatic API the benchmarks use (the package ships no types,
// and there is no @types/autocannon in the project). See node_modules/autocannon/README.md.
declare module 'autocannon' {
  type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p0_001: number;
    p0_01: number;
    p0_1: number;
    p1: number;
    p2_5: number;
    p10: number;
    p25: number;
    p50: number;
    p75: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
    p99_99: number;
    p99_999: number;
  };

  namespace autocannon {
    type Options = {
      url: string;
      title?: string;
      connections?: number;
      duration?: number;
      amount?: number;
      pipelining?: number;
      timeout?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      bailout?: number;
      expectBody?: string;
    };

    type Result = {
      title?: string;
      url: string;
      connections: number;
      pipelining: number;
      duration: number;
      start: Date;
      finish: Date;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      resets: number;
      '1xx': number;
      '2xx': number;
      '3xx': number;
      '4xx': number;
      '5xx': number;
      statusCodeStats: Record<string, { count: number }>;
      samples: number;
      latency: Histogram & { totalCount: number };
      // requests.total: responses completed; requests.sent: requests sent.
      requests: Histogram & { sent: number };
      throughput: Histogram;
    };
  }

  // Without a callback it returns a thenable event emitter (the run's tracker), not a Promise.
  function autocannon(options: autocannon.Options): PromiseLike<autocannon.Result> & { stop: () => void };

  export default autocannon;
}
