// Every table of the product, gathered for drizzle's relational queries and drizzle-kit.

export * from '../modules/classification/classification.schema.ts';
export * from '../modules/customers/customer-import.schema.ts';
export * from '../modules/customers/customers.schema.ts';
export * from '../modules/products/products.schema.ts';
export * from '../modules/supply/supply.schema.ts';
export * from '../modules/tickets/tickets.schema.ts';
export * from '../modules/visits/visits.schema.ts';
export * from '../platform/audit/audit.schema.ts';
export * from '../platform/identity/identity.schema.ts';
export * from '../platform/jobs/jobs.schema.ts';
