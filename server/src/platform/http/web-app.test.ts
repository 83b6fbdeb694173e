import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

describe('the web app', () => {
  const buildDir = mkdtempSync(join(tmpdir(), 'kewo-web-'));
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  it('answers a script gone since the server started with 404, not 405 (its GET route is still there)', async () => {
    mkdirSync(join(buildDir, 'assets'));
    writeFileSync(join(buildDir, 'index.html'), '<!doctype html><title>客我</title>');
    writeFileSync(join(buildDir, 'assets', 'console-old.js'), 'console.log(1)');
    const app = Fastify();
    await registerWebApp(app, true, buildDir);
    await app.ready();
    expect((await app.inject({ url: '/assets/console-old.js' })).statusCode).toBe(200);
    // A new build replaces the files while the server runs.
    rmSync(join(buildDir, 'assets', 'console-old.js'));
    const gone = await app.inject({ url: '/assets/console-old.js' });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers.allow).toBeUndefined();
    expect((await app.inject({ url: '/customers' })).body).toContain('客我');
    await app.close();
  });

  it("sends the build's precompressed script to a browser that takes it, cached for good; pages are revalidated", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kewo-web-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>客我</title>');
      const script = `console.log(${JSON.stringify('客我'.repeat(400))})`;
      writeFileSync(join(dir, 'assets', 'console-1a2b.js'), script);
      writeFileSync(join(dir, 'assets', 'console-1a2b.js.br'), brotliCompressSync(script));
      const app = Fastify();
      await registerWebApp(app, true, dir);
      await app.ready();
      const brotli = await app.inject({ url: '/assets/console-1a2b.js', headers: { 'accept-encoding': 'br, gzip' } });
      expect(brotli.statusCode).toBe(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['content-type']).toMatch(/javascript/);
      expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
      // No .gz beside it: a browser without brotli gets the file itself.
      const plain = await app.inject({ url: '/assets/console-1a2b.js', headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);
      const page = await app.inject({ url: '/customers' });
      expect(page.headers['cache-control']).toBe('no-cache');
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sends the console's login.html for /login (its own page, not the console's app), index.html elsewhere", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kewo-web-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
      writeFileSync(join(dir, 'login.html'), '<!doctype html><title>login</title>');
      writeFileSync(join(dir, 'portal.html'), '<!doctype html><title>portal</title>');
      const app = Fastify();
      await registerWebApp(app, true, dir);
      await app.ready();
      expect((await app.inject({ url: '/login' })).body).toContain('login');
      expect((await app.inject({ url: '/login?redirect=%2Fcustomers' })).body).toContain('login');
      expect((await app.inject({ url: '/' })).body).toContain('console');
      expect((await app.inject({ url: '/login/more' })).body).toContain('console');
      expect((await app.inject({ url: '/portal/login' })).body).toContain('portal');
      // Compressed for a browser that takes it, as it is for one that does not.
      const brotli = await app.inject({ url: '/login', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers.vary).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(brotli.rawPayload).toString()).toContain('login');
      const gzip = await app.inject({ url: '/customers', headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).toString()).toContain('console');
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
