import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

// The hottest statements (an order day's), run as named prepared statements whose text is built
// once per shape. On PostgreSQL each connection then parses and plans a statement once and
// afterwards only binds and executes it (placing an order went from 550 to 851 orders/s that way,
// under bench/order-day's load on 2 cores); and this process builds, compiles and names its text
// once, not on every call (~57 µs an order, about a tenth of the server's CPU per order). PGlite
// runs it as any other statement.
//
// A statement's shape is which optional parts it has (an idempotency key or not, the kind of data
// scope). `build` sees only the shape and writes the text with placeholders
// (`sql.placeholder('name')`) where the values go, so no call's value can be frozen into the text
// every later call reuses; `valuesOf` gives each call's values by placeholder name.
export type ShapedStatementSpec<Input, Shape> = {
  shapeOf: (input: Input) => Shape;
  build: (shape: Shape) => SQL;
  valuesOf: (input: Input) => Record<string, unknown>;
};

export type CompiledStatement = { name: string; sql: string; params: unknown[] };

export type ShapedStatement<Input> = {
  // The statement for this input's shape: its name, its text and its parameters, placeholders
  // included (bench/order-day hands the same text to pgbench).
  compiled: (input: Input) => CompiledStatement;
  values: (input: Input) => Record<string, unknown>;
  // Runs it; returns what `execute` returns.
  execute: (executor: Executor, input: Input) => Promise<unknown>;
};

// The same casing as the database handles' (db/client.ts); the statements name their columns.
const dialect = new PgDialect({ casing: 'snake_case' });

export function shapedStatement<Input, Shape>(spec: ShapedStatementSpec<Input, Shape>): ShapedStatement<Input> {
  const byShape = new Map<string, CompiledStatement>();
  const compiled = (input: Input) => {
    const shape = spec.shapeOf(input);
    const key = JSON.stringify(shape);
    let statement = byShape.get(key);
    if (!statement) {
      const { sql, params } = dialect.sqlToQuery(spec.build(shape));
      statement = { name: `kewo_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`, sql, params };
      byShape.set(key, statement);
    }
    return statement;
  };
  return {
    compiled,
    values: spec.valuesOf,
    execute: (executor, input) => {
      const { name, sql, params } = compiled(input);
      // Drizzle's query builders can be prepared under a name; raw SQL reaches the same driver
      // call through the executor's session (the one `execute` uses), which fills the placeholders.
      const { session } = executor as unknown as DrizzleInternals;
      return session.prepareQuery({ sql, params }, undefined, name, false).execute(spec.valuesOf(input));
    },
  };
}

type DrizzleInternals = {
  session: {
    prepareQuery: (
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ) => { execute: (values: Record<string, unknown>) => Promise<unknown> };
  };
};
