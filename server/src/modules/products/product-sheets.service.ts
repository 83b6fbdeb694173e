import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type Change, recordChanges } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import {
  checkAndWriteRows,
  describeRowErrors,
  type ImportRowError,
  openSheetUpload,
  readSheetRecords,
} from '../../platform/spreadsheets/sheet-import.ts';
import type { SheetKind } from '../../platform/spreadsheets/sheet-reader.ts';
import {
  type DownloadContext,
  prepareSheetDownload,
  prepareTemplateDownload,
} from '../../platform/spreadsheets/sheet-writer.ts';
import { defaultPriceClass, priceClassAfterEdit } from './product.rules.ts';
import {
  formatProductRow,
  normaliseProductHeader,
  type ParsedProductRow,
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

// 卷烟规格导入/导出, through platform/spreadsheets' import. Every row is read and checked first, the
// whole catalogue in one batch (a few hundred to a few thousand rows); only a file without a single
// error is then written — created or updated by code — in one transaction with its audit trail.

export const productImportLimits = { fileBytes: 10 * 1024 * 1024, rows: 20_000, errorsInAnswer: 1_000 } as const;

export type ProductImportError = ImportRowError;

export type ProductImportOutcome =
  | { ok: true; rows: number; created: number; updated: number; unchanged: number }
  | { ok: false; rows: number; errorCount: number; errors: ProductImportError[] };

export async function importProducts(
  context: AppContext,
  actor: Actor,
  request: { path: string; fileName: string; locale: Locale },
): Promise<ProductImportOutcome> {
  const sheet = await openSheetUpload(request, {
    maxBytes: productImportLimits.fileBytes,
    emptyCode: 'PRODUCT_IMPORT_FILE_EMPTY',
  });
  const records = readSheetRecords(sheet, {
    columns: productSheetColumns,
    normaliseHeader: normaliseProductHeader,
    emptyCode: 'PRODUCT_IMPORT_FILE_EMPTY',
    maxRows: productImportLimits.rows,
  });
  // Code → the first row that has it.
  const firstRowOf = new Map<string, number>();
  let counts = { created: 0, updated: 0, unchanged: 0 };
  const { errors, rowCount } = await checkAndWriteRows(records, {
    // One batch: it is looked up, and written, only once every row has been read and found good.
    batchRows: Number.POSITIVE_INFINITY,
    checkRow: ({ row, cells }) => {
      const parsed = parseProductRow(cells);
      if ('problems' in parsed) return parsed;
      const firstRow = firstRowOf.get(parsed.row.code);
      if (firstRow !== undefined) {
        const details = { code: parsed.row.code, firstRow };
        return {
          problems: [{ column: '卷烟编码', value: parsed.row.code, code: 'PRODUCT_IMPORT_DUPLICATE_IN_FILE', details }],
        };
      }
      firstRowOf.set(parsed.row.code, row);
      return parsed;
    },
    // As the check found them, outside the write's transaction: the write reads them again and
    // refuses a product changed in between.
    lookUp: async (rows) => {
      const stored = await findProductsByCodes(
        context.db,
        actor.tenantId,
        rows.map((row) => row.code),
      );
      return new Map(stored.map((row) => [row.code, row]));
    },
    writeBatch: async (rows, stored) => {
      counts = await writeRows(context, actor, rows, stored);
    },
  });
  if (errors.length > 0) {
    return {
      ok: false,
      rows: rowCount,
      errorCount: errors.length,
      errors: describeRowErrors(errors, request.locale, productImportLimits.errorsInAnswer),
    };
  }
  return { ok: true, rows: rowCount, ...counts };
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
  rows: readonly ParsedProductRow[],
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
  return prepareTemplateDownload({
    sheetName: productSheetName,
    columns: productSheetColumns,
    about: [
      ['按编码更新', '', '卷烟编码不存在则新建，已存在则更新（只改有变化的字段）'],
      ['全部或全不', '', '任何一行有错误时不导入任何数据，并列出每处错误的行、列和原因'],
      ['文件', '', 'Excel 工作簿（.xlsx，读取第一个工作表）或 CSV（UTF-8 或 GBK），不超过 10 MB；第 1 行为表头'],
      ['示例', '', '6901028075862、中华、中华(硬)、376.30、450、一类、在销、否'],
    ],
    download,
  });
}
