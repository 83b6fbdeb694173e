import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { ChunkingContext } from 'rolldown';
import { type Connect, defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Two apps, one build: the staff console (index.html, served at /; its sign-in page login.html,
// plain HTML and one small script, served at /login) and the retailer portal (portal.html, served
// at /portal/*). The server falls back to the right HTML file.
//
// Vendor chunks: React, the router, i18n and the query cache, which every first screen needs,
// are one long-lived chunk. The other modules the entries import statically go to a chunk for
// both apps or one per app (firstScreenChunkName), so the portal does not download the
// console's. Everything else — antd components, echarts —
// is left to automatic splitting, so each lazily loaded page fetches the components it uses and
// no first screen downloads what only a later page needs (scripts/bundle-budget.ts checks it).
const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack|use-sync-external-store)[\\/]/,
    priority: 30,
  },
  // The page folders' messages that the console's first screens do not show (app/page-modules.ts,
  // loadPageMessages) and the portal pages' (portal/page-messages.ts): one chunk, not one per
  // folder. Their English stays a chunk per folder.
  {
    name: 'page-messages',
    test: /web[\\/]src[\\/](pages[\\/](?!home[\\/]|login[\\/]|setup[\\/])[^\\/]+[\\/]messages|portal[\\/]pages[\\/][^\\/]+\.messages)\.ts$/,
    priority: 25,
    // Not the helpers they import (the preload helper every entry uses).
    includeDependenciesRecursively: false,
  },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|tslib)[\\/]/, priority: 20 },
  // The other modules an entry imports statically (the app's own and libraries): one chunk for
  // both apps and one per app, not a chunk per set of lazy pages sharing them as well: the
  // console's first screen was 23 files, and each costs a round trip on a slow network
  // (bench/lighthouse.ts). A page loaded later imports the chunks its entry has loaded.
  ...(['common', 'app'] as const).map((kind, index) => ({
    name: (id: string, context: ChunkingContext) => firstScreenChunkName(id, context, kind),
    test: (id: string) => /\.(tsx?|m?js|cjs)$/.test(id) && !entryScripts.some(([pattern]) => pattern.test(id)),
    priority: 12 - index,
    includeDependenciesRecursively: kind === 'common',
  })),
];

// The entries' scripts, by the chunk name of what only they (or both apps) import statically.
const entryScripts: readonly [RegExp, string][] = [
  [/web[\\/]src[\\/]main\.tsx$/, 'console'],
  [/web[\\/]src[\\/]portal[\\/]main\.tsx$/, 'portal'],
  [/web[\\/]src[\\/]login[\\/][^\\/]+\.ts$/, 'login'],
];

// The portal's first screens are pages loaded lazily (scripts/bundle-budget.ts): what they import
// counts as the portal entry's.
const portalFirstScreenPages =
  /web[\\/]src[\\/]portal[\\/](PortalLayout|pages[\\/]PortalHomePage|pages[\\/]PortalLoginPage)\.tsx$/;

// Which chunk a module goes to: 'app-common' when both entries import it statically; the
// console's (or the portal's) 'app' chunk when only that app uses it and its entry imports it
// statically; else null (automatic splitting: a module only lazy pages use, one that lazy pages
// of the other app use too, or the login page's script). Null too when the module is not of the
// kind asked for (the other group takes it). The 'app' group takes no dependencies along: a
// dependency the other app's pages use would make them load this app's chunk.
function firstScreenChunkName(moduleId: string, context: ChunkingContext, kind: 'common' | 'app'): string | null {
  // A module loaded with import() stays the start of a chunk of its own.
  if ((context.getModuleInfo(moduleId)?.dynamicImporters.length ?? 0) > 0) return null;
  const staticApps = appsReaching(moduleId, context, false);
  if (staticApps.has('console') && staticApps.has('portal')) return kind === 'common' ? 'app-common' : null;
  if (kind !== 'app' || staticApps.size !== 1) return null;
  const allApps = appsReaching(moduleId, context, true);
  return allApps.size === 1 && !allApps.has('login') ? `${[...allApps][0]}-app` : null;
}

// The entries (by app) whose script imports the module, walking its importers up: static imports
// only, or dynamic ones too.
function appsReaching(moduleId: string, context: ChunkingContext, withDynamic: boolean): Set<string> {
  const apps = new Set<string>();
  const seen = new Set<string>();
  const pending = [moduleId];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const app = entryScripts.find(([pattern]) => pattern.test(id))?.[1];
    if (app) apps.add(app);
    const info = context.getModuleInfo(id);
    const isFirstScreen = withDynamic || portalFirstScreenPages.test(id);
    pending.push(...(info?.importers ?? []), ...(isFirstScreen ? (info?.dynamicImporters ?? []) : []));
  }
  return apps;
}

// In development (and `vite preview`) /portal and /portal/* get portal.html and /login login.html,
// as the server does.
function portalFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (request, _response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    const isPortalPage = (path === '/portal' || path.startsWith('/portal/')) && !path.includes('.');
    if (isPortalPage) request.url = '/portal.html';
    else if (path === '/login') request.url = `/login.html${request.url?.slice(path.length) ?? ''}`;
    next();
  };
  return {
    name: 'kewo-portal-fallback',
    configureServer: (server) => {
      server.middlewares.use(rewrite);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(rewrite);
    },
  };
}

// Each script, style sheet and page also written as .br (quality 11) and .gz (level 9) beside
// it: the server sends those as they are (server/src/platform/http/web-app.ts, preCompressed)
// instead of compressing on every request at the fast, weaker levels it can afford there.
function precompress(): Plugin {
  const toBrotli = promisify(brotliCompress);
  const toGzip = promisify(gzip);
  return {
    name: 'kewo-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      // scripts/bundle-budget.ts builds to measure, not to serve: no need to spend the seconds.
      if (process.env.KEWO_SKIP_PRECOMPRESS === '1') return;
      const outDir = options.dir ?? '';
      const files = Object.values(bundle).filter((file) => /\.(js|css|html|svg)$/.test(file.fileName));
      await Promise.all(
        files.map(async (file) => {
          const content = file.type === 'chunk' ? file.code : file.source;
          if (content.length < 1024) return;
          const path = join(outDir, file.fileName);
          const brotli = await toBrotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
          await writeFile(`${path}.br`, brotli);
          await writeFile(`${path}.gz`, await toGzip(content, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), portalFallback(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // scripts/bundle-budget.ts reads it to sum each first screen's files.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./portal.html', import.meta.url)),
        login: fileURLToPath(new URL('./login.html', import.meta.url)),
      },
      output: {
        codeSplitting: { groups: vendorGroups },
        // A chunk named after every entry sharing it (an entriesAware group's) is named by its hash.
        chunkFileNames: (chunk) => (chunk.name.includes('~') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
