import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { type Actor, retailerStoreOf } from '../../platform/access/actor.ts';
import { isCityWideScope } from '../../platform/access/data-scope.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { UploadedFile } from '../../platform/files/file-transfer.ts';
import { readFileWith, storeFile } from '../../platform/files/files.repository.ts';
import { checkImage, type ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { storesInScope } from './assets.repository.ts';
import { type BookletFigures, bookletTitle, writeBookletDocument } from './contest-booklet.ts';
import {
  activeStaff,
  attachPhotos,
  branchOfUser,
  type ContestRow,
  entryCountsOf,
  entryOfStore,
  findContest,
  findContests,
  findEntries,
  findEntry,
  findPhoto,
  insertContest,
  insertContestPhoto,
  insertEntry,
  insertJudges,
  insertScore,
  judgesOf,
  photoFilesOf,
  photoIdsOf,
  publishContestRow,
  scoresOf,
  tenantNameOf,
  unusedPhotosOf,
} from './contests.repository.ts';
import {
  type ContestCriterion,
  checkContest,
  checkEntryOpen,
  checkMayScore,
  checkPublishable,
  checkScores,
  judgeTotal,
  type RankedEntry,
  rankEntries,
} from './contests.rules.ts';

// 陈列创意大赛's use cases: organise a contest, take entries (from the portal or a manager), blind
// judging (a judge sees only their own scores, never their own branch's entries, scores once),
// the ranking from the stored scores, publication and the booklet.

// Entry photos go into the booklet (Word embeds JPEG and PNG, not WebP).
export const contestPhotoRules: ImageUploadRules = {
  maxBytes: 5 * 1024 * 1024,
  missing: 'CONTEST_PHOTO_MISSING',
  notImage: 'CONTEST_PHOTO_INVALID',
};

export const tieBreakRule =
  'score = mean of the judges’ totals (Σ weight·score/max ·100 / Σ weight); ties → each criterion’s mean share, heaviest first (equal weights: listed order) → more judges → earlier submission → lower entry id';

const iso = (value: Date | string) => new Date(value).toISOString();

async function contestViews(context: AppContext, actor: Actor, rows: readonly ContestRow[]) {
  const ids = rows.map((row) => row.id);
  const [judges, counts] = await Promise.all([
    judgesOf(context.db, actor.tenantId, ids),
    entryCountsOf(context.db, actor.tenantId, ids),
  ]);
  return rows.map((row) => {
    const own = judges.filter((judge) => judge.contestId === row.id);
    return {
      id: row.id,
      title: row.title,
      rules: row.rules,
      startsOn: row.startsOn,
      entryDeadline: row.entryDeadline,
      endsOn: row.endsOn,
      criteria: row.criteria,
      winnerCount: row.winnerCount,
      status: row.status,
      judges: own.map(({ id, displayName }) => ({ id, displayName })),
      entryCount: counts.get(row.id) ?? 0,
      isJudge: own.some((judge) => judge.id === actor.userId),
      publishedAt: row.publishedAt ? iso(row.publishedAt) : null,
    };
  });
}

export async function listContests(context: AppContext, actor: Actor) {
  return { items: await contestViews(context, actor, await findContests(context.db, actor.tenantId)) };
}

async function contestOrNotFound(executor: Executor, tenantId: number, id: number, lock = false) {
  const contest = await findContest(executor, tenantId, id, lock);
  if (!contest) throw new DomainError('NOT_FOUND');
  return contest;
}

export async function getContest(context: AppContext, actor: Actor, id: number) {
  const contest = await contestOrNotFound(context.db, actor.tenantId, id);
  return (await contestViews(context, actor, [contest]))[0];
}

export type ContestInput = {
  title: string;
  rules: string;
  startsOn: string;
  entryDeadline: string;
  endsOn: string;
  criteria: ContestCriterion[];
  judgeIds: number[];
  winnerCount: number;
};

export async function createContest(context: AppContext, actor: Actor, input: ContestInput) {
  checkContest(input);
  const now = context.now();
  const id = await context.db.transaction(async (tx) => {
    const staff = new Set((await activeStaff(tx, actor.tenantId, input.judgeIds)).map((user) => user.id));
    const unknown = input.judgeIds.find((userId) => !staff.has(userId));
    if (unknown !== undefined) throw new DomainError('CONTEST_JUDGE_UNKNOWN', { userId: unknown }, 'judgeIds');
    const created = await insertContest(tx, {
      tenantId: actor.tenantId,
      title: input.title,
      rules: input.rules,
      startsOn: input.startsOn,
      entryDeadline: input.entryDeadline,
      endsOn: input.endsOn,
      criteria: input.criteria,
      winnerCount: input.winnerCount,
      createdBy: actor.userId || null,
      createdAt: now,
      updatedAt: now,
    });
    await insertJudges(tx, actor.tenantId, created.id, input.judgeIds);
    await recordChange(tx, actor, { action: 'create', entity: 'contest', entityId: created.id, after: input }, now);
    return created.id;
  });
  return getContest(context, actor, id);
}

// ---- Photos ----

export async function uploadContestPhoto(context: AppContext, actor: Actor, file: UploadedFile) {
  const contentType = checkImage(file.bytes, contestPhotoRules);
  if (contentType === 'image/webp') throw new DomainError('CONTEST_PHOTO_INVALID', {}, 'file');
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName: file.fileName,
      contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    const created = await insertContestPhoto(tx, {
      tenantId: actor.tenantId,
      uploadedBy: actor.userId,
      fileId: stored.id,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'upload',
        entity: 'contest_photo',
        entityId: created.id,
        after: { contentType, sizeBytes: file.bytes.length },
      },
      now,
    );
    return { id: created.id, contentType, sizeBytes: file.bytes.length };
  });
}

