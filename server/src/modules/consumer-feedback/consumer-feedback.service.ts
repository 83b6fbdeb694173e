import type { AppContext } from '../../app-context.ts';
import { type Actor, retailerStoreOf } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { readFileWith, storeFile } from '../../platform/files/files.repository.ts';
import { type ReportSheet, writeReportWorkbook } from '../../platform/spreadsheets/sheet-writer.ts';
import { answerTicketIn, createTicketIn } from '../tickets/index.ts';
import {
  answeringOf,
  countByProductAndTopic,
  type FeedbackFilters,
  type FeedbackListRow,
  getScopedFeedback,
  insertFeedback,
  listFeedback,
  listProductChoices,
  lockScopedFeedback,
  photoPrefix,
  productExists,
  storePhotoExists,
  updateFeedback,
} from './consumer-feedback.repository.ts';
import {
  answeredInTime,
  checkAnswerable,
  checkFeedbackText,
  type FeedbackTopic,
  feedbackStateOf,
  feedbackTopicNames,
  feedbackTopics,
  maxAnswerLength,
  monthRange,
  summariseByProduct,
  ticketCategoryOf,
} from './consumer-feedback.rules.ts';

// 消费者意见: a store relays what a consumer said; the item files a ticket (tickets module) whose
// first-response clock is the item's response due time — the complaints' SLA policy, calendar,
// warnings and escalation, one clock. Staff answer it here: the answer is stored with the item
// (the store reads it in the portal) and given to the ticket as its visible reply and resolution,
// in the same transaction.

export type RelayInput = { productId?: number | null; topic: FeedbackTopic; text: string; photoId?: number | null };

function viewOf(row: FeedbackListRow, now: Date) {
  const item = row.item;
  const clock = { answeredAt: item.answeredAt, responseDueAt: row.responseDueAt };
  return {
    id: item.id,
    customerId: item.customerId,
    storeName: row.storeName,
    licenceNo: row.licenceNo,
    branchId: item.branchId,
    branchName: row.branchName,
    ticketId: item.ticketId,
    productId: item.productId,
    productName: row.productName,
    topic: item.topic,
    text: item.text,
    hasPhoto: item.photoFileId !== null,
    state: feedbackStateOf(clock, now),
    responseDueAt: row.responseDueAt.toISOString(),
    answer: item.answer,
    answeredAt: item.answeredAt?.toISOString() ?? null,
    answeredByName: row.answeredByName,
    answeredInTime: answeredInTime(clock),
    createdAt: item.createdAt.toISOString(),
  };
}

export async function relayFeedback(context: AppContext, actor: Actor, input: RelayInput) {
  const customerId = retailerStoreOf(actor);
  const text = checkFeedbackText(input.text);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    if (input.productId && !(await productExists(tx, actor.tenantId, input.productId))) {
      throw new DomainError('CONSUMER_FEEDBACK_PRODUCT_UNKNOWN', { productId: input.productId }, 'productId');
    }
    if (input.photoId && !(await storePhotoExists(tx, actor.tenantId, customerId, input.photoId))) {
      throw new DomainError('CONSUMER_FEEDBACK_PHOTO_UNKNOWN', { photoId: input.photoId }, 'photoId');
    }
    const ticket = await createTicketIn(
      tx,
      actor,
      {
        customerId,
        type: 'suggestion',
        channel: 'portal',
        categoryCode: ticketCategoryOf(input.topic),
        description: `【消费者意见·${feedbackTopicNames[input.topic]}】${text}`,
      },
      now,
    );
    const item = await insertFeedback(tx, {
      tenantId: actor.tenantId,
      customerId: ticket.customerId,
      branchId: ticket.branchId,
      orgPath: ticket.orgPath,
      managerId: ticket.managerId,
      ticketId: ticket.id,
      productId: input.productId ?? null,
      topic: input.topic,
      text,
      photoFileId: input.photoId ?? null,
      createdBy: actor.userId || null,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'consumer_feedback', entityId: item.id, after: item },
      now,
    );
    return { id: item.id, responseDueAt: ticket.firstResponseDueAt.toISOString() };
  });
}

export async function uploadFeedbackPhoto(
  context: AppContext,
  actor: Actor,
  file: { fileName: string; bytes: Buffer; contentType: string },
) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName: `${photoPrefix(customerId)}${file.fileName}`,
      contentType: file.contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'upload',
        entity: 'consumer_feedback',
        after: { fileId: stored.id, contentType: file.contentType, size: file.bytes.length },
      },
      now,
    );
    return { id: stored.id, contentType: file.contentType, size: file.bytes.length };
  });
}

