// One line of the before/after comparison of an audit entry.
export type AuditDiffRow = {
  key: string;
  before: unknown;
  after: unknown;
  isInBefore: boolean;
  isInAfter: boolean;
  isChanged: boolean;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Stable structural equality for JSON values (key order does not matter).
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => isSameJson(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => key in a === key in b && isSameJson(a[key], b[key]));
  }
  return false;
}

// Top-level fields of `before` and `after` side by side, in first-seen order, with the
// changed ones marked. A create has no `before`, a delete no `after`: every field changed.
export function diffAuditValues(before: unknown, after: unknown): AuditDiffRow[] {
  const beforeRecord = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const afterRecord = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const keys = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];
  return keys.map((key) => {
    const isInBefore = key in beforeRecord;
    const isInAfter = key in afterRecord;
    return {
      key,
      before: beforeRecord[key],
      after: afterRecord[key],
      isInBefore,
      isInAfter,
      isChanged: isInBefore !== isInAfter || !isSameJson(beforeRecord[key], afterRecord[key]),
    };
  });
}

export function formatJsonValue(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2) ?? String(value);
}
