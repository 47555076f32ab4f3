-- The reminder sent to the visitor before the report of an immersion is due (issue 11: "reminders when it
-- is due"), a week before the due date, recorded on the request so that the hourly job never sends it
-- twice, like `report_reminded_on` (migration 0027, the one sent once it is overdue) and
-- `takeup_reminded_on` (migration 0030).
--
-- The column lives on immersion_requests and is covered by its row-level security (the visitor's
-- organisation and, once sent on, the host read the row; a third organisation nothing), its table-wide
-- grant to samen_app, its audit trigger and its guard (the host changes only its decision columns, so
-- never this one; only the system's job sets it).
alter table immersion_requests add column report_due_reminded_on date;
