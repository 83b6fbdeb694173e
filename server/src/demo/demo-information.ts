import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { articleCategories, articleDeliveries, articles, defaultCategories } from '../modules/information/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { demoPortalLicence } from './demo-surveys.ts';

// 信息推送 of the demo city, set-based (a statement per table, no row-by-row inserts): ~200 articles
// over the year in the five categories (more 营销信息 and 新品介绍, fewer 行业政策), about one in
// seven important; the last month's go to every store, older ones to a branch's demonstration and
// growth stores (so the year stays a few hundred thousand delivery rows at 24,000 stores); reads by
// a deterministic hash of (article, store) at realistic rates — higher for 真假识别 (≈ 85 %) and
// 新品介绍 (≈ 80 %) than for 行业政策 (≈ 55 %) — within three days of delivery, and most important
// ones acknowledged. The newest article is important, went to every store 30 hours ago, and the
// portal's demo store (demoPortalLicence) has not read it: the portal shows its reminder and its
// manager's worklist a line.

const dayMs = 86_400_000;
const hourMs = 3_600_000;

// Read rate by category position (defaultCategories' order).
const readRates = [0.62, 0.55, 0.8, 0.85, 0.68];

const titles: Record<string, string[]> = {
  营销信息: ['本周货源投放说明', '春节旺季备货提示', '重点品牌动销通报', '订货时间调整通知', '终端促销活动安排'],
  行业政策: ['卷烟零售许可办理须知', '未成年人禁烟宣传要求', '明码标价管理规定解读', '电子烟监管政策解读'],
  新品介绍: ['新品上市：中华（金细支）', '新品上市：七匹狼（通仙）', '新品上市：利群（长嘴休闲）', '细支烟新品一览'],
  真假识别: ['真假识别：新版防伪标识', '真假识别：条盒喷码核对', '真假识别：烟支水松纸特征', '真假识别：外包装封签'],
  陈列指导: ['柜台陈列：品牌分区示范', '陈列指导：价签与价位段', '新品陈列位置建议', '节日主题陈列案例'],
};

