-- A mail may carry one attachment (issue 9, items 3 and 6: every party receives the signed agreement as a
-- PDF). The file is kept only until the mail leaves: encrypted with the platform key, like a single-use
-- link (secret_enc), and erased by the delivery that sends it or by the attempt that gives up. The outbox
-- shows its file name, never its content (ADR 0014).
alter table mail_outbox add column attachment_name text
  check (attachment_name is null or length(attachment_name) <= 200);
alter table mail_outbox add column attachment_enc text;
