import type { AppContext } from '../../app-context.ts';

// The outbound SMS / WeChat gateway. Today a logging implementation: each message is written as
// one JSON line (unless logging is silenced) and the last ones are kept in memory for tests. A real
// provider implements the same `send`.
export type OutboundMessage = { channel: 'sms' | 'wechat'; customerId: number; text: string };
export type OutboundGateway = { send: (message: OutboundMessage) => Promise<void> };

export const sentMessages: OutboundMessage[] = [];

export function loggingGateway(silent: boolean): OutboundGateway {
  return {
    async send(message) {
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
  return configured ?? loggingGateway(context.config.LOG_LEVEL === 'silent');
}
