import { brandModule } from './modules/brand/index.ts';
import { classificationModule } from './modules/classification/index.ts';
import { consumerFeedbackModule } from './modules/consumer-feedback/index.ts';
import { creditModule } from './modules/credit/index.ts';
import { customersModule } from './modules/customers/index.ts';
import { informationModule } from './modules/information/index.ts';
import { organisationModule } from './modules/organisation/index.ts';
import { pricesModule } from './modules/prices/index.ts';
import { productsModule } from './modules/products/index.ts';
import { supplyModule } from './modules/supply/index.ts';
import { surveysModule } from './modules/surveys/index.ts';
import { terminalsModule } from './modules/terminals/index.ts';
import { ticketsModule } from './modules/tickets/index.ts';
import { trainingModule } from './modules/training/index.ts';
import { visitsModule } from './modules/visits/index.ts';
import { registerErrors } from './platform/errors/error-catalogue.ts';
import type { KewoModule } from './platform/modules/kewo-module.ts';
import { creditFactCorrections, creditFactSources } from './workflows/credit-facts.workflow.ts';
import { storesMovedIn } from './workflows/reassign-customers.workflow.ts';
import { workflowsModule } from './workflows/workflow.routes.ts';

// The server's modules, in the order their routes are registered. A new module is its folder
// under modules/ and one line here: app.ts registers its routes, main.ts runs its jobs, and
// drizzle-kit finds its tables (modules/*/*.schema.ts).
export const modules: readonly KewoModule[] = [
  organisationModule,
  customersModule({ onStoresMoved: storesMovedIn }),
  supplyModule,
  classificationModule,
  productsModule,
  ticketsModule,
  visitsModule,
  brandModule,
  pricesModule,
  surveysModule,
  creditModule({ sources: creditFactSources, corrections: creditFactCorrections }),
  terminalsModule,
  informationModule,
  trainingModule,
  consumerFeedbackModule,
  workflowsModule,
];

// The error catalogue the problem handler and messageOf read: the platform's codes, then each
// module's, registered once here when the server's modules are loaded. A code in two lists stops the
// server from starting.
for (const module of modules) if (module.errors) registerErrors(module.errors, module.name);
