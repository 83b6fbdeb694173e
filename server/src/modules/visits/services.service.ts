import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { type Actor, retailerStoreOf } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import type { CustomerClass } from '../customers/index.ts';
import {
  defaultServiceMenu,
  entitledItemsOf,
  isOpenToCreditLevel,
  rankServiceMethods,
  retirementThreshold,
} from './service-menu.rules.ts';
import {
  allRatings,
  creditLevelOfStore,
  findServiceItem,
  insertDefaultMenu,
  insertRating,
  insertServiceRequest,
  listServiceItems,
  listServiceRequests,
  openRequestsOf,
  type ServiceItemRow,
  updateServiceItem,
} from './services.repository.ts';
import { findScopedStore, findScopedVisit } from './visits.repository.ts';
import type { ServiceRequestStatus } from './visits.schema.ts';

// 菜单式服务: the catalogue (seeded with the default 24 items on first use), retailers' requests,
// and the 服务方式库 ratings.

// The tenant's menu; a tenant without one gets the default menu first (audited once).
export async function serviceMenuOf(executor: Executor, actor: Actor, now: Date): Promise<ServiceItemRow[]> {
  const items = await listServiceItems(executor, actor.tenantId);
  if (items.length > 0) return items;
  const inserted = await insertDefaultMenu(executor, actor.tenantId, defaultServiceMenu, now);
  if (inserted > 0)
    await recordChange(
      executor,
      actor,
      { action: 'seed_default', entity: 'service_item', after: { items: inserted } },
      now,
    );
  return listServiceItems(executor, actor.tenantId);
}

export async function listServiceCatalogue(context: AppContext, actor: Actor) {
  const now = context.now();
  return { items: await context.db.transaction((tx) => serviceMenuOf(tx, actor, now)) };
}

export async function editServiceItem(
  context: AppContext,
  actor: Actor,
  id: number,
  changes: Partial<
    Pick<
      ServiceItemRow,
      'name' | 'standard' | 'frequency' | 'performedBy' | 'entitledClasses' | 'creditLevels' | 'active'
    >
  >,
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    await serviceMenuOf(tx, actor, now);
    const before = await findServiceItem(tx, actor.tenantId, id);
    if (!before) throw new DomainError('NOT_FOUND');
    // No limit is stored as null: an empty list would read as "no level may ask".
    const limit = changes.creditLevels?.length === 0 ? { creditLevels: null } : {};
    const after = await updateServiceItem(tx, actor.tenantId, id, { ...changes, ...limit, updatedAt: now });
    await recordChange(
      tx,
      actor,
      { action: 'update', entity: 'service_item', entityId: id, before, after: changes },
      now,
    );
    return after;
  });
}

export async function getPortalMenu(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const store = await findScopedStore(tx, actor.tenantId, actor.scope, customerId);
    if (!store) throw new DomainError('NOT_FOUND');
    const items = await serviceMenuOf(tx, actor, now);
    const classCode = store.classCode as CustomerClass | null;
    const creditLevel = await creditLevelOfStore(tx, actor.tenantId, customerId, beijingDateOf(now));
    return {
      classCode,
      effectiveClass: classCode ?? 'ordinary',
      creditLevel,
      items: entitledItemsOf(items, classCode).filter((item) => isOpenToCreditLevel(item, creditLevel)),
    };
  });
}

export async function requestService(context: AppContext, actor: Actor, input: { itemId: number; note: string }) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const store = await findScopedStore(tx, actor.tenantId, actor.scope, customerId);
    if (!store) throw new DomainError('NOT_FOUND');
    const items = await serviceMenuOf(tx, actor, now);
    const item = items.find((candidate) => candidate.id === input.itemId);
    if (!item) throw new DomainError('NOT_FOUND');
    if (entitledItemsOf([item], store.classCode).length === 0)
      throw new DomainError('SERVICE_ITEM_NOT_ENTITLED', { item: item.name }, 'itemId');
    const creditLevel = await creditLevelOfStore(tx, actor.tenantId, customerId, beijingDateOf(now));
    if (!isOpenToCreditLevel(item, creditLevel)) {
      const levels = (item.creditLevels ?? []).join('/');
      throw new DomainError(
        'SERVICE_ITEM_CREDIT_LEVEL',
        { item: item.name, levels, level: creditLevel ?? '—' },
        'itemId',
      );
    }
    const open = await openRequestsOf(tx, actor.tenantId, customerId);
    if (open.some((request) => request.itemId === item.id))
      throw new DomainError('SERVICE_REQUEST_OPEN', { item: item.name }, 'itemId');
    const created = await insertServiceRequest(tx, {
      tenantId: actor.tenantId,
      customerId,
      itemId: item.id,
      note: input.note,
      requestedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'service_request', entityId: created.id, after: created },
      now,
    );
    return { id: created.id };
  });
}

export async function listRequests(
  context: AppContext,
  actor: Actor,
  filter: { customerId?: number; status?: ServiceRequestStatus; limit?: number; offset?: number },
) {
  const customerId = actor.scope.kind === 'customer' ? actor.scope.customerId : filter.customerId;
  // One store's requests (its 360° view): a store outside the reader's scope does not exist for them.
  if (customerId !== undefined && !(await findScopedStore(context.db, actor.tenantId, actor.scope, customerId))) {
    throw new DomainError('NOT_FOUND');
  }
  return listServiceRequests(context.db, actor.tenantId, actor.scope, {
    customerId,
    status: filter.status,
    limit: filter.limit ?? 500,
    offset: filter.offset ?? 0,
  });
}

export async function rateServiceMethod(
  context: AppContext,
  actor: Actor,
  input: {
    itemId: number;
    visitId?: number;
    effectiveness: number;
    pertinence: number;
    economy: number;
    comment: string;
  },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    await serviceMenuOf(tx, actor, now);
    if (!(await findServiceItem(tx, actor.tenantId, input.itemId))) throw new DomainError('NOT_FOUND');
    if (input.visitId !== undefined && !(await findScopedVisit(tx, actor.tenantId, actor.scope, input.visitId)))
      throw new DomainError('NOT_FOUND');
    const created = await insertRating(tx, { ...input, tenantId: actor.tenantId, ratedBy: actor.userId, ratedAt: now });
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'service_method_rating', entityId: created.id, after: input },
      now,
    );
    return { id: created.id };
  });
}

export async function rankMethods(context: AppContext, actor: Actor) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const items = await serviceMenuOf(tx, actor, now);
    const scores = rankServiceMethods(
      items.map((item) => item.id),
      await allRatings(tx, actor.tenantId),
    );
    const byId = new Map(items.map((item) => [item.id, item]));
    return {
      threshold: retirementThreshold,
      items: scores.map((score) => {
        const item = byId.get(score.itemId) as ServiceItemRow;
        return { ...score, code: item.code, name: item.name, category: item.category };
      }),
    };
  });
}
