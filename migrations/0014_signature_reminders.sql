-- Reminders to the signers themselves (issue 9, item 3): a pending signature link is reminded after 2
-- working days, then weekly, while it is live. `reminded_at` stays the referent's reminder (0005); these
-- say when the signer was last reminded and how often, so the job never reminds twice the same day.
-- A reminder mails a fresh link (the old one stops working, its expiry is kept): only the hash is stored.
alter table placement_signatures add column signer_reminded_at timestamptz;
alter table placement_signatures add column signer_reminders integer not null default 0
  check (signer_reminders >= 0);
-- Select is granted column by column since 0008; update is granted on the whole table.
grant select (signer_reminded_at, signer_reminders) on placement_signatures to samen_app;
-- The job looks for live links of agreements awaiting signatures.
create index placement_signatures_live_links on placement_signatures (token_expires_at)
  where signed_at is null and token_hash is not null;
