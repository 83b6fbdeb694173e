-- A process may keep the session rows it has read (the session, its user, tenant and org units)
-- while it hears of every change to what they are built from: these triggers notify the
-- 'kewo_sessions' channel, for every writer (another Kewo process, a script, psql). Only the
-- columns a session row holds count: a last-seen touch or a sign-in's last_login_at is no change.
-- Statement-level, and PostgreSQL folds a transaction's identical notifications into one.
CREATE FUNCTION kewo_notify_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kewo_sessions', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_changed AFTER UPDATE OF user_id, expires_at, revoked_at OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION kewo_notify_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER users_changed AFTER UPDATE OF tenant_id, username, display_name, role, org_unit_id, scope_kind,
    scope_org_unit_id, customer_id, disabled, must_change_password OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION kewo_notify_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER tenants_changed AFTER UPDATE OF name OR DELETE OR TRUNCATE ON tenants
  FOR EACH STATEMENT EXECUTE FUNCTION kewo_notify_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER org_units_changed AFTER UPDATE OF tenant_id, name, path OR DELETE OR TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION kewo_notify_sessions_changed();
