// Each folder brings its own messages, and a namespace such as `menu` gets one entry from each
// folder, so the parts are merged deeply. Two folders defining the same key would silently
// overwrite one another: that is refused, and the app does not start.
export function mergeMessages(parts: readonly object[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) mergeInto(merged, part, '');
  return merged;
}

function mergeInto(target: Record<string, unknown>, source: object, prefix: string): void {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) {
      target[key] = isObject(value) ? mergeMessages([value]) : value;
    } else if (isObject(existing) && isObject(value)) {
      mergeInto(existing, value, path);
    } else {
      throw new Error(`The message key ${path} is defined by two folders' messages.ts`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
