/**
 * Every endpoint of the immersions module. Each feature declares its endpoints beside its schemas and is
 * re-exported here, where the contract check reads them (test/contracts, src/server/contracts.db.test.ts).
 */
export { agreementEndpoints } from './agreement-endpoints';
export { calendarEndpoints } from './calendar-endpoints';
export { offerEndpoints } from './offer-endpoints';
export { requestEndpoints } from './request-endpoints';
