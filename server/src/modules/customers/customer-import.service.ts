import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import { mergePendingIndexEntries, prepareBulkIndexWrites } from '../../db/bulk-writes.ts';
import type { Transaction } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { DataScope } from '../../platform/access/data-scope.ts';
import { type Change, recordChanges } from '../../platform/audit/audit.ts';
import { actorOfUser } from '../../platform/auth/auth.service.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { findUserByUsername } from '../../platform/identity/identity.repository.ts';
import { createRetailerAccountsIn } from '../../platform/identity/retailer-accounts.ts';
import { everyMinutes } from '../../platform/jobs/cadence.rules.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import {
  allOrNothing,
  checkAndWriteRows,
  describeRowErrors,
  type ImportRowError,
  type OpenedSheet,
  openSheetUpload,
  type RowError,
  type RowProblem,
  readSheetRecords,
  writeErrorWorkbook,
} from '../../platform/spreadsheets/sheet-import.ts';
import type { CustomFieldValue, CustomFieldValues } from './custom-field.rules.ts';
import { findCustomerFields } from './custom-fields.repository.ts';
import {
  type AssignableManager,
  type CustomerRowUpdate,
  deleteImportErrorFilesExpiredBy,
  findAssignableManagersByUsername,
  findCustomersByLicence,
  findDistrictNames,
  findFirstAdministrator,
  findImportErrorFile,
  findTenants,
  insertCustomersInBulk,
  insertImportErrorFile,
  type StoredCustomer,
  updateCustomersInBulk,
} from './customer-import.repository.ts';
import { customerStatusLabels } from './customer-reference.ts';
import { createPinyinMemo, type PinyinMemo, searchKeysOf } from './customer-search.rules.ts';
import {
  importColumns,
  type ParsedCustomerRow,
  parseCustomerRow,
  parseCustomFieldCells,
  splitCustomCells,
} from './customer-sheet.rules.ts';
import type { CustomerInsert } from './customers.repository.ts';

type NewCustomer = Omit<CustomerInsert, 'tenantId' | 'createdAt' | 'updatedAt'>;

// 客户档案导入: a spreadsheet of stores, created (mode create) or created and updated (mode upsert).
// One streaming pass inside one transaction (platform/spreadsheets' all-or-nothing import): rows
// are read and checked in batches (the database asked about each batch's licence numbers), and
// while the file has shown no error each checked batch is written at once, with its audit trail,
// as the next batch is being read. A file with an error writes nothing, and the uploader gets an
// error workbook instead.

export const importModes = ['create', 'upsert'] as const;
export type ImportMode = (typeof importModes)[number];

export const importLimits = {
  fileBytes: 50 * 1024 * 1024,
  // Errors listed in the 422 answer; the error workbook marks them all.
  errorsInAnswer: 1_000,
  errorWorkbookHours: 24,
} as const;

// Rows checked against the database, and then written, together.
const batchSize = 5_000;

export type { ImportRowError };

export type ImportProgress = (step: 'reading' | 'writing', done: number, total: number) => void;

export type ImportOutcome =
  | { ok: true; rows: number; created: number; updated: number; unchanged: number }
  | { ok: false; rows: number; errorCount: number; errors: ImportRowError[]; errorWorkbookToken: string };

export type ImportRequest = {
  path: string;
  fileName: string;
  mode: ImportMode;
  locale: Locale;
  onProgress?: ImportProgress;
  // Rows per batch (tests use small batches to see several of them).
  batchRows?: number;
  // What follows when rows move stores to another manager (the reassign-customers workflow's
  // steps after customers'), handed in by the caller; in the import's transaction.
  onStoresMoved?: StoresMovedSteps;
};

// A store that changed manager, and where it went.
export type MovedStore = { customerId: number; to: { managerId: number; orgPath: string } };
export type StoresMovedSteps = (tx: Transaction, tenantId: number, moved: MovedStore[], now: Date) => Promise<void>;

type AcceptedRow = ParsedCustomerRow & {
  manager: AssignableManager;
  // The custom-field columns the file has, by key; undefined clears the value.
  customFields: Record<string, CustomFieldValue | undefined>;
};

