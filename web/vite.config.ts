import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Two apps, one build: the staff console (index.html, served at /) and the retailer portal
// (portal.html, served at /portal/*). The server falls back to the right HTML file.
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
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|tslib)[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial' as const], priority: 10, entriesAware: true },
];

// In development (and `vite preview`) /portal and /portal/* get portal.html, as the server does.
function portalFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (request, _response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    const isPortalPage = (path === '/portal' || path.startsWith('/portal/')) && !path.includes('.');
    if (isPortalPage) request.url = '/portal.html';
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
      },
      output: {
        codeSplitting: { groups: vendorGroups },
        // entriesAware groups are named after every entry sharing them; the hash is enough.
        chunkFileNames: (chunk) => (chunk.name.includes('~') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
