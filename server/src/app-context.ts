import type { Config } from './config.ts';
import type { Database, DatabaseHandle, DatabaseKind } from './db/client.ts';
import type { OutboundGateway } from './platform/notifications/outbound-gateway.ts';

// What every service needs from the outside world, passed in rather than imported,
// so tests can hand in a real database and a fixed clock.
export type AppContext = {
  db: Database;
  dbKind: DatabaseKind;
  config: Config;
  now: () => Date;
  // The database's notification channels (LISTEN/NOTIFY), for what a process keeps in memory.
  // Without it nothing is kept: every request asks the database.
  listen?: DatabaseHandle['listen'];
  // SMS / WeChat messages to stores: a provider's, or one that logs them instead of sending.
  outbound: OutboundGateway;
};
