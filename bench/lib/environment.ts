// Where and on what a benchmark ran, recorded next to its figures.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { arch, availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from './server.ts';

export type Environment = {
  node: string;
  platform: string;
  cpuCount: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverageAtStart: number[];
  // dirty: any uncommitted change in the tree; serverDirty: in the server's code or dependencies.
  git: { commit: string; dirty: boolean; serverDirty: boolean } | null;
  // The server code measured, even when it is not committed: a hash of server/src and the migrations.
  serverSourceHash: string;
};

const serverPaths = ['server/src', 'server/migrations', 'package-lock.json'];

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

export function gitState(): Environment['git'] {
  try {
    return {
      commit: git(['rev-parse', 'HEAD']),
      dirty: git(['status', '--porcelain']).length > 0,
      serverDirty: git(['status', '--porcelain', '--', ...serverPaths]).length > 0,
    };
  } catch {
    return null;
  }
}

export function describeEnvironment(): Environment {
  return {
    node: process.version,
    platform: `${platform()} ${release()} ${arch()}`,
    cpuCount: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    git: gitState(),
    serverSourceHash: hashTree(serverPaths),
  };
}

function hashTree(paths: string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const absolute = join(repoRoot, path);
    let entries: string[];
    try {
      entries = readdirSync(absolute).sort();
    } catch {
      try {
        hash.update(`${relative(repoRoot, absolute)}\0`).update(readFileSync(absolute));
      } catch {
        // missing: leaves no trace in the hash
      }
      return;
    }
    for (const entry of entries) visit(join(path, entry));
  };
  for (const path of paths) visit(path);
  return hash.digest('hex').slice(0, 12);
}
