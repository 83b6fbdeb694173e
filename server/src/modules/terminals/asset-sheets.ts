import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { calendarDatePattern } from '../../platform/http/input-bounds.ts';
import type { SheetColumn } from '../../platform/spreadsheets/sheet-columns.rules.ts';
import {
  checkAndWriteRows,
  describeRowErrors,
  type ImportRowError,
  openSheetUpload,
  type RowProblem,
  readSheetRecords,
} from '../../platform/spreadsheets/sheet-import.ts';
import type { SheetKind } from '../../platform/spreadsheets/sheet-reader.ts';
import {
  type DownloadContext,
  prepareSheetDownload,
  prepareTemplateDownload,
} from '../../platform/spreadsheets/sheet-writer.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import {
  type AssetFilters,
  findAssetExportPage,
  type StoreInScope,
  storesByLicence,
  tagsTaken,
} from './assets.repository.ts';
import type { AssetCondition, AssetStatus, AssetType } from './assets.schema.ts';
import { assetView, type NewAsset, registerAssetsIn } from './assets.service.ts';

// 资产台账 as a spreadsheet. Import: .xlsx (or .csv), all or nothing — every row checked (a tag
// unique in the city and in the file, a known type and condition, a value, a store in business
// within the importer's scope by licence number, dates), and the rows written only when none is
// wrong; else 422 with the rows' errors, like the customer and violation imports. Export: the
// list's filters, with the import's headers first (an export of new tags imports back).

export const assetImportLimits = { fileBytes: 5 * 1024 * 1024, rows: 5_000, errorsInAnswer: 1_000 };

export const assetTypeLabels: Record<AssetType, string> = {
  cabinet: '烟柜',
  rack: '烟架',
  cover: '烟套',
  signboard: '招牌',
  screen: '数字屏',
  other: '其他',
};
export const assetConditionLabels: Record<AssetCondition, string> = {
  good: '完好',
  fair: '一般',
  damaged: '损坏',
  missing: '缺失',
};
export const assetStatusLabels: Record<AssetStatus, string> = {
  in_stock: '在库',
  issued: '在用',
  written_off: '已报废',
};

type Key =
  | 'tag'
  | 'type'
  | 'model'
  | 'valueYuan'
  | 'licenceNo'
  | 'heldSince'
  | 'condition'
  | 'lastAuditedOn'
  | 'auditIntervalMonths'
  | 'note';
export const assetSheetColumns: readonly SheetColumn<Key>[] = [
  { key: 'tag', header: '资产编号', required: true, hint: '全市唯一，字母、数字及 - _ . /' },
  { key: 'type', header: '资产类型', required: true, hint: '烟柜、烟架、烟套、招牌、数字屏或其他' },
  { key: 'model', header: '名称型号', required: false, hint: '' },
  { key: 'valueYuan', header: '价值（元）', required: true, hint: '账面价值，元' },
  { key: 'licenceNo', header: '使用客户许可证号', required: false, hint: '空：入库；填写：直接发放给该在营客户' },
  { key: 'heldSince', header: '领用日期', required: false, hint: 'YYYY-MM-DD，默认导入当天' },
  { key: 'condition', header: '状况', required: false, hint: '完好、一般、损坏或缺失，默认完好' },
  { key: 'lastAuditedOn', header: '上次盘点日期', required: false, hint: 'YYYY-MM-DD' },
  { key: 'auditIntervalMonths', header: '盘点周期（月）', required: false, hint: '1–60，默认 6' },
  { key: 'note', header: '备注', required: false, hint: '' },
];

const byLabel = <Code extends string>(labels: Record<Code, string>) =>
  new Map(
    Object.entries(labels).flatMap(([code, label]) => [
      [label as string, code as Code],
      [code, code as Code],
    ]),
  );
const types = byLabel(assetTypeLabels);
const conditions = byLabel(assetConditionLabels);
const header = Object.fromEntries(assetSheetColumns.map((column) => [column.key, column.header])) as Record<
  Key,
  string
>;

type Row = Omit<NewAsset, 'customerId'> & { licenceNo: string | null };

function parseRow(cells: Partial<Record<Key, string>>, seen: Set<string>): { row: Row } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (key: Key) => (cells[key] ?? '').trim();
  const invalid = (key: Key) =>
    problems.push({
      column: header[key],
      value: text(key),
      code: 'ASSET_IMPORT_VALUE_INVALID',
      details: { column: header[key] },
    });
  const tag = text('tag');
  if (!/^[\w\-./]{1,40}$/.test(tag)) invalid('tag');
  else if (seen.has(tag))
    problems.push({ column: header.tag, value: tag, code: 'ASSET_IMPORT_TAG_DUPLICATE', details: { tag } });
  seen.add(tag);
  const type = types.get(text('type'));
  if (!type) invalid('type');
  const model = text('model');
  if (model.length > 100) invalid('model');
  const valueYuan = Number(text('valueYuan'));
  if (text('valueYuan') === '' || !Number.isFinite(valueYuan) || valueYuan < 0 || valueYuan > 10_000_000)
    invalid('valueYuan');
  const licenceNo = text('licenceNo');
  if (licenceNo.length > 30) invalid('licenceNo');
  const day = (key: Key) => {
    const value = text(key).slice(0, 10);
    if (value === '') return null;
    if (!calendarDatePattern.test(value)) invalid(key);
    return value;
  };
  const heldSince = day('heldSince');
  const lastAuditedOn = day('lastAuditedOn');
  const condition = text('condition') === '' ? 'good' : conditions.get(text('condition'));
  if (!condition) invalid('condition');
  const intervalText = text('auditIntervalMonths');
  const auditIntervalMonths = intervalText === '' ? 6 : Number(intervalText);
  if (!Number.isInteger(auditIntervalMonths) || auditIntervalMonths < 1 || auditIntervalMonths > 60)
    invalid('auditIntervalMonths');
  const note = text('note');
  if (note.length > 500) invalid('note');
  if (problems.length > 0 || !type || !condition) return { problems };
  return {
    row: {
      tag,
      type,
      model: model || null,
      valueYuan,
      licenceNo: licenceNo || null,
      heldSince,
      condition,
      lastAuditedOn,
      auditIntervalMonths,
      note: note || null,
    },
  };
}