export function checkImportMode(mode: string | undefined): ImportMode {
  const chosen = mode ?? 'create';
  if (!(importModes as readonly string[]).includes(chosen))
    throw new DomainError('IMPORT_MODE_INVALID', { mode: chosen }, 'mode');
  return chosen as ImportMode;
}

export async function importCustomers(
  context: AppContext,
  actor: Actor,
  request: ImportRequest,
): Promise<ImportOutcome> {
  const sheet = await openSheetUpload(
    { path: request.path, fileName: request.fileName, locale: request.locale },
    { maxBytes: importLimits.fileBytes, emptyCode: 'IMPORT_FILE_EMPTY' },
  );
  const pass = await allOrNothing(context.db, async (tx) => {
    await prepareBulkIndexWrites(tx);
    const now = context.now();
    const result = await passOverRows(tx, now, actor, request, sheet);
    if (result.errors.length === 0 && result.moved.length > 0) {
      await request.onStoresMoved?.(tx, actor.tenantId, result.moved, now);
    }
    return result;
  });
  if (pass.errors.length > 0) {
    const token = await storeErrorWorkbook(context, actor, sheet, pass.errors);
    const errors = describeRowErrors(pass.errors, request.locale, importLimits.errorsInAnswer);
    return { ok: false, rows: pass.rowCount, errorCount: pass.errors.length, errors, errorWorkbookToken: token };
  }
  const { created, updated, unchanged } = pass;
  // The rows' search entries still wait in the GIN pending lists (see db/bulk-writes.ts).
  if (created + updated > 0) await mergePendingIndexEntries(context.db, 'customers');
  // A big load leaves the planner's statistics stale (PGlite has no autovacuum).
  if (created + updated > 10_000) await context.db.execute(sql`ANALYZE customers`);
  return { ok: true, rows: pass.rowCount, created, updated, unchanged };
}

// ---- Read, check and write: one pass, one transaction ----

type PassResult = {
  errors: RowError[];
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  moved: MovedStore[];
};

async function passOverRows(
  tx: Transaction,
  now: Date,
  actor: Actor,
  request: ImportRequest,
  sheet: OpenedSheet,
): Promise<PassResult> {
  const districts = await findDistrictNames(tx, actor.tenantId);
  const managers = await findAssignableManagersByUsername(tx, actor.tenantId, actor.scope);
  // Inactive fields are hidden from import: their columns are ignored, their values kept.
  const fields = (await findCustomerFields(tx, actor.tenantId)).filter((field) => field.active);
  // Licence number → the first row that has it: all a duplicate check needs to keep.
  const firstRowOf = new Map<string, number>();
  const counts = { created: 0, updated: 0, unchanged: 0, moved: [] as MovedStore[] };
  const pinyinMemo = createPinyinMemo();
  let bytesRead = 0;
  // Writing as it reads until the first error; only checking after that.
  const progress = (clean: boolean, done: number) =>
    request.onProgress?.(clean ? 'writing' : 'reading', Math.min(done, sheet.size), sheet.size);
  const records = readSheetRecords(sheet, {
    columns: importColumns(fields),
    emptyCode: 'IMPORT_FILE_EMPTY',
    onBytes: (bytes) => {
      bytesRead = bytes;
    },
  });

  const { errors, rowCount } = await checkAndWriteRows(records, {
    batchRows: request.batchRows ?? batchSize,
    checkRow: ({ row, cells }): { row: AcceptedRow } | { problems: RowProblem[] } => {
      const { values, custom: customCells } = splitCustomCells(cells);
      const custom = parseCustomFieldCells(fields, customCells);
      const parsed = parseCustomerRow(values, { districts });
      if ('problems' in parsed || custom.problems.length > 0) {
        return { problems: [...('problems' in parsed ? parsed.problems : []), ...custom.problems] };
      }
      const manager = managers.get(parsed.row.managerUsername.toLowerCase());
      if (!manager) {
        return {
          problems: [
            {
              column: '客户经理账号',
              value: parsed.row.managerUsername,
              code: 'IMPORT_MANAGER_UNKNOWN',
              details: { username: parsed.row.managerUsername },
            },
          ],
        };
      }
      const firstRow = firstRowOf.get(parsed.row.licenceNo);
      if (firstRow !== undefined) {
        return {
          problems: [
            {
              column: '专卖许可证号',
              value: parsed.row.licenceNo,
              code: 'IMPORT_DUPLICATE_IN_FILE',
              details: { licenceNo: parsed.row.licenceNo, firstRow },
            },
          ],
        };
      }
      firstRowOf.set(parsed.row.licenceNo, row);
      return { row: { ...parsed.row, manager, customFields: custom.values } };
    },
    // Existing customers decide what a row may do: create mode refuses them, upsert may update them
    // when they are in the caller's scope and their status stays. In upsert mode they stay locked
    // to the commit, so nobody changes them between this check and their update.
    lookUp: async (rows) => {
      const licenceNos = rows.map((row) => row.licenceNo);
      const stored = await findCustomersByLicence(tx, actor.tenantId, licenceNos, request.mode === 'upsert');
      return new Map(stored.map((row) => [row.licenceNo, row]));
    },
    checkStored: (row, stored) => {
      const existing = stored.get(row.licenceNo);
      return existing ? problemWithExisting(row, existing, request.mode, actor.scope) : problemWithNew(row);
    },
    writeBatch: (rows, stored) => writeBatch(tx, actor, now, rows, stored, pinyinMemo, counts),
    afterBatch: (clean) => progress(clean, bytesRead),
  });
  progress(errors.length === 0, sheet.size);
  return { errors, rowCount, ...counts };
}

