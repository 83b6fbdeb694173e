import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { recordChanges } from '../../platform/audit/audit.ts';
import { everyMinutes } from '../../platform/jobs/cadence.rules.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { notifyIn } from '../../platform/notifications/notifications.service.ts';
import type { SlaPolicy } from './sla.rules.ts';
import { policyOf } from './ticket-sla.rules.ts';
import {
  dueTickets,
  getCalendar,
  insertEvents,
  listCategories,
  type TicketRow,
  tenantsWithDueTickets,
} from './tickets.repository.ts';
import { branchHeadsOf } from './tickets.service.ts';
import { type SweepOutcome, sweepOne } from './tickets-sweep.rules.ts';

// The SLA sweep: every minute, each ticket whose stored `next_check_at` has come is evaluated
// (warnings, breaches, escalations, auto-confirmation: sweepOne, tickets-sweep.rules.ts) and
// written back in batches. Everything it needs is on the ticket, so a restart resumes where it
// stopped; a late sweep catches up.

const batchSize = 2_000;

export async function sweepTickets(context: AppContext): Promise<{ tickets: number; events: number }> {
  const now = context.now();
  let ticketCount = 0;
  let eventCount = 0;
  for (const tenantId of await tenantsWithDueTickets(context.db, now)) {
    for (;;) {
      const done = await context.db.transaction(async (tx) => {
        const rows = await dueTickets(tx, tenantId, now, batchSize);
        if (rows.length === 0) return 0;
        eventCount += await sweepBatch(tx, tenantId, rows, now);
        return rows.length;
      });
      ticketCount += done;
      if (done < batchSize) break;
    }
  }
  return { tickets: ticketCount, events: eventCount };
}

async function sweepBatch(tx: Executor, tenantId: number, rows: TicketRow[], now: Date): Promise<number> {
  const system = systemActor(tenantId, 'sla-sweep');
  system.displayName = '系统';
  const categories = new Map((await listCategories(tx, tenantId)).map((category) => [category.code, category]));
  const calendar = await getCalendar(tx, tenantId);
  const heads = new Map<number, { id: number; displayName: string }[]>();
  const outcomes: { ticket: TicketRow; outcome: SweepOutcome }[] = [];
  for (const ticket of rows) {
    const category = categories.get(ticket.categoryCode);
    // Whether the calendar applies is what the ticket was filed with, not the category's flag today.
    const policy: SlaPolicy = policyOf(
      { ...(category ?? { firstResponseMinutes: 1440, resolutionMinutes: 4320 }), businessHours: ticket.businessHours },
      ticket.priority,
      calendar,
    );
    let branchHeads = heads.get(ticket.branchId);
    if (!branchHeads) {
      branchHeads = await branchHeadsOf(tx, tenantId, ticket.branchId);
      heads.set(ticket.branchId, branchHeads);
    }
    outcomes.push({ ticket, outcome: sweepOne(ticket, policy, branchHeads, now, system) });
  }
  const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);
  const payload = outcomes.map(({ ticket, outcome }) => {
    const c = outcome.changes;
    return {
      id: ticket.id,
      status: c.status ?? ticket.status,
      confirmed_at: iso(c.confirmedAt ?? ticket.confirmedAt),
      escalated: c.escalated ?? ticket.escalated,
      next_check_at: iso(c.nextCheckAt),
      fr_warned: iso(c.firstResponseWarnedAt),
      fr_sla: c.firstResponseSla,
      fr_decided: iso(c.firstResponseDecidedAt),
      fr_escalated: iso(c.firstResponseEscalatedAt),
      res_warned: iso(c.resolutionWarnedAt),
      res_sla: c.resolutionSla,
      res_decided: iso(c.resolutionDecidedAt),
      res_escalated: iso(c.resolutionEscalatedAt),
    };
  });
  // One statement for the whole batch.
  await tx.execute(sql`
    UPDATE tickets AS t SET
      status = v.status, confirmed_at = v.confirmed_at, escalated = v.escalated, next_check_at = v.next_check_at,
      first_response_warned_at = v.fr_warned, first_response_sla = v.fr_sla,
      first_response_decided_at = v.fr_decided, first_response_escalated_at = v.fr_escalated,
      resolution_warned_at = v.res_warned, resolution_sla = v.res_sla,
      resolution_decided_at = v.res_decided, resolution_escalated_at = v.res_escalated,
      updated_at = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS v(
      id int, status text, confirmed_at timestamptz, escalated boolean, next_check_at timestamptz,
      fr_warned timestamptz, fr_sla text, fr_decided timestamptz, fr_escalated timestamptz,
      res_warned timestamptz, res_sla text, res_decided timestamptz, res_escalated timestamptz)
    WHERE t.tenant_id = ${tenantId} AND t.id = v.id`);
  const events = outcomes.flatMap(({ outcome }) => outcome.events);
  for (let start = 0; start < events.length; start += 1000) await insertEvents(tx, events.slice(start, start + 1000));
  await notifyIn(
    tx,
    tenantId,
    outcomes.flatMap(({ outcome }) => outcome.notifications),
    now,
  );
  const audited = outcomes.filter(({ outcome }) => outcome.events.length > 0);
  if (audited.length > 0)
    await recordChanges(
      tx,
      system,
      audited.map(({ ticket, outcome }) => ({
        action: outcome.autoConfirmed ? 'auto-confirm' : 'sla',
        entity: 'ticket',
        entityId: ticket.id,
        after: { events: outcome.slaEvents.map((event) => `${event.target}:${event.kind}`) },
      })),
      now,
    );
  return events.length;
}

// The SLA clocks, every minute: the tickets whose stored next check has come.
export const ticketSweepJob: Job = {
  name: 'tickets.sla-sweep',
  description:
    'Advances the SLA clocks of the tickets whose next check has come: warnings, breaches, escalations, auto-confirmation',
  cadence: everyMinutes(1),
  run: sweepTickets,
};
