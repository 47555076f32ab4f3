-- What an immersion leaves for the practice library (issue 11): the one take-up reminder sent to the
-- visitor six months after a completed immersion ("was something taken up?"), recorded on the request so
-- that the hourly job never sends it twice, like `report_reminded_on` (migration 0027). The good-practice
-- sheet drawn from the report is found through the practices module (source 'immersion_report', source id
-- the request's), so no link column is kept here.
--
-- The column lives on immersion_requests and is covered by its row-level security (the visitor's
-- organisation and, once sent on, the host read the row; a third organisation nothing) and its guard (the
-- host changes only its decision columns, so never this one).
alter table immersion_requests add column takeup_reminded_on date;
