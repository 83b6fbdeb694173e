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
import { type DownloadContext, prepareTemplateDownload } from '../../platform/spreadsheets/sheet-writer.ts';
import { storesByLicence } from './credit.repository.ts';
import type { ViolationSeverity, ViolationType } from './credit.schema.ts';
import { recordViolationsIn, type ViolationInput } from './credit.service.ts';

// 专卖 violations imported from the 专卖 office's .xlsx (or .csv): all or nothing — every row is
// checked (a store by licence number within the importer's scope, a date, a known type and
// severity, a document number), and the rows are written only when none is wrong; else 422 with
// the rows' errors, like the customer import.

export const violationImportLimits = { fileBytes: 5 * 1024 * 1024, rows: 5_000, errorsInAnswer: 1_000 };

type Key = 'licenceNo' | 'occurredOn' | 'type' | 'severity' | 'documentNo' | 'note';
export const violationSheetColumns: readonly SheetColumn<Key>[] = [
  { key: 'licenceNo', header: '许可证号', required: true, hint: '零售客户的专卖许可证号' },
  { key: 'occurredOn', header: '违规日期', required: true, hint: 'YYYY-MM-DD' },
  { key: 'type', header: '违规类型', required: true, hint: '违规进货、超范围经营、价格违法、假冒卷烟或其他' },
  { key: 'severity', header: '严重程度', required: true, hint: '一般、较重或严重' },
  { key: 'documentNo', header: '文书编号', required: true, hint: '处罚决定书等文书的编号' },
  { key: 'note', header: '备注', required: false, hint: '' },
];

// The template's sample row names no store (licence 000000000000): imported unchanged, the file is
// refused; filled in for a real store, it records one violation.
export const violationSampleRow = [
  '000000000000',
  '2026-01-15',
  '违规进货',
  '一般',
  '漳烟专罚〔2026〕1号',
  '示例行：改为实际数据后导入，或删除本行',
] as const;

export async function prepareViolationTemplate(download: DownloadContext) {
  return prepareTemplateDownload({
    sheetName: '违规记录',
    columns: violationSheetColumns,
    samples: [violationSampleRow],
    about: [
      ['示例', '', '第 2 行是示例：许可证号 000000000000 不对应任何零售客户，原样导入会被拒绝'],
      ['全部或全不', '', '任何一行有错误时不导入任何数据，并列出每处错误的行、列和原因'],
      [
        '文件',
        '',
        'Excel 工作簿（.xlsx，读取第一个工作表）或 CSV（UTF-8 或 GBK），不超过 5 MB、5,000 行；第 1 行为表头',
      ],
    ],
    download,
  });
}

export const violationTypeLabels: Record<ViolationType, string> = {
  illegal_purchase: '违规进货',
  out_of_scope: '超范围经营',
  price: '价格违法',
  counterfeit: '假冒卷烟',
  other: '其他',
};
export const violationSeverityLabels: Record<ViolationSeverity, string> = {
  minor: '一般',
  major: '较重',
  severe: '严重',
};

const byLabel = <Code extends string>(labels: Record<Code, string>) =>
  new Map(
    Object.entries(labels).flatMap(([code, label]) => [
      [label as string, code as Code],
      [code, code as Code],
    ]),
  );
const types = byLabel(violationTypeLabels);
const severities = byLabel(violationSeverityLabels);

type Row = Omit<ViolationInput, 'customerId'> & { licenceNo: string };

const header = Object.fromEntries(violationSheetColumns.map((column) => [column.key, column.header])) as Record<
  Key,
  string
>;

function parseRow(cells: Partial<Record<Key, string>>): { row: Row } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (key: Key) => (cells[key] ?? '').trim();
  const invalid = (key: Key) =>
    problems.push({
      column: header[key],
      value: text(key),
      code: 'CREDIT_IMPORT_VALUE_INVALID',
      details: { column: header[key] },
    });
  const licenceNo = text('licenceNo');
  if (!licenceNo || licenceNo.length > 30) invalid('licenceNo');
  const occurredOn = text('occurredOn').slice(0, 10);
  if (!calendarDatePattern.test(occurredOn)) invalid('occurredOn');
  const type = types.get(text('type'));
  if (!type) invalid('type');
  const severity = severities.get(text('severity'));
  if (!severity) invalid('severity');
  const documentNo = text('documentNo');
  if (!documentNo || documentNo.length > 60) invalid('documentNo');
  const note = text('note');
  if (note.length > 500) invalid('note');
  if (problems.length > 0 || !type || !severity) return { problems };
  return { row: { licenceNo, occurredOn, type, severity, documentNo, note: note || null } };
}

export type ViolationImportOutcome =
  | { ok: true; rows: number; created: number }
  | { ok: false; rows: number; errorCount: number; errors: ImportRowError[] };

export async function importViolations(
  context: AppContext,
  actor: Actor,
  request: { path: string; fileName: string; locale: Locale },
): Promise<ViolationImportOutcome> {
  const sheet = await openSheetUpload(request, {
    maxBytes: violationImportLimits.fileBytes,
    emptyCode: 'CREDIT_IMPORT_FILE_EMPTY',
  });
  const records = readSheetRecords(sheet, {
    columns: violationSheetColumns,
    emptyCode: 'CREDIT_IMPORT_FILE_EMPTY',
    maxRows: violationImportLimits.rows,
  });
  let created = 0;
  const { errors, rowCount } = await checkAndWriteRows(records, {
    // One batch: looked up, and written, only once every row has been read and found good.
    batchRows: Number.POSITIVE_INFINITY,
    checkRow: ({ cells }) => parseRow(cells),
    lookUp: (rows) =>
      storesByLicence(context.db, actor.tenantId, actor.scope, [...new Set(rows.map((row) => row.licenceNo))]),
    checkStored: (row, stores) =>
      stores.has(row.licenceNo)
        ? undefined
        : {
            column: header.licenceNo,
            value: row.licenceNo,
            code: 'CREDIT_IMPORT_STORE_UNKNOWN',
            details: { licenceNo: row.licenceNo },
          },
    writeBatch: async (rows, stores) => {
      const now = context.now();
      const ids = await context.db.transaction((tx) =>
        recordViolationsIn(
          tx,
          actor,
          rows.map(({ licenceNo, ...row }) => ({ ...row, customerId: stores.get(licenceNo) as number })),
          'imported',
          now,
        ),
      );
      created = ids.length;
    },
  });
  if (errors.length > 0) {
    return {
      ok: false,
      rows: rowCount,
      errorCount: errors.length,
      errors: describeRowErrors(errors, request.locale, violationImportLimits.errorsInAnswer),
    };
  }
  return { ok: true, rows: rowCount, created };
}
