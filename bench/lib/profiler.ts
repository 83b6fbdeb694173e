// CPU profiles of the server child taken over its inspector (the server runs with
// --inspect=127.0.0.1:0), so one endpoint's load can be profiled on its own, and a summary of
// where the time went: by package (native and Node-internal frames are charged to the nearest
// caller that belongs to a package or to Kewo's code) and by function (self time).

export type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
export type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

export type ProfileSummary = {
  totalMs: number;
  byArea: { name: string; percent: number }[];
  byFunction: { name: string; percent: number }[];
};

export const inspectFlag = '--inspect=127.0.0.1:0';

export function inspectorUrlOf(output: string): string | undefined {
  return output.match(/Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/)?.[1];
}

export class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private readonly socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot reach the inspector at ${url}`)), { once: true });
    });
    return new Inspector(socket);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async profile<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: 200 });
    await this.send('Profiler.start');
    const result = await work();
    const { profile } = await this.send<{ profile: CpuProfile }>('Profiler.stop');
    return { result, profile };
  }

  close() {
    this.socket.close();
  }
}

const special = new Set(['(idle)', '(garbage collector)', '(program)']);

function areaOf(frame: CallFrame): string | undefined {
  const { url, functionName } = frame;
  if (special.has(functionName)) return functionName;
  if (url.startsWith('wasm://')) return 'wasm (PGlite)';
  const inPackage = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (inPackage) return inPackage[1];
  const inKewo = url.match(/\/(server\/src\/.+)$/);
  if (inKewo) return inKewo[1];
  return undefined; // native code or Node's own: charged to the caller
}

function functionOf(frame: CallFrame): string {
  const where = frame.url
    .replace(/^.*node_modules\//, '')
    .replace(/^file:\/\/.*?\/(server\/src\/)/, '$1')
    .replace(/^file:\/\//, '');
  return where ? `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}` : frame.functionName;
}

export function summarize(profile: CpuProfile, top = 12): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  const selfTime = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
    total += delta;
  });

  const areaCache = new Map<number, string>();
  const areaOfNode = (id: number): string => {
    const cached = areaCache.get(id);
    if (cached) return cached;
    const node = nodes.get(id);
    let area = node ? areaOf(node.callFrame) : 'unknown';
    if (area === undefined) {
      const parent = parents.get(id);
      area = parent === undefined ? 'node (http, streams, timers…)' : areaOfNode(parent);
    }
    areaCache.set(id, area);
    return area;
  };

  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const node = nodes.get(id);
    if (!node) continue;
    const area = areaOfNode(id);
    byArea.set(area, (byArea.get(area) ?? 0) + time);
    const name = functionOf(node.callFrame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => ({ name, percent: Math.round((1000 * time) / total) / 10 }));
  return { totalMs: Math.round(total / 1000), byArea: ranked(byArea), byFunction: ranked(byFunction) };
}
