import { type CreditFactSources, type FactCorrections, settlementFactsOf } from '../modules/credit/index.ts';
import { priceReportMeasuresSql } from '../modules/prices/index.ts';
import { markSettlementOnTimeIn, orderingMeasuresSql, settlementEventsSql } from '../modules/supply/index.ts';
import { surveyAnswerMeasuresSql } from '../modules/surveys/index.ts';
import { judgedComplaintEventsSql, judgeTicketFoundedIn } from '../modules/tickets/index.ts';
import { completeVisitMeasuresSql, visitCreditEventsSql } from '../modules/visits/index.ts';

// What a credit run reads from the modules that own the facts, and how an accepted appeal corrects
// a fact another module owns. Credit imports none of them (they read credit's level in force), so
// the server passes these in when it assembles the credit module (modules.ts).
// Settlements are millions a year: the late and failed ones are events, the rest counted per store.
const settlements = settlementFactsOf(settlementEventsSql);
export const creditFactSources: CreditFactSources = {
  events: [...settlements.events, judgedComplaintEventsSql, visitCreditEventsSql],
  measures: [
    ...settlements.measures,
    orderingMeasuresSql,
    completeVisitMeasuresSql,
    priceReportMeasuresSql,
    surveyAnswerMeasuresSql,
  ],
};

// A fact kind without a correction here is dropped from the store's ledger by the accepted appeal.
export const creditFactCorrections: FactCorrections = {
  order: (tx, actor, id, now, appealId) => markSettlementOnTimeIn(tx, actor, Number(id), now, appealId),
  ticket: (tx, actor, id, now, appealId) => judgeTicketFoundedIn(tx, actor, Number(id), now, appealId),
};
