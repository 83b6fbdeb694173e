import { readFileSync } from 'node:fs';
import pg from 'pg';
const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/kewo_bench_profile' });
await client.connect();
const pid = (await client.query('select pg_backend_pid() as p')).rows[0].p;
const cpu = () => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const ins = (suffix: string) => `INSERT INTO customers (tenant_id, licence_no, name, owner, phone, address, district_code, urban_rural, format, manager_id, branch_id, org_path, order_day, order_channel, latitude, longitude, licence_valid_until, tags, custom_fields, name_pinyin, name_initials, owner_pinyin, owner_initials, name_grams, owner_address_grams, created_at, updated_at)
SELECT tenant_id, licence_no||'${suffix}', name, owner, phone, address, district_code, urban_rural, format, manager_id, branch_id, org_path, order_day, order_channel, latitude, longitude, licence_valid_until, tags, custom_fields, name_pinyin, name_initials, owner_pinyin, owner_initials, name_grams, owner_address_grams, created_at, updated_at FROM src`;
const variants: Record<string, { set: string[]; clean: boolean }> = {
  default: { set: [], clean: false },
  workmem: { set: ["SET LOCAL work_mem='128MB'"], clean: false },
  pending: { set: ["SET LOCAL gin_pending_list_limit='1GB'", "SET LOCAL maintenance_work_mem='512MB'"], clean: true },
  pending64: { set: ["SET LOCAL gin_pending_list_limit='64MB'", "SET LOCAL work_mem='64MB'", "SET LOCAL maintenance_work_mem='256MB'"], clean: true },
};
const order = process.argv.slice(2);
for (const name of order) {
  const variant = variants[name];
  await client.query('BEGIN');
  await client.query('CREATE TEMP TABLE src ON COMMIT DROP AS SELECT * FROM customers ORDER BY id LIMIT 10000');
  for (const statement of variant.set) await client.query(statement);
  const start = cpu();
  const wall = performance.now();
  const parts: number[] = [];
  for (const suffix of 'abcde') {
    const c = cpu();
    await client.query(ins(suffix));
    parts.push(Math.round((cpu() - c) * 100) / 100);
  }
  let cleanCpu = 0;
  if (variant.clean) {
    const c = cpu();
    for (const ix of ['customers_search_trgm_idx', 'customers_name_grams_idx', 'customers_owner_address_grams_idx', 'customers_custom_fields_idx'])
      await client.query(`SELECT gin_clean_pending_list('${ix}')`);
    cleanCpu = cpu() - c;
  }
  console.log(name, 'cpu', (cpu() - start).toFixed(2), 'wall', ((performance.now() - wall) / 1000).toFixed(2), parts.join(' '), 'clean', cleanCpu.toFixed(2));
  await client.query('ROLLBACK');
}
await client.end();