function bodyOf(category: string, title: string): string {
  return (
    `<h3>${title}</h3><p>各零售客户：</p><p>现将${category}有关事项告知如下，请认真阅读。</p>` +
    '<ul><li>要点一：按要求执行，做好台账记录。</li><li>要点二：如有疑问请联系您的客户经理。</li></ul>' +
    '<p>漳州市烟草公司营销中心</p>'
  );
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function seedDemoInformationIn(tx: Executor, tenantId: number, now: Date): Promise<{ articles: number }> {
  await tx
    .insert(articleCategories)
    .values(defaultCategories.map((name, position) => ({ tenantId, name, position })))
    .onConflictDoNothing();
  const categories = await tx
    .select({ id: articleCategories.id, name: articleCategories.name, position: articleCategories.position })
    .from(articleCategories)
    .where(sql`${articleCategories.tenantId} = ${tenantId}`)
    .orderBy(articleCategories.position);
  const [author] = rowsOf<{ id: number }>(
    await tx.execute(
      sql`SELECT id FROM users WHERE tenant_id = ${tenantId} AND role = 'marketing' ORDER BY id LIMIT 1`,
    ),
  );
  const branches = rowsOf<{ id: number; path: string }>(
    await tx.execute(sql`SELECT id, path FROM org_units WHERE tenant_id = ${tenantId} AND kind = 'branch' ORDER BY id`),
  );
  const [root] = rowsOf<{ path: string }>(
    await tx.execute(sql`SELECT path FROM org_units WHERE tenant_id = ${tenantId} AND parent_id IS NULL LIMIT 1`),
  );
  if (!author || categories.length < 5 || !root) return { articles: 0 };

  // The year's articles, oldest first: ~every 1.8 days; weights 营销 3, 政策 1, 新品 2, 真假 2, 陈列 2.
  const weights = [3, 1, 2, 2, 2];
  const wheel = weights.flatMap((weight, index) => Array.from({ length: weight }, () => index));
  const count = 200;
  const values = [];
  for (let index = 0; index < count; index += 1) {
    const categoryIndex = wheel[(index * 7) % wheel.length];
    const category = categories[categoryIndex];
    const list = titles[category.name] ?? ['资讯'];
    const title = list[index % list.length];
    const daysAgo = index === count - 1 ? 30 / 24 : ((count - 1 - index) * 365) / count + 1;
    const publishedAt = new Date(now.getTime() - daysAgo * dayMs - (index % 5) * hourMs);
    const recent = daysAgo <= 30;
    const branch = branches.length > 0 ? branches[index % branches.length] : undefined;
    const important = index === count - 1 || index % 7 === 3;
    values.push({
      tenantId,
      categoryId: category.id,
      title: index === count - 1 ? '重要：新版防伪标识启用，请及时查看' : title,
      summary: `${category.name}：${title}`,
      bodyHtml: bodyOf(category.name, title),
      acknowledgeRequired: important,
      target: recent || !branch ? null : { branchIds: [branch.id], classes: ['demonstration', 'growth'] as never },
      authorOrgPath: root.path,
      status: 'published' as const,
      publishedAt,
      targetedCount: 0,
      createdBy: author.id,
      createdAt: new Date(publishedAt.getTime() - dayMs),
      updatedAt: publishedAt,
    });
  }
  const created = await tx.insert(articles).values(values).returning({ id: articles.id });
  const ids = created.map((row) => row.id);

  // Deliveries, reads and acknowledgements in one statement: a hash of (article, store) decides.
  const rates = sql.raw(`(ARRAY[${readRates.join(',')}]::float8[])`);
  await tx.execute(sql`
    INSERT INTO ${articleDeliveries}
      (tenant_id, article_id, customer_id, branch_id, manager_id, class_code, format, delivered_at, read_at, acknowledged_at)
    SELECT a.tenant_id, a.id, c.id, c.branch_id, c.manager_id, c.class_code, c.format, a.published_at,
      CASE WHEN r.u < ${rates}[k.position + 1] THEN a.published_at + (r.v * interval '72 hours') END,
      CASE WHEN a.acknowledge_required AND r.u < ${rates}[k.position + 1] * 0.85
        THEN a.published_at + (r.v * interval '72 hours') + interval '2 minutes' END
    FROM ${articles} a
    JOIN ${articleCategories} k ON k.tenant_id = a.tenant_id AND k.id = a.category_id
    JOIN customers c ON c.tenant_id = a.tenant_id AND c.status = 'active'
      AND (a.target IS NULL OR (c.branch_id = ANY(ARRAY(SELECT jsonb_array_elements_text(a.target->'branchIds')::int))
        AND c.class_code IN ('demonstration', 'growth')))
    CROSS JOIN LATERAL (SELECT (abs(hashtext(a.id || ':' || c.id)) % 10000) / 10000.0 AS u,
      (abs(hashtext(c.id || '/' || a.id)) % 10000) / 10000.0 AS v) r
    WHERE a.tenant_id = ${tenantId} AND a.id = ANY(${`{${ids.join(',')}}`}::int[])`);
  // Reads never after now; the portal's demo store has not read the newest (important) article.
  await tx.execute(sql`
    UPDATE ${articleDeliveries} SET read_at = NULL, acknowledged_at = NULL
    WHERE tenant_id = ${tenantId} AND article_id = ANY(${`{${ids.join(',')}}`}::int[])
      AND (read_at > ${now.toISOString()}::timestamptz
        OR (article_id = ${ids[ids.length - 1]}
          AND customer_id IN (SELECT id FROM customers WHERE tenant_id = ${tenantId} AND licence_no = ${demoPortalLicence})))`);
  // The reminders of the past were sent (the reminder job does not notify the whole year again).
  await tx.execute(sql`
    UPDATE ${articleDeliveries} d SET reminded_at = d.delivered_at + interval '24 hours'
    FROM ${articles} a
    WHERE a.tenant_id = d.tenant_id AND a.id = d.article_id AND a.acknowledge_required
      AND d.tenant_id = ${tenantId} AND d.acknowledged_at IS NULL
      AND d.delivered_at <= ${new Date(now.getTime() - dayMs).toISOString()}::timestamptz`);
  await tx.execute(sql`
    UPDATE ${articles} a SET targeted_count = d.n
    FROM (SELECT article_id, count(*)::int AS n FROM ${articleDeliveries}
      WHERE tenant_id = ${tenantId} GROUP BY article_id) d
    WHERE a.tenant_id = ${tenantId} AND a.id = d.article_id`);
  await recordChanges(
    tx,
    systemActor(tenantId, 'demo'),
    [{ action: 'seed_demo', entity: 'article', entityId: ids[ids.length - 1], after: { articles: ids.length } }],
    now,
  );
  return { articles: ids.length };
}
