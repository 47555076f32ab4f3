-- A boundary's fingerprint, kept with it: every board request named the fingerprints of its map's
-- boundaries, and computing md5(geometry::text) over 1,200 boundaries took 40-55 ms of each request
-- (issue 15). Generated, so an import that replaces a boundary cannot leave a stale fingerprint.
alter table territory_geometries
  add column geometry_hash text generated always as (md5(geometry::text)) stored;
