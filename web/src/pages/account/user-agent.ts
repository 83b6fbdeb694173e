// A short, human label for a session's User-Agent ("Chrome 131 · Windows"); no library needed
// for the handful of browsers staff and retailers use.
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return '—';
  const browser =
    match(userAgent, /Edg\/(\d+)/, 'Edge') ??
    match(userAgent, /MicroMessenger\/(\d+)/, 'WeChat') ??
    match(userAgent, /(?:OPR|Opera)\/(\d+)/, 'Opera') ??
    match(userAgent, /Firefox\/(\d+)/, 'Firefox') ??
    match(userAgent, /(?:Chrome|CriOS)\/(\d+)/, 'Chrome') ??
    match(userAgent, /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari/, 'Safari') ??
    (/HeadlessChrome|Playwright/.test(userAgent) ? 'Headless browser' : undefined) ??
    match(userAgent, /^(\w[\w.-]*)\/(\d+)/, undefined);
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /HarmonyOS/.test(userAgent)
            ? 'HarmonyOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : undefined;
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : userAgent.slice(0, 60);
}

function match(userAgent: string, pattern: RegExp, name: string | undefined): string | undefined {
  const found = pattern.exec(userAgent);
  if (!found) return undefined;
  // Without a fixed name, the product token itself is the name (e.g. "curl/8").
  return name ? `${name} ${found[1]}` : `${found[1]} ${found[2]}`;
}
