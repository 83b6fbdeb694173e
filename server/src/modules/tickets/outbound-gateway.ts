import type { AppContext } from '../../app-context.ts';

// The outbound SMS / WeChat gateway. Today a logging implementation: each message is written as
// one JSON line (unless logging is silenced) and the last ones are kept in memory, per application,
// for tests. A real provider implements the same `send`.
export type OutboundMessage = { channel: 'sms' | 'wechat'; customerId: number; text: string };
export type OutboundGateway = { send: (message: OutboundMessage) => Promise<void> };

// The messages the logging gateway sent for one application: two apps in one process (a test run
// on each database) never see each other's.
const sentByContext = new WeakMap<AppContext, OutboundMessage[]>();

export function sentMessagesOf(context: AppContext): readonly OutboundMessage[] {
  return sentByContext.get(context) ?? [];
}

export function loggingGateway(context: AppContext): OutboundGateway {
  const silent = context.config.LOG_LEVEL === 'silent';
  return {
    async send(message) {
      let sentMessages = sentByContext.get(context);
      if (!sentMessages) {
        sentMessages = [];
        sentByContext.set(context, sentMessages);
      }
      sentMessages.push(message);
      if (sentMessages.length > 100) sentMessages.shift();
      if (!silent)
        process.stdout.write(`${JSON.stringify({ msg: 'outbound message (logged, not sent)', ...message })}\n`);
    },
  };
}

let configured: OutboundGateway | undefined;

// A deployment with a provider calls this once at start.
export function setOutboundGateway(gateway: OutboundGateway | undefined) {
  configured = gateway;
}

export function outboundGatewayOf(context: AppContext): OutboundGateway {
  return configured ?? loggingGateway(context);
}