// Who sees an entry photo: its uploader before it is used; staff of the city company once an entry
// cites it (the judges see every branch's); a retailer its own store's, and a published contest's
// winners' (the booklet's).
export async function getContestPhoto(context: AppContext, actor: Actor, photoId: number) {
  return readFileWith(context.db, actor.tenantId, async () => {
    const photo = await findPhoto(context.db, actor.tenantId, photoId);
    if (!photo) return null;
    if (photo.entryId === null) return photo.uploadedBy === actor.userId ? photo.fileId : null;
    if (actor.scope.kind !== 'customer') return photo.fileId;
    if (photo.customerId === actor.scope.customerId) return photo.fileId;
    const contest = await findContest(context.db, actor.tenantId, photo.contestId as number);
    return contest && winnersOf(contest).some((winner) => winner.entryId === photo.entryId) ? photo.fileId : null;
  });
}

// ---- Entries ----

type EntryInput = { title: string; description?: string | null; photoIds: number[] };

async function submitEntry(
  context: AppContext,
  actor: Actor,
  contestId: number,
  customerId: number,
  input: EntryInput,
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const contest = await contestOrNotFound(tx, actor.tenantId, contestId, true);
    const store = (await storesInScope(tx, actor.tenantId, actor.scope, [customerId])).get(customerId);
    if (!store) throw new DomainError('NOT_FOUND', {}, 'customerId');
    checkEntryOpen(contest, beijingDateOf(now));
    if (await entryOfStore(tx, actor.tenantId, contestId, customerId)) throw new DomainError('CONTEST_ENTRY_EXISTS');
    const photoIds = [...new Set(input.photoIds)];
    const unused = await unusedPhotosOf(tx, actor.tenantId, actor.userId, photoIds);
    const unavailable = photoIds.find((id) => !unused.has(id));
    if (unavailable !== undefined)
      throw new DomainError('CONTEST_PHOTO_UNAVAILABLE', { photoId: unavailable }, 'photoIds');
    const created = await insertEntry(tx, {
      tenantId: actor.tenantId,
      contestId,
      customerId,
      title: input.title,
      description: input.description ?? null,
      submittedBy: actor.userId,
      submittedAt: now,
    });
    await attachPhotos(tx, actor.tenantId, created.id, photoIds);
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'contest_entry',
        entityId: created.id,
        after: { contestId, customerId, title: input.title, photoIds },
      },
      now,
    );
    return { id: created.id, contestId, submittedAt: now.toISOString() };
  });
}

// A manager (or marketing, admin) enters a store of their scope.
export const submitStaffEntry = (
  context: AppContext,
  actor: Actor,
  contestId: number,
  input: EntryInput & { customerId: number },
) => submitEntry(context, actor, contestId, input.customerId, input);

// A retailer enters its own store from the portal.
export const submitPortalEntry = (context: AppContext, actor: Actor, contestId: number, input: EntryInput) =>
  submitEntry(context, actor, contestId, retailerStoreOf(actor), input);

