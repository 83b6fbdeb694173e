import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Two apps, one build: the staff console (index.html, served at /; its sign-in page login.html,
// plain HTML and one small script, served at /login) and the retailer portal (portal.html, served
// at /portal/*). The server falls back to the right HTML file.
//
// Vendor chunks: React, the router, i18n and the query cache, which every first screen needs,
// are one long-lived chunk. The other libraries the entries import statically (antd's core:
// theme, ConfigProvider, App) are split by which entries use them (`$initial` + `entriesAware`),
// so the portal does not download the console's. Everything else — antd components, echarts —
// is left to automatic splitting, so each lazily loaded page fetches the components it uses and
// no first screen downloads what only a later page needs (scripts/bundle-budget.ts checks it).
const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack|use-sync-external-store)[\\/]/,
    priority: 30,
  },
  // The page folders' messages that the console's first screens do not show (app/page-modules.ts,
  // loadPageMessages): one chunk, not one per folder. Their English stays a chunk per folder.
  {
    name: 'page-messages',
    test: /web[\\/]src[\\/]pages[\\/](?!home[\\/]|login[\\/]|setup[\\/])[^\\/]+[\\/]messages\.ts$/,
    priority: 25,
    // Not the helpers they import (the preload helper every entry uses).
    includeDependenciesRecursively: false,
  },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|tslib)[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial' as const], priority: 10, entriesAware: true },
];

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

// A console page other than the sign-in shows the layout and, most often, the home page: index.html
// asks for their chunks beside the entry's (modulepreload) instead of after the entry has run,
// which saves a round trip on a slow network. (/login is a page of its own: login.html.)
function preloadConsoleShell(): Plugin {
  const sources = ['src/app/layout/ConsoleLayout.tsx', 'src/pages/home/index.tsx'];
  return {
    name: 'kewo-preload-console-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle || !context.chunk || !context.filename.endsWith('index.html')) return;
        const chunks = Object.values(context.bundle).filter((output) => output.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const loadedByEntry = new Set<string>();
        const collect = (file: string, into: Set<string>) => {
          if (into.has(file)) return;
          into.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) collect(imported, into);
        };
        collect(context.chunk.fileName, loadedByEntry);
        const wanted = new Set<string>();
        for (const source of sources) {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(`/web/${source}`));
          if (!chunk) throw new Error(`preloadConsoleShell: no chunk for ${source}`);
          collect(chunk.fileName, wanted);
        }
        return [...wanted]
          .filter((file) => !loadedByEntry.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
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
  plugins: [react(), portalFallback(), preloadConsoleShell(), precompress()],
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
        // entriesAware groups are named after every entry sharing them; the hash is enough.
        chunkFileNames: (chunk) => (chunk.name.includes('~') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