export type AssetImportOutcome =
  | { ok: true; rows: number; created: number; issued: number }
  | { ok: false; rows: number; errorCount: number; errors: ImportRowError[] };

type Stored = { taken: Set<string>; stores: Map<string, StoreInScope> };

export async function importAssets(
  context: AppContext,
  actor: Actor,
  request: { path: string; fileName: string; locale: Locale },
): Promise<AssetImportOutcome> {
  const sheet = await openSheetUpload(request, {
    maxBytes: assetImportLimits.fileBytes,
    emptyCode: 'ASSET_IMPORT_FILE_EMPTY',
  });
  const records = readSheetRecords(sheet, {
    columns: assetSheetColumns,
    emptyCode: 'ASSET_IMPORT_FILE_EMPTY',
    maxRows: assetImportLimits.rows,
  });
  const seen = new Set<string>();
  let created = 0;
  let issued = 0;
  const { errors, rowCount } = await checkAndWriteRows<Key, Row, Stored>(records, {
    // One batch: looked up, and written, only once every row has been read and found good.
    batchRows: Number.POSITIVE_INFINITY,
    checkRow: ({ cells }) => parseRow(cells, seen),
    lookUp: async (rows) => ({
      taken: await tagsTaken(
        context.db,
        actor.tenantId,
        rows.map((row) => row.tag),
      ),
      stores: await storesByLicence(context.db, actor.tenantId, actor.scope, [
        ...new Set(rows.flatMap((row) => (row.licenceNo ? [row.licenceNo] : []))),
      ]),
    }),
    checkStored: (row, { taken, stores }) => {
      if (taken.has(row.tag))
        return { column: header.tag, value: row.tag, code: 'ASSET_IMPORT_TAG_DUPLICATE', details: { tag: row.tag } };
      if (row.licenceNo && stores.get(row.licenceNo)?.status !== 'active')
        return {
          column: header.licenceNo,
          value: row.licenceNo,
          code: 'ASSET_IMPORT_STORE_UNKNOWN',
          details: { licenceNo: row.licenceNo },
        };
      return undefined;
    },
    writeBatch: async (rows, { stores }) => {
      const now = context.now();
      const outcome = await context.db.transaction((tx) =>
        registerAssetsIn(
          tx,
          actor,
          rows.map(({ licenceNo, ...row }) => ({
            ...row,
            customerId: licenceNo ? stores.get(licenceNo)?.id : undefined,
          })),
          now,
          'import',
        ),
      );
      created = outcome.ids.length;
      issued = outcome.issued;
    },
  });
  if (errors.length > 0) {
    return {
      ok: false,
      rows: rowCount,
      errorCount: errors.length,
      errors: describeRowErrors(errors, request.locale, assetImportLimits.errorsInAnswer),
    };
  }
  return { ok: true, rows: rowCount, created, issued };
}

const exportPageSize = 2_000;
const exportHeaders = [
  ...assetSheetColumns.map((column) => column.header),
  '客户名称',
  '资产状态',
  '下次盘点日期',
  '盘点逾期',
  '待回收',
  '报废原因',
];

// The register's export: the list's filters, in tag order, page by page; the first page is read
// before anything is sent.
export function prepareAssetExport(
  context: AppContext,
  actor: Actor,
  filters: Omit<AssetFilters, 'today'>,
  kind: SheetKind,
  download: DownloadContext,
) {
  const today = beijingDateOf(context.now());
  async function* pages() {
    let afterTag: string | undefined;
    for (;;) {
      const page = await findAssetExportPage(
        context.db,
        actor.tenantId,
        actor.scope,
        { ...filters, today },
        {
          afterTag,
          limit: exportPageSize,
        },
      );
      yield page.map((row) => {
        const view = assetView(row, today);
        return [
          view.tag,
          assetTypeLabels[view.type],
          view.model ?? '',
          view.valueYuan,
          view.licenceNo ?? '',
          view.heldSince ?? '',
          assetConditionLabels[view.condition],
          view.lastAuditedOn ?? '',
          view.auditIntervalMonths,
          view.note ?? '',
          view.customerName ?? '',
          assetStatusLabels[view.status],
          view.nextAuditOn ?? '',
          view.auditOverdue ? '是' : '',
          view.forRecovery ? '是' : '',
          view.writeOffReason ?? '',
        ];
      });
      if (page.length < exportPageSize) return;
      afterTag = page[page.length - 1].tag;
    }
  }
  return prepareSheetDownload(kind, { sheetName: '资产台账', headers: exportHeaders, pages: pages(), download });
}

// The import's template: its headers (required in red) and a 填写说明 sheet of their hints.
export function prepareAssetTemplate(download: DownloadContext) {
  return prepareTemplateDownload({
    sheetName: '资产台账',
    columns: assetSheetColumns,
    about: [
      ['全部或全不', '', '任何一行有错误时不导入任何数据，并列出每处错误的行、列和原因'],
      ['文件', '', 'Excel 工作簿（.xlsx，读取第一个工作表）或 CSV，不超过 5 MB、5,000 行；第 1 行为表头'],
      ['示例', '', 'YG-2026-0001、烟柜、立式烟柜 1.2 米、1800、（许可证号或留空）、2026-03-01、完好、2026-09-01、6'],
    ],
    download,
  });
}
