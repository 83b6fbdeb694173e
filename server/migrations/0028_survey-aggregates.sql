CREATE TABLE "survey_fact_counts" (
	"tenant_id" integer NOT NULL,
	"wave_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item" text NOT NULL,
	"value" double precision NOT NULL,
	"dimension" text,
	"scale_max" integer,
	"n" integer NOT NULL,
	CONSTRAINT "survey_fact_counts_wave_id_kind_item_value_pk" PRIMARY KEY("wave_id","kind","item","value")
);
--> statement-breakpoint
CREATE TABLE "survey_gap_sums" (
	"tenant_id" integer NOT NULL,
	"wave_id" uuid NOT NULL,
	"level" text NOT NULL,
	"key" text NOT NULL,
	"dimension" text,
	"n" integer NOT NULL,
	"sum_e" double precision NOT NULL,
	"sum_p" double precision NOT NULL,
	"sum_d" double precision NOT NULL,
	"sum_d2" double precision NOT NULL,
	CONSTRAINT "survey_gap_sums_wave_id_level_key_pk" PRIMARY KEY("wave_id","level","key")
);
--> statement-breakpoint
ALTER TABLE "survey_fact_counts" ADD CONSTRAINT "survey_fact_counts_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_gap_sums" ADD CONSTRAINT "survey_gap_sums_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The aggregates follow every INSERT and DELETE of answer facts (a response, the demo's bulk
-- answers, a benchmark's or a test's own SQL), in the same statement's transaction: a response
-- posted a moment ago counts. Statement-level with the transition table: a bulk insert of a wave's
-- millions of facts updates them once. Each statement adds (INSERT) or takes away (DELETE) its rows'
-- counts; the gap sums of the responses it touches are recomputed as the difference between their
-- pairs after the statement and before it (their facts now, less or plus the statement's rows).
CREATE FUNCTION kewo_survey_facts_aggregate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE WHEN TG_OP = 'INSERT' THEN 'new_facts' ELSE 'old_facts' END;
  sign int := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO survey_fact_counts AS c (tenant_id, wave_id, kind, item, value, dimension, scale_max, n)
    SELECT tenant_id, wave_id, kind, item, value, max(dimension), max(scale_max), %2$s * count(*)::int
    FROM %1$I WHERE kind IN ('expectation', 'perception', 'overall', 'nps')
    GROUP BY tenant_id, wave_id, kind, item, value
    ON CONFLICT (wave_id, kind, item, value) DO UPDATE SET n = c.n + excluded.n,
      dimension = coalesce(c.dimension, excluded.dimension), scale_max = greatest(c.scale_max, excluded.scale_max)
  $sql$, changed, sign);
  EXECUTE format($sql$
    WITH touched AS (
      SELECT DISTINCT response_id FROM %1$I WHERE kind IN ('expectation', 'perception')),
    now_items AS (
      SELECT f.tenant_id, f.wave_id, f.response_id, f.item, max(f.dimension) AS dimension,
        coalesce(sum(f.value) FILTER (WHERE f.kind = 'expectation'), 0) AS es,
        count(*) FILTER (WHERE f.kind = 'expectation') AS ec,
        coalesce(sum(f.value) FILTER (WHERE f.kind = 'perception'), 0) AS ps,
        count(*) FILTER (WHERE f.kind = 'perception') AS pc
      FROM survey_answer_facts f JOIN touched t ON t.response_id = f.response_id
      WHERE f.kind IN ('expectation', 'perception')
      GROUP BY 1, 2, 3, 4),
    changed_items AS (
      SELECT tenant_id, wave_id, response_id, item, max(dimension) AS dimension,
        coalesce(sum(value) FILTER (WHERE kind = 'expectation'), 0) AS es,
        count(*) FILTER (WHERE kind = 'expectation') AS ec,
        coalesce(sum(value) FILTER (WHERE kind = 'perception'), 0) AS ps,
        count(*) FILTER (WHERE kind = 'perception') AS pc
      FROM %1$I WHERE kind IN ('expectation', 'perception')
      GROUP BY 1, 2, 3, 4),
    states AS (
      SELECT coalesce(a.tenant_id, c.tenant_id) AS tenant_id, coalesce(a.wave_id, c.wave_id) AS wave_id,
        coalesce(a.response_id, c.response_id) AS response_id, coalesce(a.item, c.item) AS item,
        coalesce(a.dimension, c.dimension) AS dimension,
        coalesce(a.es, 0) AS aes, coalesce(a.ec, 0) AS aec, coalesce(a.ps, 0) AS aps, coalesce(a.pc, 0) AS apc,
        coalesce(a.es, 0) - %2$s * coalesce(c.es, 0) AS bes, coalesce(a.ec, 0) - %2$s * coalesce(c.ec, 0) AS bec,
        coalesce(a.ps, 0) - %2$s * coalesce(c.ps, 0) AS bps, coalesce(a.pc, 0) - %2$s * coalesce(c.pc, 0) AS bpc
      FROM now_items a FULL JOIN changed_items c ON c.response_id = a.response_id AND c.item = a.item),
    pairs AS (
      SELECT tenant_id, wave_id, response_id, item, dimension, 1 AS w, aes / aec AS e, aps / apc AS p
      FROM states WHERE aec > 0 AND apc > 0
      UNION ALL
      SELECT tenant_id, wave_id, response_id, item, dimension, -1, bes / bec, bps / bpc
      FROM states WHERE bec > 0 AND bpc > 0),
    dims AS (
      SELECT tenant_id, wave_id, response_id, w, dimension, avg(e) AS e, avg(p) AS p, avg(p - e) AS d
      FROM pairs WHERE dimension IS NOT NULL GROUP BY tenant_id, wave_id, response_id, w, dimension),
    deltas AS (
      SELECT tenant_id, wave_id, 'item' AS level, item AS key, max(dimension) AS dimension, sum(w)::int AS n,
        sum(w * e) AS sum_e, sum(w * p) AS sum_p, sum(w * (p - e)) AS sum_d, sum(w * (p - e) * (p - e)) AS sum_d2
      FROM pairs GROUP BY tenant_id, wave_id, item
      UNION ALL
      SELECT tenant_id, wave_id, 'dimension', dimension, dimension, sum(w)::int, sum(w * e), sum(w * p), sum(w * d),
        sum(w * d * d)
      FROM dims GROUP BY tenant_id, wave_id, dimension)
    INSERT INTO survey_gap_sums AS s (tenant_id, wave_id, level, key, dimension, n, sum_e, sum_p, sum_d, sum_d2)
    SELECT * FROM deltas
    ON CONFLICT (wave_id, level, key) DO UPDATE SET n = s.n + excluded.n, sum_e = s.sum_e + excluded.sum_e,
      sum_p = s.sum_p + excluded.sum_p, sum_d = s.sum_d + excluded.sum_d, sum_d2 = s.sum_d2 + excluded.sum_d2,
      dimension = coalesce(s.dimension, excluded.dimension)
  $sql$, changed, sign);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER survey_answer_facts_inserted AFTER INSERT ON survey_answer_facts
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION kewo_survey_facts_aggregate();
--> statement-breakpoint
CREATE TRIGGER survey_answer_facts_deleted AFTER DELETE ON survey_answer_facts
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION kewo_survey_facts_aggregate();
--> statement-breakpoint
-- The facts written before this migration.
INSERT INTO survey_fact_counts (tenant_id, wave_id, kind, item, value, dimension, scale_max, n)
SELECT tenant_id, wave_id, kind, item, value, max(dimension), max(scale_max), count(*)::int
FROM survey_answer_facts WHERE kind IN ('expectation', 'perception', 'overall', 'nps')
GROUP BY tenant_id, wave_id, kind, item, value;
--> statement-breakpoint
WITH pairs AS (
  SELECT tenant_id, wave_id, response_id, item, max(dimension) AS dimension,
    avg(value) FILTER (WHERE kind = 'expectation') AS e, avg(value) FILTER (WHERE kind = 'perception') AS p
  FROM survey_answer_facts WHERE kind IN ('expectation', 'perception')
  GROUP BY tenant_id, wave_id, response_id, item),
paired AS (SELECT * FROM pairs WHERE e IS NOT NULL AND p IS NOT NULL),
dims AS (
  SELECT tenant_id, wave_id, response_id, dimension, avg(e) AS e, avg(p) AS p, avg(p - e) AS d
  FROM paired WHERE dimension IS NOT NULL GROUP BY tenant_id, wave_id, response_id, dimension)
INSERT INTO survey_gap_sums (tenant_id, wave_id, level, key, dimension, n, sum_e, sum_p, sum_d, sum_d2)
SELECT tenant_id, wave_id, 'item', item, max(dimension), count(*)::int, sum(e), sum(p), sum(p - e), sum((p - e) * (p - e))
FROM paired GROUP BY tenant_id, wave_id, item
UNION ALL
SELECT tenant_id, wave_id, 'dimension', dimension, dimension, count(*)::int, sum(e), sum(p), sum(d), sum(d * d)
FROM dims GROUP BY tenant_id, wave_id, dimension;
