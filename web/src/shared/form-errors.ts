import type { FormInstance } from 'antd';
import { fieldErrorsOf } from './error-message.ts';

// Puts problem+json field errors under the matching form fields. Returns false when none of
// them belongs to this form, so the caller shows the error as a message instead.
export function applyFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  const fields = fieldErrorsOf(error).filter((entry) => fieldNames.includes(entry.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
