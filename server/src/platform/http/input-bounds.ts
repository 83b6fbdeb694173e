import { z } from 'zod';
import { boundMessages } from '../errors/validation-messages.ts';

// The bounds every request field is held to, in one place, so that what reaches a query always
// fits its column: ids fit PostgreSQL's 32-bit `integer`, text holds no control characters
// (PostgreSQL text cannot store NUL at all), dates are days that exist, and lists are short.
// Each bound is a JSON-schema keyword (maximum, maxLength, pattern, maxItems), so the OpenAPI
// document built from the route schemas shows it.

// The largest value of a PostgreSQL `integer` column.
export const maxInteger = 2_147_483_647;

// A row id in a JSON body.
export const idSchema = z.number().int().min(1).max(maxInteger);

// A row id in a path or query string (text that must read as one).
export const idParam = z.coerce.number().int().min(1).max(maxInteger);

// A number a rule checks further and names in its own error (a rating, a strategy's grades):
// the schema only keeps it within what an integer column holds.
export const ruleCheckedNumber = z.number().min(-maxInteger).max(maxInteger);

// One line of text: no C0 control characters (U+0000–U+001F, tab and line breaks included) and
// no DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it refuses
export const singleLinePattern = /^[^\u0000-\u001f\u007f]*$/;
// Text of several lines: line breaks (LF, CR) and tabs are allowed, the other control
// characters are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it refuses
export const multilinePattern = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

type TextOptions = { min?: number; trim?: boolean };

function boundedText(pattern: RegExp, max: number, { min, trim = false }: TextOptions) {
  let schema = z.string();
  if (trim) schema = schema.trim();
  if (min !== undefined) schema = schema.min(min);
  return schema.max(max).regex(pattern, boundMessages.controlCharacters);
}

// A name, a search, a code: one line of at most `max` characters.
export function singleLineText(max: number, options: TextOptions = {}) {
  return boundedText(singleLinePattern, max, options);
}

// A description, a reply, a note: several lines of at most `max` characters.
export function multilineText(max: number, options: TextOptions = {}) {
  return boundedText(multilinePattern, max, options);
}

// A calendar day, YYYY-MM-DD, that exists (2026-02-29 and 2026-13-01 do not; nothing is rolled
// over into the next month), in the years 1900–2999.
export const calendarDatePattern =
  /^(?=(?:19|2\d)\d\d-)(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))$/;
export const calendarDate = z.stringFormat('date', calendarDatePattern, { error: boundMessages.calendarDate });

// A calendar month, YYYY-MM, in the years 1900–2999.
export const calendarMonthPattern = /^(?:19|2\d)\d\d-(?:0[1-9]|1[0-2])$/;
export const calendarMonth = z.string().max(7).regex(calendarMonthPattern, boundMessages.calendarMonth);

// A date-time with its offset (ISO 8601, 2026-11-23T10:00:00+08:00), in the years 1900–2999.
export const instantSchema = z.iso
  .datetime({ offset: true })
  .max(40)
  .regex(/^(?:19|2\d)\d\d-/, boundMessages.instant);

// An instant in a query string: a calendar date (read as midnight UTC) or a date-time.
export const instantParam = z
  .union([calendarDate, instantSchema], { error: boundMessages.dateOrInstant })
  .transform((value) => new Date(value));

// A list of at most `max` items.
export function listOf<Item extends z.ZodType>(item: Item, max: number, min = 0) {
  return z.array(item).min(min).max(max);
}