function isInScope(scope: DataScope, customer: { orgPath: string; managerId: number; id: number }): boolean {
  switch (scope.kind) {
    case 'org':
      return customer.orgPath.startsWith(scope.orgPath);
    case 'own':
      return customer.managerId === scope.userId;
    case 'customer':
      return customer.id === scope.customerId;
  }
}

function problemWithNew(row: AcceptedRow): RowProblem | undefined {
  if (row.status !== undefined && row.status !== 'active') {
    return { column: '状态', value: customerStatusLabels[row.status], code: 'IMPORT_NEW_CUSTOMER_STATUS', details: {} };
  }
  return undefined;
}

function problemWithExisting(
  row: AcceptedRow,
  existing: StoredCustomer,
  mode: ImportMode,
  scope: DataScope,
): RowProblem | undefined {
  const licence = { column: '专卖许可证号', value: row.licenceNo, details: { licenceNo: row.licenceNo } };
  if (!isInScope(scope, existing)) return { ...licence, code: 'IMPORT_CUSTOMER_OUT_OF_SCOPE' };
  if (mode === 'create') return { ...licence, code: 'LICENCE_NO_TAKEN' };
  if (row.status !== undefined && row.status !== existing.status) {
    return {
      column: '状态',
      value: customerStatusLabels[row.status],
      code: 'IMPORT_STATUS_CHANGE_NOT_ALLOWED',
      details: {
        from: existing.status,
        to: row.status,
        fromLabel: customerStatusLabels[existing.status],
        toLabel: customerStatusLabels[row.status],
      },
    };
  }
  return undefined;
}

// ---- Writing one checked batch ----

const comparedFields = [
  'name',
  'owner',
  'phone',
  'address',
  'urbanRural',
  'format',
  'managerId',
  'orderDay',
  'orderChannel',
  'latitude',
  'longitude',
  'licenceValidUntil',
  'tags',
] as const;
type ComparedField = (typeof comparedFields)[number];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => value === b[index]);
  }
  return a === b;
}

