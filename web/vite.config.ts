import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Two apps, one build: the staff console (index.html, served at /) and the retailer portal
// (portal.html, served at /portal/*). The server falls back to the right HTML file.
//
// Vendor chunks: libraries get long-lived chunks of their own. echarts is reached only through
// lazily loaded console pages, so the portal never downloads it. antd is split by which
// entries use which components (`entriesAware`), so phone users of the portal do not download
// the console's tables and date pickers.
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|tslib)[\\/]/, priority: 20 },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
    priority: 10,
    entriesAware: true,
    entriesAwareMergeThreshold: 20_000,
  },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 0, entriesAware: true, entriesAwareMergeThreshold: 20_000 },
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

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), portalFallback()],
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
