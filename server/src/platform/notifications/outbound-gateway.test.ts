import { describe, expect, it } from 'vitest';
import { loggingOutboundGateway, type OutboundMessage } from './outbound-gateway.ts';

const message = (customerId: number): OutboundMessage => ({ channel: 'sms', customerId, text: `第 ${customerId} 条` });

describe(loggingOutboundGateway.name, () => {
  it('writes each message as one JSON line, and keeps it', async () => {
    const lines: string[] = [];
    const gateway = loggingOutboundGateway({ silent: false, write: (line) => lines.push(line) });
    await gateway.send(message(7));
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { msg: 'outbound message (logged, not sent)', channel: 'sms', customerId: 7, text: '第 7 条' },
    ]);
    expect(gateway.sent).toEqual([message(7)]);
  });

  it('writes nothing when silent', async () => {
    const lines: string[] = [];
    const gateway = loggingOutboundGateway({ silent: true, write: (line) => lines.push(line) });
    await gateway.send(message(1));
    expect(lines).toEqual([]);
    expect(gateway.sent).toHaveLength(1);
  });

  it('keeps the last 100, oldest dropped first', async () => {
    const gateway = loggingOutboundGateway({ silent: true });
    for (let customerId = 1; customerId <= 105; customerId += 1) await gateway.send(message(customerId));
    expect(gateway.sent).toHaveLength(100);
    expect(gateway.sent[0].customerId).toBe(6);
    expect(gateway.sent.at(-1)?.customerId).toBe(105);
  });

  it("keeps each gateway's messages apart: two apps in one process never see each other's", async () => {
    const one = loggingOutboundGateway({ silent: true });
    const other = loggingOutboundGateway({ silent: true });
    await one.send(message(1));
    expect(other.sent).toEqual([]);
  });
});
