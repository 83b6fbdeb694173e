import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { type ArrayElement, arrayLiteral } from '../../db/array-literal.ts';
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

// ---- Bulk writes: each column travels as one array parameter ----
//
// A batch of thousands of rows goes in as one statement over `unnest` of one array literal per
// column (text parameters, so both drivers pass them alike). PostgreSQL reads array literals several
// times faster than the same rows as a JSON recordset, and the import is bound by the database.

function column<Row>(rows: readonly Row[], value: (row: Row) => ArrayElement) {
  return arrayLiteral(rows.map(value));
}

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
    FROM unnest(
      ${column(rows, (row) => row.licenceNo)}::text[], ${column(rows, (row) => row.name)}::text[],
      ${column(rows, (row) => row.owner)}::text[], ${column(rows, (row) => row.phone)}::text[],
      ${column(rows, (row) => row.address)}::text[], ${column(rows, (row) => row.districtCode)}::text[],
      ${column(rows, (row) => row.urbanRural)}::text[], ${column(rows, (row) => row.format)}::text[],
      ${column(rows, (row) => row.managerId)}::integer[], ${column(rows, (row) => row.branchId)}::integer[],
      ${column(rows, (row) => row.orgPath)}::text[], ${column(rows, (row) => row.orderDay)}::smallint[],
      ${column(rows, (row) => row.orderChannel)}::text[], ${column(rows, (row) => row.latitude)}::double precision[],
      ${column(rows, (row) => row.longitude)}::double precision[],
      ${column(rows, (row) => row.licenceValidUntil)}::date[],
      ${column(rows, (row) => arrayLiteral(row.tags ?? []))}::text[],
      ${column(rows, (row) => JSON.stringify(row.customFields ?? {}))}::jsonb[],
      ${column(rows, (row) => row.namePinyin)}::text[], ${column(rows, (row) => row.nameInitials)}::text[],
      ${column(rows, (row) => row.ownerPinyin)}::text[], ${column(rows, (row) => row.ownerInitials)}::text[],
      ${column(rows, (row) => arrayLiteral(row.nameGrams ?? []))}::text[],
      ${column(rows, (row) => arrayLiteral(row.ownerAddressGrams ?? []))}::text[],
      ${column(rows, (row) => row.status ?? 'active')}::text[]
    ) AS v(licence_no, name, owner, phone, address, district_code, urban_rural, format, manager_id, branch_id,
      org_path, order_day, order_channel, latitude, longitude, licence_valid_until, tags, custom_fields,
      name_pinyin, name_initials, owner_pinyin, owner_initials, name_grams, owner_address_grams, status)
    ON CONFLICT DO NOTHING
    RETURNING id, licence_no`);
  return new Map(
    (result as unknown as { rows: { id: number; licence_no: string }[] }).rows.map((row) => [
      row.licence_no,
      Number(row.id),
    ]),
  );
}

// The portal accounts of many new stores in one statement, as insertRetailerAccounts makes them
// one by one: username = licence number, no usable password until staff issue one.
export async function insertRetailerAccountsInBulk(
  executor: Executor,
  tenantId: number,
  stores: readonly { id: number; licenceNo: string; name: string }[],
  passwordHash: string,
  now: Date,
) {
  if (stores.length === 0) return;
  await executor.execute(sql`
    INSERT INTO users (tenant_id, username, display_name, password_hash, must_change_password, role, scope_kind,
      customer_id, password_changed_at, created_at, updated_at)
    SELECT ${tenantId}, v.username, v.display_name, ${passwordHash}, true, 'retailer', 'customer', v.customer_id,
      ${now}, ${now}, ${now}
    FROM unnest(${column(stores, (store) => store.licenceNo)}::text[], ${column(stores, (store) => store.name)}::text[],
      ${column(stores, (store) => store.id)}::integer[]) AS v(username, display_name, customer_id)
    ON CONFLICT DO NOTHING`);
}
