import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of 价格监管 (platform/audit/audit-catalogue.ts explains the
// declaration): observations reported in the portal or by inspectors, warning rules, warnings and
// their evaluation (by marketing on demand, or the weekly job).
export const pricesAudit = {
  entities: {
    price_report: ['create', 'update', 'seed_demo'],
    price_warning_rule: ['create', 'update', 'delete'],
    price_warning: ['compute', 'change_status'],
  },
  systemActors: ['price-warnings'],
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    prices: typeof pricesAudit;
  }
}