// The entries a caller sees: a judge every entry (to judge them), with only their own scores;
// other staff the entries of stores in their data scope. Nobody sees another judge's scores here.
export async function listEntries(context: AppContext, actor: Actor, contestId: number) {
  const contest = await contestOrNotFound(context.db, actor.tenantId, contestId);
  const judges = await judgesOf(context.db, actor.tenantId, [contestId]);
  const isJudge = judges.some((judge) => judge.id === actor.userId);
  const entries = await findEntries(context.db, actor.tenantId, contestId, isJudge ? 'all' : actor.scope);
  const [photos, mine, branchId] = await Promise.all([
    photoIdsOf(
      context.db,
      actor.tenantId,
      entries.map((entry) => entry.id),
    ),
    isJudge ? scoresOf(context.db, actor.tenantId, contestId, actor.userId) : Promise.resolve([]),
    isJudge ? branchOfUser(context.db, actor.tenantId, actor.userId) : Promise.resolve(null),
  ]);
  const myScores = new Map(mine.map((score) => [score.entryId, score]));
  return {
    items: entries.map((entry) => {
      const own = myScores.get(entry.id);
      return {
        id: entry.id,
        customerId: entry.customerId,
        customerName: entry.customerName,
        branchName: entry.branchName,
        title: entry.title,
        description: entry.description,
        photoIds: photos.get(entry.id) ?? [],
        submittedAt: iso(entry.submittedAt),
        myScore: own ? { scores: own.scores, comment: own.comment, scoredAt: iso(own.scoredAt) } : null,
        canScore: isJudge && contest.status === 'open' && !own && (branchId === null || branchId !== entry.branchId),
      };
    }),
  };
}

// ---- Judging ----

export async function scoreEntry(
  context: AppContext,
  actor: Actor,
  contestId: number,
  entryId: number,
  input: { scores: Record<string, number>; comment?: string | null },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const contest = await contestOrNotFound(tx, actor.tenantId, contestId, true);
    const entry = await findEntry(tx, actor.tenantId, contestId, entryId);
    if (!entry) throw new DomainError('NOT_FOUND');
    const judges = await judgesOf(tx, actor.tenantId, [contestId]);
    const mine = await scoresOf(tx, actor.tenantId, contestId, actor.userId);
    checkMayScore(
      contest,
      {
        isJudge: judges.some((judge) => judge.id === actor.userId),
        branchId: await branchOfUser(tx, actor.tenantId, actor.userId),
        alreadyScored: mine.some((score) => score.entryId === entryId),
      },
      entry,
    );
    checkScores(contest.criteria, input.scores);
    await insertScore(tx, {
      tenantId: actor.tenantId,
      contestId,
      entryId,
      judgeId: actor.userId,
      scores: input.scores,
      comment: input.comment ?? null,
      scoredAt: now,
    });
    const total = Math.round(judgeTotal(contest.criteria, input.scores) * 100) / 100;
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'contest_score',
        entityId: `${entryId}:${actor.userId}`,
        after: { contestId, entryId, scores: input.scores, total },
      },
      now,
    );
    return { entryId, total, scoredAt: now.toISOString() };
  });
}

// ---- Ranking, publication, booklet ----

async function computeRanking(executor: Executor, tenantId: number, contest: ContestRow) {
  const [entries, scores] = await Promise.all([
    findEntries(executor, tenantId, contest.id, 'all'),
    scoresOf(executor, tenantId, contest.id),
  ]);
  const ranking = rankEntries(
    contest.criteria,
    entries.map((entry) => ({
      entryId: entry.id,
      submittedAt: iso(entry.submittedAt),
      scores: scores.filter((score) => score.entryId === entry.id).map((score) => score.scores),
    })),
  );
  return { ranking, entries, scores };
}

function winnersOf(contest: ContestRow): RankedEntry[] {
  if (contest.status !== 'published' || !contest.ranking) return [];
  return contest.ranking.filter((entry) => entry.rank !== null && entry.rank <= contest.winnerCount);
}

// The ranking: computed from the stored scores (published or not, the same function). Before
// publication only organisers (marketing, admin) who do not judge the contest see it; after,
// every staff member.
export async function getRanking(context: AppContext, actor: Actor, contestId: number) {
  const contest = await contestOrNotFound(context.db, actor.tenantId, contestId);
  if (contest.status !== 'published') {
    const judges = await judgesOf(context.db, actor.tenantId, [contestId]);
    const organiser = (actor.role === 'admin' || actor.role === 'marketing') && isCityWideScope(actor.scope);
    if (!organiser || judges.some((judge) => judge.id === actor.userId))
      throw new DomainError('CONTEST_RANKING_HIDDEN');
  }
  const { ranking, entries } = await computeRanking(context.db, actor.tenantId, contest);
  const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
  return {
    contestId,
    status: contest.status,
    tieBreak: tieBreakRule,
    items: ranking.map((item) => ({
      ...item,
      customerName: entryOf.get(item.entryId)?.customerName ?? '',
      title: entryOf.get(item.entryId)?.title ?? '',
      winner: item.rank !== null && item.rank <= contest.winnerCount,
    })),
  };
}

