// Which problem+json answers an operation can give, from what the operation is: its method, its
// inputs, who may call it, and the statuses its own description names. The OpenAPI document lists
// them, so generated clients and fuzzers see every answer the server may give, not only success.

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 414 | 415 | 422 | 429;

export const errorStatuses: readonly ErrorStatus[] = [400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 429];

export type OperationShape = {
  method: string;
  // A path parameter names one record: an unknown one, or one outside the caller's scope, is 404.
  hasPathParameters: boolean;
  hasQuery: boolean;
  hasBody: boolean;
  // Its query or body names other records by id (customerId, productIds…): 404 when one is
  // unknown or outside the caller's scope.
  referencesRecords: boolean;
  // Public routes are open to anyone; the others need a session (401) with an allowed role (403).
  access: 'public' | 'signed-in';
  // Summary and description as written on the route: statuses they name ("→ 409 …", "(404)").
  description: string;
};

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function problemStatusesOf(operation: OperationShape): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>(statusesNamedIn(operation.description));
  const method = operation.method.toUpperCase();
  const isWrite = writeMethods.has(method);
  // A write may carry a body whatever its schema: malformed JSON is 400, a body over the limit
  // 413, a content type the server does not read 415.
  if (isWrite || operation.hasPathParameters || operation.hasQuery || operation.hasBody) statuses.add(400);
  if (isWrite) {
    statuses.add(413);
    statuses.add(415);
  }
  if (operation.access === 'signed-in') {
    statuses.add(401);
    statuses.add(403);
    // A signed-in write changes records that may have moved on since the caller read them.
    if (isWrite) statuses.add(409);
  }
  if (operation.hasPathParameters || operation.referencesRecords) statuses.add(404);
  // A path segment longer than the router takes for a parameter.
  if (operation.hasPathParameters) statuses.add(414);
  // The same Idempotency-Key sent again with another body.
  if (/idempotency-key/i.test(operation.description)) statuses.add(422);
  return errorStatuses.filter((status) => statuses.has(status));
}

// "409 CYCLE_NOT_DRAFT", "(404)", "→ 422 …", "answers 429": a 4xx number standing alone.
export function statusesNamedIn(text: string): ErrorStatus[] {
  const named = new Set<number>();
  for (const match of text.matchAll(/(?<![\d.,])(4\d\d)(?!\d|[.,]\d|\s*(?:%|MB|KB|m\b|km|ms|天|元))/g)) {
    named.add(Number(match[1]));
  }
  return errorStatuses.filter((status) => named.has(status));
}

// Property names of a JSON Schema (objects, arrays, unions, nested) that name other records.
export function referencesRecords(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  if (Array.isArray(schema)) return schema.some(referencesRecords);
  const node = schema as Record<string, unknown>;
  const properties = (node.properties ?? {}) as Record<string, unknown>;
  if (Object.keys(properties).some(isRecordReference)) return true;
  return Object.values(node).some(referencesRecords);
}

function isRecordReference(name: string): boolean {
  return name === 'id' || /[a-z]Ids?$/.test(name);
}
