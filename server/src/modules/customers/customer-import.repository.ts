import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import { type RowColumns, unnestRows } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits, tenants, users } from '../../platform/identity/identity.schema.ts';
import { customerImportErrorFiles } from './customer-import.schema.ts';
import type { CustomerSearchKeys } from './customer-search.rules.ts';
import { type CustomerFilters, type CustomerInsert, findCustomerRowsForExport } from './customers.repository.ts';
import { customers, districts } from './customers.schema.ts';

// Queries of the spreadsheet import and export: reference data looked up once per file, the
// existing customers of a batch of licence numbers, bulk updates, and the error workbooks.

export async function findDistrictNames(executor: Executor, tenantId: number): Promise<Map<string, string>> {
  const rows = await executor
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .where(eq(districts.tenantId, tenantId));
  return new Map(rows.map((row) => [row.code, row.name]));
}

// Every customer manager the actor may assign (enabled, role manager, placed inside the actor's
// scope), by username in lower case: the sheet names managers by their sign-in name.
export async function findAssignableManagersByUsername(executor: Executor, tenantId: number, scope: DataScope) {
  const rows = await executor
    .select({ id: users.id, username: users.username, branchId: orgUnits.id, orgPath: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.role, 'manager'),
        eq(users.disabled, false),
        scopeCondition(scope, { orgPath: orgUnits.path }),
      ),
    );
  return new Map(rows.map((row) => [row.username.toLowerCase(), row]));
}

export type AssignableManager = { id: number; username: string; branchId: number; orgPath: string };

const comparableColumns = {
  id: customers.id,
  licenceNo: customers.licenceNo,
  name: customers.name,
  owner: customers.owner,
  phone: customers.phone,
  address: customers.address,
  urbanRural: customers.urbanRural,
  format: customers.format,
  status: customers.status,
  managerId: customers.managerId,
  branchId: customers.branchId,
  orgPath: customers.orgPath,
  orderDay: customers.orderDay,
  orderChannel: customers.orderChannel,
  latitude: customers.latitude,
  longitude: customers.longitude,
  licenceValidUntil: customers.licenceValidUntil,
  tags: customers.tags,
  customFields: customers.customFields,
};

// The stored customers among some licence numbers (any scope: the caller decides what an
// existing customer outside the scope means). With lock, the rows stay locked to the commit.
export async function findCustomersByLicence(executor: Executor, tenantId: number, licenceNos: string[], lock = false) {
  if (licenceNos.length === 0) return [];
  const query = executor
    .select(comparableColumns)
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.licenceNo, licenceNos)));
  return lock ? query.for('update') : query;
}

export type StoredCustomer = Awaited<ReturnType<typeof findCustomersByLicence>>[number];

export type CustomerRowUpdate = Omit<StoredCustomer, 'licenceNo' | 'status'> & CustomerSearchKeys;

// Many customers updated in one statement: the new rows travel as one JSON parameter.
export async function updateCustomersInBulk(
  executor: Executor,
  tenantId: number,
  rows: CustomerRowUpdate[],
  now: Date,
) {
  if (rows.length === 0) return;
  await executor.execute(sql`
    UPDATE customers AS c SET
      name = v.name, owner = v.owner, phone = v.phone, address = v.address,
      urban_rural = v.urban_rural, format = v.format, manager_id = v.manager_id, branch_id = v.branch_id,
      org_path = v.org_path, order_day = v.order_day, order_channel = v.order_channel,
      latitude = v.latitude, longitude = v.longitude, licence_valid_until = v.licence_valid_until,
      tags = v.tags, custom_fields = v.custom_fields, name_pinyin = v.name_pinyin, name_initials = v.name_initials,
      owner_pinyin = v.owner_pinyin, owner_initials = v.owner_initials, name_grams = v.name_grams,
      owner_address_grams = v.owner_address_grams, updated_at = ${now}
    FROM jsonb_to_recordset(${JSON.stringify(
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        owner: row.owner,
        phone: row.phone,
        address: row.address,
        urban_rural: row.urbanRural,
        format: row.format,
        manager_id: row.managerId,
        branch_id: row.branchId,
        org_path: row.orgPath,
        order_day: row.orderDay,
        order_channel: row.orderChannel,
        latitude: row.latitude,
        longitude: row.longitude,
        licence_valid_until: row.licenceValidUntil,
        tags: row.tags,
        custom_fields: row.customFields,
        name_pinyin: row.namePinyin,
        name_initials: row.nameInitials,
        owner_pinyin: row.ownerPinyin,
        owner_initials: row.ownerInitials,
        name_grams: row.nameGrams,
        owner_address_grams: row.ownerAddressGrams,
      })),
    )}::jsonb) AS v(id integer, name text, owner text, phone text, address text, urban_rural text, format text,
      manager_id integer, branch_id integer, org_path text, order_day smallint, order_channel text,
      latitude double precision, longitude double precision, licence_valid_until date, tags text[], custom_fields jsonb,
      name_pinyin text, name_initials text, owner_pinyin text, owner_initials text, name_grams text[],
      owner_address_grams text[])
    WHERE c.tenant_id = ${tenantId} AND c.id = v.id`);
}

