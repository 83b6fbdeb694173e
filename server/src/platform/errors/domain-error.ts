import type { ErrorCode } from './error-catalogue.ts';

export type ErrorDetails = Record<string, string | number | boolean | null | undefined | readonly string[]>;

// A rule or service says *what* went wrong with a code; the HTTP layer decides status and words.
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly field: string | undefined;

  constructor(code: ErrorCode, details: ErrorDetails = {}, field?: string) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.field = field;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
