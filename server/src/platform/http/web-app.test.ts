import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
