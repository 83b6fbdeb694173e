import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The files that seed demo cities of thousands of stores (and the command's, a dozen processes)
// take minutes; the others seconds. Started first, they run beside the rest instead of alone at the
// end (with no durations from an earlier run, as on CI, Vitest starts the largest files first, and
// these are small).
const seedsDemoCities = /\/server\/src\/(demo\/[^/]+|cli|modules\/tickets\/ticket-analysis\.repository)\.test\.ts$/;
class DemoCitiesFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLong = (file: TestSpecification) => seedsDemoCities.test(file.moduleId);
    return [...sorted.filter(isLong), ...sorted.filter((file) => !isLong(file))];
  }
}

// Two projects: the server (Node, real database) and the web app (happy-dom).
export default defineConfig({
  test: {
    // Vitest's default is one file at a time per core but one: a single file at a time on CI's two
    // cores, where a file on PostgreSQL waits on the server half the time. Two at a time there; the
    // files share nothing (each has its own database copy, built cities are made under a lock).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: DemoCitiesFirst },
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['server/src/db/test-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['web/src/test/i18n-setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