export async function publishContest(context: AppContext, actor: Actor, contestId: number) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const contest = await contestOrNotFound(tx, actor.tenantId, contestId, true);
    const { ranking } = await computeRanking(tx, actor.tenantId, contest);
    checkPublishable(contest, beijingDateOf(now), ranking);
    await publishContestRow(tx, actor.tenantId, contestId, {
      ranking,
      publishedAt: now,
      publishedBy: actor.userId || null,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'publish',
        entity: 'contest',
        entityId: contestId,
        after: {
          winners: ranking
            .filter((entry) => entry.rank !== null && entry.rank <= contest.winnerCount)
            .map(({ entryId, rank, score }) => ({ entryId, rank, score })),
        },
      },
      now,
    );
  });
  return getRanking(context, actor, contestId);
}

// The booklet of a published contest (.docx): the winners' photos, stores and the judges' comments.
export async function writeBooklet(context: AppContext, actor: Actor, contestId: number) {
  const contest = await contestOrNotFound(context.db, actor.tenantId, contestId);
  if (contest.status !== 'published') throw new DomainError('CONTEST_NOT_PUBLISHED');
  const winners = winnersOf(contest);
  const ids = winners.map((winner) => winner.entryId);
  const [tenantName, judges, entries, scores, photos] = await Promise.all([
    tenantNameOf(context.db, actor.tenantId),
    judgesOf(context.db, actor.tenantId, [contestId]),
    findEntries(context.db, actor.tenantId, contestId, 'all'),
    scoresOf(context.db, actor.tenantId, contestId),
    photoFilesOf(context.db, actor.tenantId, ids),
  ]);
  const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
  const figures: BookletFigures = {
    tenantName,
    title: contest.title,
    startsOn: contest.startsOn,
    endsOn: contest.endsOn,
    rules: contest.rules,
    criteria: contest.criteria,
    judges: judges.map((judge) => judge.displayName),
    entryCount: entries.length,
    publishedOn: beijingDateOf(contest.publishedAt ?? context.now()),
    winners: winners.map((winner) => {
      const entry = entryOf.get(winner.entryId);
      return {
        rank: winner.rank as number,
        customerName: entry?.customerName ?? '',
        branchName: entry?.branchName ?? '',
        title: entry?.title ?? '',
        description: entry?.description ?? null,
        score: winner.score ?? 0,
        photos: photos
          .filter((photo) => photo.entryId === winner.entryId)
          .map((photo) => ({ contentType: photo.contentType, bytes: photo.content })),
        comments: scores
          .filter((score) => score.entryId === winner.entryId && score.comment)
          .map((score) => score.comment as string),
      };
    }),
  };
  return { fileName: `${contest.title}-${bookletTitle}.docx`, document: await writeBookletDocument(figures) };
}

// The portal's contests: those open for entries and those published, with the store's own entry.
export async function listPortalContests(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const today = beijingDateOf(context.now());
  const rows = await findContests(context.db, actor.tenantId);
  const items = [];
  for (const contest of rows) {
    const mine = await entryOfStore(context.db, actor.tenantId, contest.id, customerId);
    const winners = winnersOf(contest);
    const entries = winners.length > 0 ? await findEntries(context.db, actor.tenantId, contest.id, 'all') : [];
    const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
    const ranked = contest.ranking?.find((entry) => entry.entryId === mine?.id);
    let canEnter = !mine;
    try {
      checkEntryOpen(contest, today);
    } catch {
      canEnter = false;
    }
    items.push({
      id: contest.id,
      title: contest.title,
      rules: contest.rules,
      startsOn: contest.startsOn,
      entryDeadline: contest.entryDeadline,
      endsOn: contest.endsOn,
      status: contest.status,
      criteria: contest.criteria,
      canEnter,
      myEntry: mine ? { id: mine.id, title: mine.title, rank: ranked?.rank ?? null } : null,
      winners: winners.map((winner) => ({
        rank: winner.rank as number,
        customerName: entryOf.get(winner.entryId)?.customerName ?? '',
        title: entryOf.get(winner.entryId)?.title ?? '',
        score: winner.score ?? 0,
      })),
      bookletUrl: contest.status === 'published' ? `/api/v1/contests/${contest.id}/booklet` : null,
    });
  }
  return { items };
}
