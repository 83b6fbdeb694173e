-- No query filters or sorts by an element of a store's quota arrays, but ANALYZE builds element
-- statistics for every array column: for a published cycle that was most of the time ANALYZE
-- spent on store_quotas (the demo runs it on every build). Statistics of the other columns stay.
ALTER TABLE "store_quotas" ALTER COLUMN "quotas" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "store_quotas" ALTER COLUMN "ordered" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "store_quotas" ALTER COLUMN "recent" SET STATISTICS 0;
