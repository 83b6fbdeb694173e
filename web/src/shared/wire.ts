import type { z } from 'zod';

// The web's API types come from the server's contracts (zod schemas), imported with
// `import type` only, so nothing of the server reaches the browser bundle.
//
// A response crosses the wire as JSON: the server encodes it with its schema and a Date becomes
// its ISO string. Json<T> is that JSON form of a type.
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

// What the web receives for a response schema.
export type Wire<Schema extends z.ZodType> = Json<z.output<Schema>>;

// What the web may send for a body schema: the schema's input (defaults may be left out).
export type Body<Schema extends z.ZodType> = z.input<Schema>;

// A code list the web keeps at runtime (for its selects) must hold exactly the server's codes:
// `type _ = SameCodes<(typeof webList)[number], ServerCode>` fails to type-check otherwise.
export type SameCodes<A extends B, B extends string> = [B] extends [A] ? A : never;
