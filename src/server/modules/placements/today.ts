/**
 * Today as the transaction sees it (app.today(), the request clock's day signed into its context): rules
 * computed here and conditions written in SQL agree, and a test fixes the day with fixedClock().
 */
export { transactionDay as today } from '../../platform/db/context';