// ---- Export ----

// One page of the export, in licence order after the last licence number of the previous page.
export function findExportPage(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: CustomerFilters,
  page: { afterLicenceNo?: string; limit: number },
) {
  return findCustomerRowsForExport(executor, tenantId, scope, filters, page);
}

// ---- Error workbooks ----

export async function insertImportErrorFile(executor: Executor, row: typeof customerImportErrorFiles.$inferInsert) {
  await executor.insert(customerImportErrorFiles).values(row);
}

export async function findImportErrorFile(
  executor: Executor,
  tenantId: number,
  userId: number,
  token: string,
  now: Date,
) {
  const [row] = await executor
    .select({ fileName: customerImportErrorFiles.fileName, content: customerImportErrorFiles.content })
    .from(customerImportErrorFiles)
    .where(
      and(
        eq(customerImportErrorFiles.tenantId, tenantId),
        eq(customerImportErrorFiles.token, token),
        eq(customerImportErrorFiles.userId, userId),
        gt(customerImportErrorFiles.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

export async function deleteImportErrorFilesExpiredBy(executor: Executor, now: Date) {
  await executor.delete(customerImportErrorFiles).where(lt(customerImportErrorFiles.expiresAt, now));
}

// ---- The console (kewo import customers) ----

export function findTenants(executor: Executor) {
  return executor.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants).orderBy(tenants.id);
}

// The tenant's first enabled administrator: who a console import acts as when not told.
export async function findFirstAdministrator(executor: Executor, tenantId: number) {
  const [row] = await executor
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(users.id)
    .limit(1);
  return row;
}

// ---- Bulk writes: each column travels as one array parameter (db/bulk-writes.ts) ----

// The columns of a new customer, as insertCustomersInBulk passes them: lists (tags, grams) as the
// text of an array literal each, cast back in the statement.
const newCustomerColumns: RowColumns<Omit<CustomerInsert, 'tenantId' | 'createdAt' | 'updatedAt'>> = {
  licence_no: ['text', (row) => row.licenceNo],
  name: ['text', (row) => row.name],
  owner: ['text', (row) => row.owner],
  phone: ['text', (row) => row.phone],
  address: ['text', (row) => row.address],
  district_code: ['text', (row) => row.districtCode],
  urban_rural: ['text', (row) => row.urbanRural],
  format: ['text', (row) => row.format],
  manager_id: ['integer', (row) => row.managerId],
  branch_id: ['integer', (row) => row.branchId],
  org_path: ['text', (row) => row.orgPath],
  order_day: ['smallint', (row) => row.orderDay],
  order_channel: ['text', (row) => row.orderChannel],
  latitude: ['double precision', (row) => row.latitude],
  longitude: ['double precision', (row) => row.longitude],
  licence_valid_until: ['date', (row) => row.licenceValidUntil],
  tags: ['text', (row) => arrayLiteral(row.tags ?? [])],
  custom_fields: ['jsonb', (row) => JSON.stringify(row.customFields ?? {})],
  name_pinyin: ['text', (row) => row.namePinyin],
  name_initials: ['text', (row) => row.nameInitials],
  owner_pinyin: ['text', (row) => row.ownerPinyin],
  owner_initials: ['text', (row) => row.ownerInitials],
  name_grams: ['text', (row) => arrayLiteral(row.nameGrams ?? [])],
  owner_address_grams: ['text', (row) => arrayLiteral(row.ownerAddressGrams ?? [])],
  status: ['text', (row) => row.status ?? 'active'],
};

// Many new customers in one statement. A licence number someone else stored meanwhile is skipped
// (ON CONFLICT DO NOTHING), so the caller sees fewer rows back than it gave and can say so.
// A row without a status is a store in business (an import creates only those; the demo city has
// some suspended and closed). Returns the new ids by licence number.
export async function insertCustomersInBulk(
  executor: Executor,
  tenantId: number,
  rows: readonly Omit<CustomerInsert, 'tenantId' | 'createdAt' | 'updatedAt'>[],
  now: Date,
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const result = await executor.execute(sql`
    INSERT INTO customers (tenant_id, licence_no, name, owner, phone, address, district_code, urban_rural, format,
      manager_id, branch_id, org_path, order_day, order_channel, latitude, longitude, licence_valid_until, tags,
      custom_fields, name_pinyin, name_initials, owner_pinyin, owner_initials, name_grams, owner_address_grams,
      status, created_at, updated_at)
    SELECT ${tenantId}, licence_no, name, owner, phone, address, district_code, urban_rural, format,
      manager_id, branch_id, org_path, order_day, order_channel, latitude, longitude, licence_valid_until,
      tags::text[], custom_fields, name_pinyin, name_initials, owner_pinyin, owner_initials,
      name_grams::text[], owner_address_grams::text[], status, ${now}, ${now}
    FROM ${unnestRows('v', rows, newCustomerColumns)}
    ON CONFLICT DO NOTHING
    RETURNING id, licence_no`);
  return new Map(
    (result as unknown as { rows: { id: number; licence_no: string }[] }).rows.map((row) => [
      row.licence_no,
      Number(row.id),
    ]),
  );
}
