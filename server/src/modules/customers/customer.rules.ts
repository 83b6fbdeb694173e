import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Role } from '../../platform/identity/identity.schema.ts';
import { customerStatusLabels } from './customer-reference.ts';
import type { CustomerStatus } from './customers.schema.ts';

// 专卖许可证号: 12 digits, of which the first 6 are the store's district (GB/T 2260). Returns the
// district code, or fails naming the field.
export function checkLicenceNo(licenceNo: string, knownDistrictCodes: ReadonlySet<string>): string {
  if (!/^\d{12}$/.test(licenceNo)) {
    throw new DomainError('LICENCE_NO_INVALID', { licenceNo }, 'licenceNo');
  }
  const districtCode = licenceNo.slice(0, 6);
  if (!knownDistrictCodes.has(districtCode)) {
    throw new DomainError('LICENCE_DISTRICT_UNKNOWN', { licenceNo, districtCode }, 'licenceNo');
  }
  return districtCode;
}

// Which status may follow which. 注销 (cancelled) is final: the licence is gone.
const allowedTransitions: Record<CustomerStatus, readonly CustomerStatus[]> = {
  active: ['suspended', 'closed', 'cancelled'],
  suspended: ['active', 'closed', 'cancelled'],
  closed: ['active', 'cancelled'],
  cancelled: [],
};

export function canChangeStatus(from: CustomerStatus, to: CustomerStatus): boolean {
  return allowedTransitions[from].includes(to);
}

// A status change needs a reason the audit trail and the next reader can understand.
export function checkStatusChange(from: CustomerStatus, to: CustomerStatus, reason: string): void {
  if (reason.trim().length < 2) throw new DomainError('STATUS_REASON_REQUIRED', {}, 'reason');
  if (!canChangeStatus(from, to)) {
    throw new DomainError(
      'CUSTOMER_STATUS_TRANSITION_NOT_ALLOWED',
      { from, to, fromLabel: customerStatusLabels[from], toLabel: customerStatusLabels[to] },
      'status',
    );
  }
}

// The service centre keeps contact details current (phone calls are its work); everything else
// about a store is the marketing centre's and the administrator's.
export const contactFields = ['owner', 'phone', 'address'] as const;

export function fieldsNotEditableBy(role: Role, changedFields: readonly string[]): string[] {
  if (role === 'admin' || role === 'marketing') return [];
  if (role === 'service') return changedFields.filter((field) => !(contactFields as readonly string[]).includes(field));
  return [...changedFields];
}