// The photo of an item the caller may see (its scope; a store, its own items).
export async function getFeedbackPhoto(context: AppContext, actor: Actor, id: number) {
  return readFileWith(context.db, actor.tenantId, async () => {
    const row = await getScopedFeedback(context.db, actor.tenantId, actor.scope, id);
    return row?.item.photoFileId;
  });
}

export async function listFeedbackQueue(context: AppContext, actor: Actor, filters: FeedbackFilters) {
  const now = context.now();
  const { rows, total } = await listFeedback(context.db, actor.tenantId, actor.scope, filters, now);
  return { items: rows.map((row) => viewOf(row, now)), total };
}

export async function listStoreFeedback(context: AppContext, actor: Actor, paging: { limit: number; offset: number }) {
  const customerId = retailerStoreOf(actor);
  const page = await listFeedbackQueue(context, actor, { ...paging, customerId });
  return {
    total: page.total,
    items: page.items.map((item) => ({
      id: item.id,
      productId: item.productId,
      productName: item.productName,
      topic: item.topic,
      text: item.text,
      hasPhoto: item.hasPhoto,
      state: item.state,
      responseDueAt: item.responseDueAt,
      answer: item.answer,
      answeredAt: item.answeredAt,
      createdAt: item.createdAt,
    })),
  };
}

export async function listProducts(context: AppContext, actor: Actor) {
  return { items: await listProductChoices(context.db, actor.tenantId) };
}

export async function getFeedback(context: AppContext, actor: Actor, id: number) {
  const row = await getScopedFeedback(context.db, actor.tenantId, actor.scope, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return viewOf(row, context.now());
}

export async function answerFeedback(context: AppContext, actor: Actor, id: number, answer: string) {
  const text = checkFeedbackText(answer, 'answer', maxAnswerLength);
  const now = context.now();
  const outbound = await context.db.transaction(async (tx) => {
    const item = await lockScopedFeedback(tx, actor.tenantId, actor.scope, id);
    if (!item) throw new DomainError('NOT_FOUND');
    checkAnswerable(item);
    const messages = await answerTicketIn(tx, actor, item.ticketId, text, now);
    const updated = await updateFeedback(tx, actor.tenantId, id, {
      answer: text,
      answeredAt: now,
      answeredBy: actor.userId || null,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'reply', entity: 'consumer_feedback', entityId: id, before: item, after: updated },
      now,
    );
    return messages;
  });
  for (const message of outbound) await context.outbound.send(message);
  return getFeedback(context, actor, id);
}

// 归类: staff correct the topic or the product a store chose.
export async function categoriseFeedback(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { topic: FeedbackTopic; productId?: number | null },
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const item = await lockScopedFeedback(tx, actor.tenantId, actor.scope, id);
    if (!item) throw new DomainError('NOT_FOUND');
    if (input.productId && !(await productExists(tx, actor.tenantId, input.productId))) {
      throw new DomainError('CONSUMER_FEEDBACK_PRODUCT_UNKNOWN', { productId: input.productId }, 'productId');
    }
    const updated = await updateFeedback(tx, actor.tenantId, id, {
      topic: input.topic,
      ...(input.productId !== undefined ? { productId: input.productId } : {}),
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'update', entity: 'consumer_feedback', entityId: id, before: item, after: updated },
      now,
    );
  });
  return getFeedback(context, actor, id);
}

export async function summariseMonth(context: AppContext, actor: Actor, month: string) {
  const { from, to } = monthRange(month);
  const [counts, answering] = await Promise.all([
    countByProductAndTopic(context.db, actor.tenantId, actor.scope, from, to),
    answeringOf(context.db, actor.tenantId, actor.scope, from, to, context.now()),
  ]);
  return { month, ...summariseByProduct(counts), ...answering };
}

export type MonthSummary = Awaited<ReturnType<typeof summariseMonth>>;

// The month's summary for marketing as .xlsx: products × topics, then the totals.
export async function summaryWorkbook(summary: MonthSummary): Promise<Buffer> {
  const headers = ['卷烟规格', ...feedbackTopics.map((topic) => feedbackTopicNames[topic]), '合计'];
  const sheet: ReportSheet = {
    name: `消费者意见 ${summary.month}`,
    preamble: [
      [`消费者意见月度汇总 ${summary.month}`],
      [
        '意见条数',
        summary.total,
        '已答复',
        summary.answered,
        '时限内答复',
        summary.answeredInTime,
        '超时未答复',
        summary.overdue,
      ],
      [],
    ],
    headers,
    rows: [
      ...summary.rows.map((row) => [
        row.productName ?? '（未指明规格）',
        ...feedbackTopics.map((topic) => row.counts[topic]),
        row.total,
      ]),
      ['合计', ...feedbackTopics.map((topic) => summary.topicTotals[topic]), summary.total],
    ],
    width: 10,
    widths: { 0: 28 },
  };
  return writeReportWorkbook([sheet]);
}