// The custom-field values after a row: the stored ones with the file's columns applied.
function mergeCustomFields(stored: CustomFieldValues, row: Record<string, CustomFieldValue | undefined>) {
  const merged: CustomFieldValues = { ...stored };
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

// The fields of a stored customer that a row changes, before and after (custom fields by key,
// only those that change).
export function changedFields(
  stored: Record<ComparedField, unknown> & { customFields: CustomFieldValues },
  row: Record<ComparedField, unknown> & { customFields: Record<string, CustomFieldValue | undefined> },
) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of comparedFields) {
    if (!sameValue(stored[field], row[field])) {
      before[field] = stored[field];
      after[field] = row[field];
    }
  }
  const customBefore: Record<string, unknown> = {};
  const customAfter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.customFields)) {
    if (!sameValue(stored.customFields[key], value)) {
      customBefore[key] = stored.customFields[key] ?? null;
      customAfter[key] = value ?? null;
    }
  }
  if (Object.keys(customAfter).length > 0) {
    before.customFields = customBefore;
    after.customFields = customAfter;
  }
  return Object.keys(after).length > 0 ? { before, after } : undefined;
}

// One batch of checked rows: new stores inserted (each with its portal account), changed ones
// updated, all audited. `stored` holds the batch's existing customers, locked (upsert).
async function writeBatch(
  tx: Transaction,
  actor: Actor,
  now: Date,
  rows: readonly AcceptedRow[],
  stored: ReadonlyMap<string, StoredCustomer>,
  pinyinMemo: PinyinMemo,
  counts: { created: number; updated: number; unchanged: number; moved: MovedStore[] },
): Promise<void> {
  const inserts: NewCustomer[] = [];
  const updates: CustomerRowUpdate[] = [];
  const changes: Change[] = [];
  for (const row of rows) {
    const values = { ...row, managerId: row.manager.id };
    const existing = stored.get(row.licenceNo);
    if (!existing) {
      inserts.push({
        licenceNo: row.licenceNo,
        name: row.name,
        owner: row.owner,
        phone: row.phone,
        address: row.address,
        districtCode: row.districtCode,
        urbanRural: row.urbanRural,
        format: row.format,
        managerId: row.manager.id,
        branchId: row.manager.branchId,
        orgPath: row.manager.orgPath,
        orderDay: row.orderDay,
        orderChannel: row.orderChannel,
        latitude: row.latitude,
        longitude: row.longitude,
        licenceValidUntil: row.licenceValidUntil,
        tags: row.tags,
        customFields: mergeCustomFields({}, row.customFields),
        ...searchKeysOf(row, pinyinMemo),
      });
      continue;
    }
    const difference = changedFields(existing, values);
    if (!difference) {
      counts.unchanged += 1;
      continue;
    }
    const managerChanged = existing.managerId !== row.manager.id;
    if (managerChanged) {
      counts.moved.push({ customerId: existing.id, to: { managerId: row.manager.id, orgPath: row.manager.orgPath } });
    }
    updates.push({
      ...existing,
      ...Object.fromEntries(comparedFields.map((field) => [field, values[field]])),
      branchId: managerChanged ? row.manager.branchId : existing.branchId,
      orgPath: managerChanged ? row.manager.orgPath : existing.orgPath,
      customFields: mergeCustomFields(existing.customFields, row.customFields),
      ...searchKeysOf(row, pinyinMemo),
    } as CustomerRowUpdate);
    changes.push({ action: 'update', entity: 'customer', entityId: existing.id, ...difference });
  }
  const ids = await insertCustomersInBulk(tx, actor.tenantId, inserts, now);
  // Someone stored one of these licence numbers since the check: start again rather than guess.
  if (ids.size !== inserts.length) {
    const taken = inserts.find((insert) => !ids.has(insert.licenceNo));
    throw new DomainError('IMPORT_CONFLICT', { reason: taken?.licenceNo ?? '' });
  }
  const accounts = inserts.map((insert) => ({
    id: ids.get(insert.licenceNo) as number,
    licenceNo: insert.licenceNo,
    name: insert.name,
  }));
  // Like a store created through the API: a portal account, no usable password until issued.
  await createRetailerAccountsIn(tx, actor.tenantId, accounts, now);
  for (const insert of inserts) {
    // The store as created (its search keys are derived, and not part of the record).
    const {
      namePinyin: _namePinyin,
      nameInitials: _nameInitials,
      ownerPinyin: _ownerPinyin,
      ownerInitials: _ownerInitials,
      nameGrams: _nameGrams,
      ownerAddressGrams: _ownerAddressGrams,
      ...after
    } = insert;
    changes.push({
      action: 'create',
      entity: 'customer',
      entityId: ids.get(insert.licenceNo) as number,
      after: { ...after, source: 'import' },
    });
  }
  await updateCustomersInBulk(tx, actor.tenantId, updates, now);
  await recordChanges(tx, actor, changes, now);
  counts.created += inserts.length;
  counts.updated += updates.length;
}

