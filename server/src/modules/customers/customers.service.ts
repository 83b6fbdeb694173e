import type { AppContext } from '../../app-context.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange, recordChanges } from '../../platform/audit/audit.ts';
import { generateInitialPassword, hashPassword } from '../../platform/auth/password-hashing.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { revokeSessionsOfUser, updateUserPassword } from '../../platform/identity/identity.repository.ts';
import {
  createRetailerAccountsIn,
  disableRetailerAccountsIn,
  findRetailerAccount,
} from '../../platform/identity/retailer-accounts.ts';
import { countStores } from './active-stores.ts';
import { applyCustomFieldChanges, type CustomFieldFilter, parseCustomFieldFilter } from './custom-field.rules.ts';
import { findCustomerFields } from './custom-fields.repository.ts';
import { checkLicenceNo, checkStatusChange, fieldsNotEditableBy } from './customer.rules.ts';
import type { CustomerSort } from './customer-reference.ts';
import { searchKeysOf } from './customer-search.rules.ts';
import {
  type CustomerCursor,
  type CustomerFilters,
  type CustomerView,
  findAssignableManager,
  findCustomerHistory,
  findCustomerInScope,
  findCustomerPage,
  findCustomerReference,
  findDistrictCodes,
  insertCustomers,
  isLicenceNoTaken,
  lockCustomersInScope,
  reassignCustomers,
  updateCustomer,
} from './customers.repository.ts';
import type { CustomerFormat, CustomerStatus, OrderChannel, UrbanRural } from './customers.schema.ts';

function presentCustomer(row: CustomerView) {
  const { districtCode, districtName, orgPath: _orgPath, classCode, demoType, ...rest } = row;
  return {
    ...rest,
    district: { code: districtCode, name: districtName },
    class: classCode,
    demoType: classCode === 'demonstration' ? demoType : null,
  };
}

export type CustomerDetails = ReturnType<typeof presentCustomer>;

// ---- Reading ----

export async function getCustomer(context: AppContext, actor: Actor, id: number): Promise<CustomerDetails> {
  const row = await findCustomerInScope(context.db, actor.tenantId, actor.scope, id);
  // Outside the scope and nonexistent look the same, so ids cannot be probed.
  if (!row) throw new DomainError('NOT_FOUND');
  return presentCustomer(row);
}

const listParameters = new Set([
  'q',
  'limit',
  'cursor',
  'sort',
  'branchId',
  'districtCode',
  'managerId',
  'format',
  'urbanRural',
  'status',
  'class',
  'tag',
]);

export type CustomerListQuery = Omit<CustomerFilters, 'customFields'> & {
  limit: number;
  cursor?: string;
  sort: CustomerSort;
} & Record<string, unknown>;

// The list's filters as the repository takes them: custom-field filters (cf.<key>=…) are read
// against the tenant's active fields; any other unknown parameter is refused rather than ignored.
export async function readCustomerFilters(
  executor: Executor,
  tenantId: number,
  query: Record<string, unknown>,
): Promise<CustomerFilters> {
  const unknown = Object.keys(query).filter((name) => !listParameters.has(name) && !name.startsWith('cf.'));
  if (unknown.length > 0) throw new DomainError('QUERY_PARAMETER_UNKNOWN', { names: unknown.join(', ') }, unknown[0]);
  const filterParams = Object.entries(query).filter(([name]) => name.startsWith('cf.'));
  const customFields: CustomFieldFilter[] = [];
  if (filterParams.length > 0) {
    const fields = await findCustomerFields(executor, tenantId);
    for (const [name, value] of filterParams) {
      const field = fields.find((candidate) => candidate.active && `cf.${candidate.key}` === name);
      if (!field) throw new DomainError('CUSTOM_FIELD_UNKNOWN', { key: name.slice(3) }, name);
      customFields.push(parseCustomFieldFilter(field, String(value)));
    }
  }
  const { limit: _limit, cursor: _cursor, sort: _sort, ...rest } = query;
  const filters = Object.fromEntries(Object.entries(rest).filter(([name]) => listParameters.has(name)));
  return { ...(filters as Omit<CustomerFilters, 'customFields'>), customFields };
}

