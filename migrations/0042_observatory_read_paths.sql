-- The observatory's reads at the scale of a border region (issue 12 benchmark: a board from 5 million
-- values). Every read names an element and a disaggregation, then a period (or a window of periods), so
-- the primary key leads with them; it carries the figures so that a map is read from the index alone.
-- The key's columns are the same five, so uniqueness and re-import (replace a vintage) are unchanged.
-- A re-import finds a vintage's values by the vintage first.

alter table obs_values drop constraint obs_values_pkey;
alter table obs_values add constraint obs_values_pkey
  primary key (element_id, disaggregation, period, geo_code, vintage) include (value, secret, import_id);
create index obs_values_vintage on obs_values (vintage, element_id);

-- The (disaggregation, period) pairs of an element, walked along the key one probe per pair instead of
-- reading every value (PostgreSQL has no skip scan of its own). Invoker's rights: RLS applies.
create function app.obs_element_periods(element uuid)
returns table (disaggregation text, period text)
language sql stable parallel safe as $$
  with recursive walk(d, p) as (
    (select v.disaggregation, v.period from obs_values v where v.element_id = element
      order by v.disaggregation, v.period limit 1)
    union all
    select n.disaggregation, n.period from walk w, lateral (
      select v.disaggregation, v.period from obs_values v
      where v.element_id = element and (v.disaggregation, v.period) > (w.d, w.p)
      order by v.disaggregation, v.period limit 1) n
  )
  select d, p from walk
$$;
grant execute on function app.obs_element_periods(uuid) to samen_app;
