// Some packages ship ESM/CommonJS files without "type" or "exports" metadata (antd's locale
// files, echarts-for-react/esm). TypeScript (module: nodenext) and the bundler then disagree
// about what a default import is: one wrapper `{ default }` or none. Import the namespace and
// unwrap until the value we want appears, so both readings work.
export function interopDefault<T>(namespace: unknown, isWanted: (value: unknown) => boolean): T {
  let value = namespace;
  for (let depth = 0; depth < 3 && !isWanted(value); depth += 1) {
    if (value && typeof value === 'object' && 'default' in value) value = (value as { default: unknown }).default;
  }
  if (!isWanted(value)) throw new Error('Could not find the default export of a CommonJS module');
  return value as T;
}