export async function listCustomers(context: AppContext, actor: Actor, query: CustomerListQuery) {
  const { limit, cursor, sort } = query;
  const filters = await readCustomerFilters(context.db, actor.tenantId, query);
  const page = await findCustomerPage(context.db, actor.tenantId, actor.scope, filters, {
    sort,
    limit,
    after: cursor ? decodeCursor(cursor) : undefined,
  });
  return {
    items: page.items.map(presentCustomer),
    total: page.total,
    totalIsEstimate: page.totalIsEstimate,
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
}

// The change history tab of the 360° view: every audited change of one visible customer.
export async function getCustomerHistory(
  context: AppContext,
  actor: Actor,
  id: number,
  page: { cursor?: number; limit: number },
) {
  await getCustomer(context, actor, id);
  const rows = await findCustomerHistory(context.db, actor.tenantId, id, {
    beforeId: page.cursor,
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].id : null };
}

export function encodeCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): CustomerCursor {
  try {
    const [rank, value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Number.isInteger(rank) && typeof value === 'string' && Number.isInteger(id)) return { rank, value, id };
  } catch {
    // falls through to the error below
  }
  throw new DomainError('INVALID_CURSOR', {}, 'cursor');
}

// ---- Writing ----

export type NewCustomer = {
  licenceNo: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  urbanRural: UrbanRural;
  format: CustomerFormat;
  managerId: number;
  orderDay: number;
  orderChannel: OrderChannel;
  latitude?: number | null;
  longitude?: number | null;
  licenceValidUntil?: string | null;
  tags: string[];
  customFields?: Record<string, unknown>;
};

