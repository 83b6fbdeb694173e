import pg from 'pg';

// LISTEN/NOTIFY: a channel the database notifies when something changes that a process may keep
// in memory. A listener hears three things, in this order and then repeatedly:
//   listening — from now on every notification on the channel reaches it;
//   notified  — one arrived (a statement-level trigger, or a NOTIFY from any connection);
//   deaf      — notifications may be missed from now on (the connection dropped, or the
//               database is closing): what was kept on their strength can no longer be trusted.
export type ChannelListener = {
  listening: () => void;
  notified: () => void;
  deaf: () => void;
};

export type Unlisten = () => Promise<void>;

// Channels are Kewo's own constants; the check keeps a mistake from reaching the SQL text.
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
}

// On PostgreSQL: one connection of its own per channel, outside the pool (a pooled connection
// goes back to other work), reconnecting after a loss — 1 s, doubling to 30 s. The listener is
// deaf from the loss until the new connection has run LISTEN.
export function listenOnPostgres(url: string, channel: string, listener: ChannelListener): Unlisten {
  assertChannelName(channel);
  let stopped = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let delayMs = 1_000;

  const lose = (lost: pg.Client) => {
    if (client !== lost) return; // already handled: 'error' and 'end' both come
    client = undefined;
    listener.deaf();
    lost.end().catch(() => {});
    if (stopped) return;
    retryTimer = setTimeout(connect, delayMs);
    retryTimer.unref();
    delayMs = Math.min(delayMs * 2, 30_000);
  };

  async function connect() {
    retryTimer = undefined;
    if (stopped) return;
    const candidate = new pg.Client({ connectionString: url, application_name: 'kewo-listen' });
    client = candidate;
    candidate.on('error', () => lose(candidate));
    candidate.on('end', () => lose(candidate));
    candidate.on('notification', (message) => {
      if (message.channel === channel) listener.notified();
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${channel}`);
    } catch {
      lose(candidate);
      return;
    }
    if (client !== candidate || stopped) return;
    delayMs = 1_000;
    listener.listening();
  }

  void connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    const current = client;
    if (current) {
      client = undefined;
      listener.deaf();
      await current.end().catch(() => {});
    }
  };
}
