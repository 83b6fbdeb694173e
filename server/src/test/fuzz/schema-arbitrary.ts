import fc from 'fast-check';

// fast-check arbitraries from the JSON Schemas of the app's OpenAPI document (OpenAPI 3.0, as
// @fastify/swagger writes them from the zod contracts). Values are valid-ish: they follow the
// schema's types, bounds, enums and patterns closely enough to pass validation most of the time,
// and the rest of the time they probe it. Known ids of records can be mixed in (idsFor), so a
// generated request often names a record that exists.
//
// No maintained library fits: zod-fast-check supports zod 3 and fast-check < 4 only, and
// json-schema-fast-check depends on fast-check 1; the document's schemas use a small subset of
// JSON Schema, mapped here.

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
};

export type ArbitraryOptions = {
  // Ids seen in the app's answers for a property or parameter name ("customerId", "id"…).
  idsFor?: (name: string) => readonly (number | string)[];
};

const calendarDay = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

export function arbitraryOf(schema: JsonSchema, options: ArbitraryOptions = {}, name = ''): fc.Arbitrary<unknown> {
  const arbitrary = withoutNull(schema, options, name);
  return schema.nullable ? fc.option(arbitrary, { nil: null, freq: 8 }) : arbitrary;
}

function withoutNull(schema: JsonSchema, options: ArbitraryOptions, name: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, options, name)));
  if (schema.allOf) return arbitraryOf(Object.assign({}, ...schema.allOf) as JsonSchema, options, name);
  const types = [schema.type ?? (schema.properties ? 'object' : 'string')].flat();
  if (types.includes('null') && types.length > 1) {
    return fc.option(withType(types.find((type) => type !== 'null') ?? 'string', schema, options, name), { nil: null });
  }
  return withType(types[0], schema, options, name);
}

function withType(type: string, schema: JsonSchema, options: ArbitraryOptions, name: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'integer':
    case 'number':
      return numberOf(type, schema, options, name);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, minLength + 4));
      return fc.array(arbitraryOf(schema.items ?? {}, options, singular(name)), { minLength, maxLength });
    }
    case 'object':
      return objectOf(schema, options);
    default:
      return stringOf(schema, options, name);
  }
}

function numberOf(type: string, schema: JsonSchema, options: ArbitraryOptions, name: string): fc.Arbitrary<number> {
  let min = schema.minimum ?? -1_000_000;
  let max = schema.maximum ?? 1_000_000;
  const integer = type === 'integer';
  const step = integer ? 1 : 0.01;
  if (schema.exclusiveMinimum === true) min += step;
  else if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + step;
  if (schema.exclusiveMaximum === true) max -= step;
  else if (typeof schema.exclusiveMaximum === 'number') max = schema.exclusiveMaximum - step;
  const generated = integer
    ? fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const known = isIdName(name) ? (options.idsFor?.(name) ?? []).filter((id) => typeof id === 'number') : [];
  return known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, generated) : generated;
}

function stringOf(schema: JsonSchema, options: ArbitraryOptions, name: string): fc.Arbitrary<string> {
  const known = (options.idsFor?.(name) ?? []).map(String);
  const generated = patternedString(schema);
  return known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, generated) : generated;
}

function patternedString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 60));
  if (schema.format === 'date' || schema.pattern?.includes('02-29)')) {
    return schema.format === 'date-time' || schema.pattern?.includes('T(?:') ? instant : calendarDay;
  }
  if (schema.format === 'date-time') return instant;
  if (schema.pattern && !/^\^\[\^[^\]]*\]\*\$$/.test(schema.pattern)) {
    try {
      const pattern = new RegExp(schema.pattern);
      return fc.stringMatching(pattern).filter((text) => text.length >= minLength && text.length <= maxLength);
    } catch {
      // A pattern fast-check cannot invert: plain text, which validation may refuse.
    }
  }
  // Free text (the pattern only excludes control characters): Chinese and ASCII mixed.
  const unit = fc.oneof(fc.constantFrom(...'客我漳州烟草零售店市区营销部'), fc.string({ minLength: 1, maxLength: 1 }));
  return fc
    .array(unit, { minLength: Math.max(minLength, 0), maxLength })
    .map((characters) => characters.join(''))
    .filter((text) => text.length >= minLength && text.length <= maxLength);
}

function objectOf(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, arbitraryOf(property, options, key)]),
  );
  const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(properties).length === 0) {
    return fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), arbitraryOf(extra, options), { maxKeys: 3 });
  }
  return record as fc.Arbitrary<Record<string, unknown>>;
}

export function isIdName(name: string): boolean {
  return name === 'id' || /[a-z]Ids?$/.test(name);
}

// "customerIds" → "customerId", "lines" → "line": the name of one item of an array property.
function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
