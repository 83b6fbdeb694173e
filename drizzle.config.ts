import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every table is declared in a *.schema.ts of the platform or of the module that owns it.
  schema: ['./server/src/platform/**/*.schema.ts', './server/src/modules/*/*.schema.ts'],
  out: './server/migrations',
  casing: 'snake_case',
});
