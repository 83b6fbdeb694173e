import { stat } from 'node:fs/promises';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type Change, recordChanges } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type Locale, messageOf } from '../../platform/errors/error-catalogue.ts';
import {
  cellText,
  type DownloadContext,
  detectSheet,
  noRows,
  prepareSheetDownload,
  readSheetRows,
  type SheetKind,
  unreadableHint,
  unreadableReasonOf,
} from '../customers/index.ts';
import { defaultPriceClass, priceClassAfterEdit } from './product.rules.ts';
import {
  formatProductRow,
  mapProductHeader,
  type ParsedProductRow,
  type ProductColumnKey,
  type ProductHeaderMap,
  type ProductRowProblem,
  parseProductRow,
  productSheetColumns,
  productSheetHeaders,
} from './product-sheet.rules.ts';
import {
  findProductsByCodes,
  findProductsForExport,
  insertProducts,
  type ProductFilters,
  type ProductView,
  updateProduct,
} from './products.repository.ts';
import type { ProductInsert } from './products.schema.ts';

// 卷烟规格导入/导出. The import reads and checks every row first (nothing written); only a file
// without a single error is then written — created or updated by code — in one transaction with
// its audit trail. A catalogue is a few hundred to a few thousand rows, so it is checked in memory.

export const productImportLimits = { fileBytes: 10 * 1024 * 1024, rows: 20_000, errorsInAnswer: 1_000 } as const;

export type ProductImportError = { row: number; column: string; value: string; message: string };

export type ProductImportOutcome =
  | { ok: true; rows: number; created: number; updated: number; unchanged: number }
  | { ok: false; rows: number; errorCount: number; errors: ProductImportError[] };

type RowError = ProductRowProblem & { row: number };
type AcceptedRow = ParsedProductRow & { row: number };

export async function importProducts(
  context: AppContext,
  actor: Actor,
  request: { path: string; fileName: string; locale: Locale },
): Promise<ProductImportOutcome> {
  const size = (await stat(request.path)).size;
  if (size > productImportLimits.fileBytes) throw new DomainError('IMPORT_FILE_TOO_LARGE', { limit: '10 MB' }, 'file');
  const detection = await detectSheet(request.path);
  if (!detection) throw new DomainError('PRODUCT_IMPORT_FILE_EMPTY', { fileName: request.fileName }, 'file');
  if (detection.kind === 'unsupported') {
    const hint = unreadableHint(detection.reason, request.locale);
    throw new DomainError('IMPORT_FILE_NOT_SPREADSHEET', { fileName: request.fileName, hint }, 'file');
  }
  const { accepted, errors, rowCount } = await checkRows(request, detection);
  const stored = new Map(
    (
      await findProductsByCodes(
        context.db,
        actor.tenantId,
        accepted.map((row) => row.code),
      )
    ).map((row) => [row.code, row]),
  );
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return {
      ok: false,
      rows: rowCount,
      errorCount: errors.length,
      errors: errors.slice(0, productImportLimits.errorsInAnswer).map((error) => ({
        row: error.row,
        column: error.column,
        value: error.value,
        message: messageOf(error.code, request.locale, error.details),
      })),
    };
  }
  const counts = await writeRows(context, actor, accepted, stored);
  return { ok: true, rows: rowCount, ...counts };
}