export async function createCustomer(context: AppContext, actor: Actor, input: NewCustomer) {
  const now = context.now();
  // The row read back for the audit trail is also the answer: no second read after the commit.
  const created = await context.db.transaction(async (tx) => {
    const districtCode = checkLicenceNo(input.licenceNo, await findDistrictCodes(tx, actor.tenantId));
    if (await isLicenceNoTaken(tx, actor.tenantId, input.licenceNo)) {
      throw new DomainError('LICENCE_NO_TAKEN', { licenceNo: input.licenceNo }, 'licenceNo');
    }
    const manager = await findAssignableManager(tx, actor.tenantId, actor.scope, input.managerId);
    if (!manager) throw new DomainError('CUSTOMER_MANAGER_INVALID', { managerId: input.managerId }, 'managerId');
    const customFields = applyCustomFieldChanges(
      await findCustomerFields(tx, actor.tenantId),
      {},
      input.customFields ?? {},
      { checkRequired: true },
    );
    const [inserted] = await insertCustomers(tx, [
      {
        ...input,
        customFields,
        ...searchKeysOf(input),
        tenantId: actor.tenantId,
        districtCode,
        branchId: manager.branchId,
        orgPath: manager.orgPath,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    // Every store gets a portal account, without a usable password until staff issue one
    // (issuePortalPassword).
    await createRetailerAccountsIn(tx, actor.tenantId, [inserted], now);
    const after = await findCustomerInScope(tx, actor.tenantId, actor.scope, inserted.id);
    await recordChange(tx, actor, { action: 'create', entity: 'customer', entityId: inserted.id, after }, now);
    return after;
  });
  if (!created) throw new DomainError('NOT_FOUND');
  return presentCustomer(created);
}

export type CustomerChanges = Partial<Omit<NewCustomer, 'licenceNo' | 'managerId'>>;

export async function editCustomer(context: AppContext, actor: Actor, id: number, changes: CustomerChanges) {
  const changed = Object.keys(changes).filter((key) => changes[key as keyof CustomerChanges] !== undefined);
  const forbidden = fieldsNotEditableBy(actor.role, changed);
  if (forbidden.length > 0) throw new DomainError('FIELD_NOT_EDITABLE', { fields: forbidden }, forbidden[0]);
  const now = context.now();
  const edited = await context.db.transaction(async (tx) => {
    const before = await findCustomerInScope(tx, actor.tenantId, actor.scope, id);
    if (!before) throw new DomainError('NOT_FOUND');
    if (changed.length === 0) return before;
    const customFields =
      changes.customFields === undefined
        ? undefined
        : applyCustomFieldChanges(
            await findCustomerFields(tx, actor.tenantId),
            before.customFields,
            changes.customFields,
            { checkRequired: true },
          );
    await updateCustomer(tx, actor.tenantId, id, {
      ...changes,
      customFields,
      // Any change to what is searched recomputes every search key of the row.
      ...(changes.name !== undefined || changes.owner !== undefined || changes.address !== undefined
        ? searchKeysOf({
            name: changes.name ?? before.name,
            owner: changes.owner ?? before.owner,
            address: changes.address ?? before.address,
          })
        : {}),
      updatedAt: now,
    });
    const after = await findCustomerInScope(tx, actor.tenantId, actor.scope, id);
    await recordChange(tx, actor, { action: 'update', entity: 'customer', entityId: id, before, after }, now);
    return after;
  });
  if (!edited) throw new DomainError('NOT_FOUND');
  return presentCustomer(edited);
}

export async function changeCustomerStatus(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { status: CustomerStatus; reason: string },
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const before = await findCustomerInScope(tx, actor.tenantId, actor.scope, id);
    if (!before) throw new DomainError('NOT_FOUND');
    checkStatusChange(before.status, input.status, input.reason);
    const reason = input.reason.trim();
    await updateCustomer(tx, actor.tenantId, id, { status: input.status, statusReason: reason, updatedAt: now });
    // A cancelled licence (注销) ends the store's use of the portal, at once.
    const disabledAccounts =
      input.status === 'cancelled' ? await disableRetailerAccountsIn(tx, actor.tenantId, id, now) : [];
    for (const userId of disabledAccounts) await revokeSessionsOfUser(tx, userId, now);
    await recordChange(
      tx,
      actor,
      {
        action: 'change_status',
        entity: 'customer',
        entityId: id,
        before: { status: before.status, statusReason: before.statusReason },
        after: {
          status: input.status,
          statusReason: reason,
          ...(disabledAccounts.length > 0 ? { disabledRetailerAccounts: disabledAccounts } : {}),
        },
      },
      now,
    );
  });
  return getCustomer(context, actor, id);
}

// Moves customers to another manager (and so to that manager's branch). All or nothing: if any
// id is unknown or outside the actor's scope, nothing moves. Customers' step of the
// reassign-customers workflow (workflows/), which moves what other modules keep of the stores.
export async function reassignCustomersIn(
  tx: Transaction,
  actor: Actor,
  input: { customerIds: number[]; managerId: number },
  now: Date,
) {
  const ids = [...new Set(input.customerIds)];
  const manager = await findAssignableManager(tx, actor.tenantId, actor.scope, input.managerId);
  if (!manager) throw new DomainError('CUSTOMER_MANAGER_INVALID', { managerId: input.managerId }, 'managerId');
  const found = await lockCustomersInScope(tx, actor.tenantId, actor.scope, ids);
  if (found.length !== ids.length) {
    const seen = new Set(found.map((row) => row.id));
    const missing = ids.filter((id) => !seen.has(id));
    throw new DomainError(
      'CUSTOMERS_NOT_FOUND',
      { count: missing.length, ids: missing.slice(0, 20).map(String) },
      'customerIds',
    );
  }
  const moving = found.filter((row) => row.managerId !== manager.id);
  await reassignCustomers(
    tx,
    actor.tenantId,
    moving.map((row) => row.id),
    manager,
    now,
  );
  await recordChanges(
    tx,
    actor,
    moving.map((row) => ({
      action: 'reassign',
      entity: 'customer',
      entityId: row.id,
      before: { managerId: row.managerId, branchId: row.branchId },
      after: { managerId: manager.id, branchId: manager.branchId },
    })),
    now,
  );
  return {
    moved: moving.map((row) => row.id),
    to: { managerId: manager.id, orgPath: manager.orgPath },
    unchanged: found.length - moving.length,
  };
}

// Staff read a new one-time password out to a store (a new account, or a forgotten password).
// The old password and every session of the account stop working; the store must change it at
// its first sign-in. The password itself is shown once and never stored or audited.
export async function issuePortalPassword(context: AppContext, actor: Actor, customerId: number) {
  const customer = await getCustomer(context, actor, customerId);
  if (customer.status === 'cancelled') throw new DomainError('CUSTOMER_CANCELLED', { licenceNo: customer.licenceNo });
  const password = generateInitialPassword();
  const passwordHash = await hashPassword(password);
  const now = context.now();
  const account = await context.db.transaction(async (tx) => {
    let existing = await findRetailerAccount(tx, actor.tenantId, customerId);
    if (!existing) {
      await createRetailerAccountsIn(tx, actor.tenantId, [customer], now);
      existing = await findRetailerAccount(tx, actor.tenantId, customerId);
    }
    if (!existing) throw new DomainError('RETAILER_ACCOUNT_UNAVAILABLE', { licenceNo: customer.licenceNo });
    await updateUserPassword(tx, existing.id, passwordHash, now, true);
    await revokeSessionsOfUser(tx, existing.id, now);
    await recordChange(
      tx,
      actor,
      {
        action: 'issue_portal_password',
        entity: 'customer',
        entityId: customerId,
        after: { retailerAccount: existing.username },
      },
      now,
    );
    return existing;
  });
  return { username: account.username, password };
}

// 在营客户 and 全部档案 in the caller's scope (the list's total counts every status it shows).
export function getStoreCounts(context: AppContext, actor: Actor) {
  return countStores(context.db, actor.tenantId, actor.scope);
}

export function getCustomerReference(context: AppContext, actor: Actor) {
  return findCustomerReference(context.db, actor.tenantId, actor.scope);
}
