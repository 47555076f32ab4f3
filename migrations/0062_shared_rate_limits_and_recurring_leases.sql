-- Scale-out on PostgreSQL (issue 15): what several app processes on one database must share beyond sessions,
-- jobs and lock-outs (already in the database). ADR 0029.
--
-- 1. Rate-limit counters. Each process kept its own in memory, so N processes allowed N times the limit.
--    A fixed window per key, one upsert per request. Neither a tenant table nor personal data: the key
--    (route + client address or user id) is stored only as its SHA-256. Unlogged: losing the counters in a
--    crash resets a one-minute window at worst, and a counted request costs no WAL flush.
-- 2. Leases of recurring work (reminders, mail sweep, purges). Every process ran each `every(...)` task on
--    its own timer; a lease per task name makes one process run it per interval, whichever claims it first.
--    A process killed during a run leaves a lease that expires (running_until), so the work is not lost.
--
-- Both tables live in schema app and are closed to samen_app: no table privilege at all. The application
-- reaches them only through the security-definer functions below, which do exactly one thing each.

create unlogged table app.rate_limits (
  key bytea primary key,
  hits integer not null,
  window_end timestamptz not null
);
revoke all on app.rate_limits from public;

-- Counts one request for p_key in a fixed window of p_window_ms and returns the count and the time left.
create function app.rate_limit_hit(p_key text, p_window_ms integer, out hits integer, out ttl_ms integer)
  language plpgsql volatile security definer set search_path = pg_catalog as $$
declare
  v_now timestamptz := clock_timestamp();
  v_end timestamptz;
begin
  if p_key is null or p_window_ms is null or p_window_ms < 1 then
    raise exception 'rate_limit_hit: a key and a positive window are required' using errcode = '22023';
  end if;
  insert into app.rate_limits as r (key, hits, window_end)
  values (sha256(convert_to(p_key, 'UTF8')), 1, v_now + make_interval(secs => p_window_ms / 1000.0))
  on conflict (key) do update set
    hits = case when r.window_end <= v_now then 1 else least(r.hits, 2147483646) + 1 end,
    window_end = case when r.window_end <= v_now then excluded.window_end else r.window_end end
  returning r.hits, r.window_end into hits, v_end;
  ttl_ms := greatest(0, ceil(extract(epoch from (v_end - v_now)) * 1000))::integer;
  -- Forgotten windows are swept now and then by a request rather than by a job (about 1 call in 1,000).
  if random() < 0.001 then
    delete from app.rate_limits where window_end < v_now - interval '1 hour';
  end if;
end
$$;
revoke all on function app.rate_limit_hit(text, integer) from public;
grant execute on function app.rate_limit_hit(text, integer) to samen_app;

create table app.recurring_leases (
  name text primary key check (length(name) between 1 and 100),
  -- The task is not due again before this (one run per interval across every process).
  due_at timestamptz not null,
  -- The process running it now, and until when its lease holds unless renewed.
  holder uuid,
  running_until timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  -- Runs started so far, all processes together (what the scale-out test and an operator read).
  runs bigint not null default 0
);
revoke all on app.recurring_leases from public;

-- Takes the lease of a due task for p_hold_ms; true when this caller is to run it now.
create function app.recurring_claim(p_name text, p_holder uuid, p_interval_ms integer, p_hold_ms integer)
  returns boolean
  language sql volatile security definer set search_path = pg_catalog as $$
  insert into app.recurring_leases as l (name, due_at, holder, running_until, started_at, runs)
  values (p_name, clock_timestamp() + make_interval(secs => p_interval_ms / 1000.0), p_holder,
    clock_timestamp() + make_interval(secs => p_hold_ms / 1000.0), clock_timestamp(), 1)
  on conflict (name) do update set due_at = excluded.due_at, holder = excluded.holder,
    running_until = excluded.running_until, started_at = excluded.started_at, runs = l.runs + 1
  where l.due_at <= clock_timestamp() and (l.running_until is null or l.running_until <= clock_timestamp())
  returning true
$$;

-- Extends a held lease while its run goes on; false when the lease was lost (expired and taken).
create function app.recurring_renew(p_name text, p_holder uuid, p_hold_ms integer) returns boolean
  language sql volatile security definer set search_path = pg_catalog as $$
  update app.recurring_leases set running_until = clock_timestamp() + make_interval(secs => p_hold_ms / 1000.0)
  where name = p_name and holder = p_holder and running_until is not null
  returning true
$$;

-- Ends a run: the lease is released, the task stays not due until its due_at.
create function app.recurring_finish(p_name text, p_holder uuid) returns void
  language sql volatile security definer set search_path = pg_catalog as $$
  update app.recurring_leases set running_until = null, holder = null, finished_at = clock_timestamp()
  where name = p_name and holder = p_holder
$$;

revoke all on function app.recurring_claim(text, uuid, integer, integer), app.recurring_renew(text, uuid, integer),
  app.recurring_finish(text, uuid) from public;
grant execute on function app.recurring_claim(text, uuid, integer, integer), app.recurring_renew(text, uuid, integer),
  app.recurring_finish(text, uuid) to samen_app;