async function checkRows(
  request: { path: string; fileName: string; locale: Locale },
  detection: { kind: SheetKind; encoding?: string },
) {
  const errors: RowError[] = [];
  const accepted: AcceptedRow[] = [];
  const firstRowOf = new Map<string, number>();
  let header: ProductHeaderMap | undefined;
  let rowCount = 0;
  try {
    for await (const { row, cells } of readSheetRows(request.path, detection)) {
      if (!header) {
        header = mapProductHeader(cells.map(cellText));
        if (header.missing.length > 0)
          throw new DomainError('IMPORT_COLUMNS_MISSING', { columns: header.missing }, 'file');
        if (header.duplicated.length > 0) {
          throw new DomainError('IMPORT_COLUMNS_DUPLICATED', { columns: header.duplicated }, 'file');
        }
        continue;
      }
      rowCount += 1;
      if (rowCount > productImportLimits.rows)
        throw new DomainError('IMPORT_FILE_TOO_LARGE', { limit: `${productImportLimits.rows} 行` }, 'file');
      const values: Partial<Record<ProductColumnKey, string>> = {};
      for (const [key, index] of Object.entries(header.indexOf) as [ProductColumnKey, number][]) {
        values[key] = cellText(cells[index]);
      }
      const parsed = parseProductRow(values);
      if ('problems' in parsed) {
        errors.push(...parsed.problems.map((problem) => ({ row, ...problem })));
        continue;
      }
      const firstRow = firstRowOf.get(parsed.row.code);
      if (firstRow !== undefined) {
        errors.push({
          row,
          column: '卷烟编码',
          value: parsed.row.code,
          code: 'PRODUCT_IMPORT_DUPLICATE_IN_FILE',
          details: { code: parsed.row.code, firstRow },
        });
        continue;
      }
      firstRowOf.set(parsed.row.code, row);
      accepted.push({ ...parsed.row, row });
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // exceljs and csv-parse fail on files that only look like spreadsheets: the uploader hears why
    // in their language, not the library's words.
    const hint = unreadableHint(unreadableReasonOf(error), request.locale);
    throw new DomainError('IMPORT_FILE_NOT_SPREADSHEET', { fileName: request.fileName, hint }, 'file');
  }
  if (!header || rowCount === 0)
    throw new DomainError('PRODUCT_IMPORT_FILE_EMPTY', { fileName: request.fileName }, 'file');
  return { accepted, errors, rowCount };
}

const comparedFields = [
  'brand',
  'name',
  'priceClass',
  'wholesalePriceFen',
  'retailPriceFen',
  'status',
  'isNew',
] as const;

// What a row makes of a stored product: every field of the file, the empty optional cells as the
// product had them (the class following a new price when it was the default).
export function importedFields(row: ParsedProductRow, existing: ProductView) {
  return {
    brand: row.brand,
    name: row.name,
    priceClass: priceClassAfterEdit(existing, { priceClass: row.priceClass, wholesalePriceFen: row.wholesalePriceFen }),
    wholesalePriceFen: row.wholesalePriceFen,
    retailPriceFen: row.retailPriceFen,
    status: row.status ?? existing.status,
    isNew: row.isNew ?? existing.isNew,
  };
}

async function writeRows(
  context: AppContext,
  actor: Actor,
  rows: AcceptedRow[],
  checked: ReadonlyMap<string, ProductView>,
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    // Read again inside the transaction: a product created or edited since the check is not guessed at.
    const stored = new Map(
      (
        await findProductsByCodes(
          tx,
          actor.tenantId,
          rows.map((row) => row.code),
        )
      ).map((row) => [row.code, row]),
    );
    const inserts: ProductInsert[] = [];
    const changes: Change[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const row of rows) {
      const existing = stored.get(row.code);
      if (existing?.updatedAt.getTime() !== checked.get(row.code)?.updatedAt.getTime()) {
        throw new DomainError('PRODUCT_IMPORT_CONFLICT', { code: row.code });
      }
      if (!existing) {
        inserts.push({
          tenantId: actor.tenantId,
          code: row.code,
          brand: row.brand,
          name: row.name,
          priceClass: row.priceClass ?? defaultPriceClass(row.wholesalePriceFen),
          wholesalePriceFen: row.wholesalePriceFen,
          retailPriceFen: row.retailPriceFen,
          status: row.status ?? 'active',
          isNew: row.isNew ?? false,
          createdAt: now,
          updatedAt: now,
        });
        continue;
      }
      const next = importedFields(row, existing);
      const changed = comparedFields.filter((field) => next[field] !== existing[field]);
      if (changed.length === 0) {
        unchanged += 1;
        continue;
      }
      const set = Object.fromEntries(changed.map((field) => [field, next[field]]));
      await updateProduct(tx, actor.tenantId, existing.id, { ...set, updatedAt: now });
      changes.push({
        action: 'update',
        entity: 'product',
        entityId: existing.id,
        before: Object.fromEntries(changed.map((field) => [field, existing[field]])),
        after: { ...set, source: 'import' },
      });
      updated += 1;
    }
    const inserted = await insertProducts(tx, inserts);
    inserts.forEach((insert, index) => {
      const { tenantId: _tenant, createdAt: _created, updatedAt: _updated, ...after } = insert;
      changes.push({
        action: 'create',
        entity: 'product',
        entityId: inserted[index].id,
        after: { ...after, source: 'import' },
      });
    });
    await recordChanges(tx, actor, changes, now);
    return { created: inserts.length, updated, unchanged };
  });
}

// ---- Export and template ----

export const productSheetName = '卷烟规格';

// The list's filters, read before anything is sent (see prepareSheetDownload).
export async function prepareProductExport(
  context: AppContext,
  actor: Actor,
  filters: ProductFilters,
  kind: SheetKind,
  download: DownloadContext,
) {
  return prepareSheetDownload(kind, {
    sheetName: productSheetName,
    headers: productSheetHeaders,
    // A catalogue is a few thousand rows at most: one page.
    pages: (async function* () {
      yield (await findProductsForExport(context.db, actor.tenantId, filters)).map(formatProductRow);
    })(),
    download,
  });
}

export async function prepareProductTemplate(download: DownloadContext) {
  return prepareSheetDownload('xlsx', {
    sheetName: productSheetName,
    headers: productSheetHeaders,
    requiredHeaders: new Set(productSheetColumns.filter((column) => column.required).map((column) => column.header)),
    pages: noRows(),
    notes: {
      title: '填写说明',
      lines: [
        ['列名', '是否必填', '说明'],
        ...productSheetColumns.map((column) => [column.header, column.required ? '必填' : '选填', column.hint]),
        [],
        ['按编码更新', '', '卷烟编码不存在则新建，已存在则更新（只改有变化的字段）'],
        ['全部或全不', '', '任何一行有错误时不导入任何数据，并列出每处错误的行、列和原因'],
        ['文件', '', 'Excel 工作簿（.xlsx，读取第一个工作表）或 CSV（UTF-8 或 GBK），不超过 10 MB；第 1 行为表头'],
        ['示例', '', '6901028075862、中华、中华(硬)、376.30、450、一类、在销、否'],
      ],
    },
    download,
  });
}