// ---- The error workbook ----

// The uploaded rows again with each bad cell marked (platform/spreadsheets), kept for its uploader
// only, for a day.
async function storeErrorWorkbook(
  context: AppContext,
  actor: Actor,
  sheet: OpenedSheet,
  errors: RowError[],
): Promise<string> {
  const content = await writeErrorWorkbook(sheet, errors);
  const token = randomBytes(24).toString('base64url');
  const now = context.now();
  await insertImportErrorFile(context.db, {
    tenantId: actor.tenantId,
    token,
    userId: actor.userId,
    fileName: `${sheet.fileName.replace(/\.(xlsx|csv)$/i, '')}-错误标注.xlsx`,
    errorCount: errors.length,
    content,
    createdAt: now,
    expiresAt: new Date(now.getTime() + importLimits.errorWorkbookHours * 3_600_000),
  });
  return token;
}

export async function getImportErrorWorkbook(context: AppContext, actor: Actor, token: string) {
  const file = await findImportErrorFile(context.db, actor.tenantId, actor.userId, token, context.now());
  if (!file) throw new DomainError('IMPORT_ERRORS_NOT_FOUND', { hours: importLimits.errorWorkbookHours });
  return file;
}

// Housekeeping: expired error workbooks go.
export async function pruneImportErrorWorkbooks(context: AppContext): Promise<void> {
  await deleteImportErrorFilesExpiredBy(context.db, context.now());
}

export const importErrorFilesPruningJob: Job = {
  name: 'customers.prune-import-error-files',
  description: 'Deletes the error workbooks of failed imports once they have expired',
  cadence: everyMinutes(60),
  run: pruneImportErrorWorkbooks,
};

// ---- The console: kewo import customers FILE ----

// Who a console import acts as: the named account (an enabled administrator or marketing user;
// its data scope applies as on the web), or else the first administrator of the city company.
export async function findConsoleImporter(
  context: AppContext,
  options: { tenantCode?: string; username?: string },
): Promise<Actor> {
  const all = await findTenants(context.db);
  const tenant = options.tenantCode ? all.find((candidate) => candidate.code === options.tenantCode) : undefined;
  if (options.tenantCode && !tenant) {
    throw new Error(
      `No city company with the code "${options.tenantCode}" (there are: ${all.map((t) => t.code).join(', ') || 'none'}).`,
    );
  }
  let user: Awaited<ReturnType<typeof findUserByUsername>>;
  if (options.username) {
    user = await findUserByUsername(context.db, options.username);
    if (!user || user.disabled) throw new Error(`No enabled account "${options.username}".`);
    if (tenant && user.tenantId !== tenant.id)
      throw new Error(`"${options.username}" is not an account of ${tenant.code}.`);
    if (user.role !== 'admin' && user.role !== 'marketing') {
      throw new Error(`"${options.username}" is a ${user.role}: only admin and marketing accounts import customers.`);
    }
  } else {
    if (!tenant && all.length !== 1) {
      throw new Error(
        all.length === 0
          ? 'The database holds no city company yet.'
          : `Several city companies: choose one with --tenant (${all.map((t) => t.code).join(', ')}).`,
      );
    }
    user = await findFirstAdministrator(context.db, (tenant ?? all[0]).id);
    if (!user) throw new Error('The city company has no enabled administrator; name an account with --as.');
  }
  return actorOfUser(context.db, user, '', 'console', 'kewo-import');
}
