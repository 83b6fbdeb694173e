// The outbound SMS / WeChat gateway: messages to a store outside the app. The app context carries
// the one in use (`context.outbound`); a deployment with a provider hands its own to createContext.

export type OutboundMessage = { channel: 'sms' | 'wechat'; customerId: number; text: string };

export type OutboundGateway = { send: (message: OutboundMessage) => Promise<void> };

// What a gateway that logs instead of sending has sent, newest last.
export type LoggingOutboundGateway = OutboundGateway & { readonly sent: readonly OutboundMessage[] };

const keptMessages = 100;

// The gateway without a provider, and in tests: nothing leaves the process. Each message is
// written as one JSON line (unless silent), and the last 100 are kept for a test to read.
export function loggingOutboundGateway(options: {
  silent: boolean;
  write?: (line: string) => void;
}): LoggingOutboundGateway {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const sent: OutboundMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      if (sent.length > keptMessages) sent.shift();
      if (!options.silent) write(`${JSON.stringify({ msg: 'outbound message (logged, not sent)', ...message })}\n`);
    },
  };
}
