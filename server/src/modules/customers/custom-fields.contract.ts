import { z } from 'zod';
import { singleLineText } from '../../platform/http/input-bounds.ts';
import { customFieldKinds, customFieldLimits } from './custom-field.rules.ts';

export const customFieldSchema = z.object({
  id: z.number(),
  key: z.string().describe('used in customFields and in cf.<key> list filters'),
  label: z.string().describe('shown in forms and lists; the import/export column header'),
  kind: z.enum(customFieldKinds),
  options: z.array(z.string()).describe('the choices of select and multiselect fields'),
  required: z.boolean(),
  position: z.number(),
  active: z.boolean().describe('an inactive field is hidden everywhere; its values are kept'),
});

export const customFieldListSchema = z.object({ items: z.array(customFieldSchema) });

const options = z.array(singleLineText(customFieldLimits.option)).max(customFieldLimits.options);

// Lengths and patterns are the rule's (custom-field.rules.ts), which names the field in its error.
export const newCustomFieldSchema = z.strictObject({
  key: singleLineText(30).describe('a-z, 0-9 and _, starting with a letter; fixed once created'),
  label: singleLineText(40),
  kind: z.enum(customFieldKinds).describe('fixed once created'),
  options: options.optional(),
  required: z.boolean().optional(),
});

export const customFieldChangesSchema = z.strictObject({
  label: singleLineText(40).optional(),
  options: options.optional().describe('an option still held by a store cannot be removed (409)'),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
