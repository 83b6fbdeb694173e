import type { Actor } from '../../platform/access/actor.ts';
import { type SlaPolicy, startSla } from './sla.rules.ts';
import { slaColumnsOf } from './ticket-sla.rules.ts';
import type { TicketRow } from './tickets.repository.ts';

// For the rules' tests: a ticket as the repository returns it, filed at `createdAt` on `policy`.

export const roundTheClock: SlaPolicy = { firstResponseMinutes: 24 * 60, resolutionMinutes: 72 * 60, calendar: null };

export function ticketRow(createdAt: Date, overrides: Partial<TicketRow> = {}, policy = roundTheClock): TicketRow {
  return {
    tenantId: 1,
    id: 42,
    type: 'complaint',
    channel: 'portal',
    customerId: 7,
    branchId: 3,
    orgPath: '/1/3/',
    managerId: 11,
    districtCode: '350602',
    categoryCode: 'attitude',
    priority: 'normal',
    description: '送货员态度很差',
    status: 'assigned',
    assigneeId: 21,
    failureCode: null,
    createdBy: null,
    createdAt,
    updatedAt: createdAt,
    businessHours: policy.calendar !== null,
    ...slaColumnsOf(startSla(policy, createdAt)),
    firstRespondedAt: null,
    escalated: false,
    nextCheckAt: null,
    resolvedAt: null,
    confirmedAt: null,
    closedAt: null,
    judgement: null,
    rating: null,
    reopenCount: 0,
    gatewayChannel: null,
    gatewayMessageId: null,
    ...overrides,
  };
}

export function actorOfRole(role: Actor['role'], userId: number, displayName: string): Actor {
  return {
    userId,
    tenantId: 1,
    username: displayName,
    displayName,
    role,
    scope:
      role === 'retailer'
        ? { kind: 'customer', customerId: 7 }
        : { kind: 'org', orgUnitId: 1, orgPath: '/1/', orgUnitName: '' },
    sessionId: '',
    ip: 'local',
    requestId: 'test',
  };
}
