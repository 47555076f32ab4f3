import { civilDay } from '../../../../common/kernel/clock';

/** Today as the staff live it (Europe/Brussels), like the server's deadlines. */
export const civilToday = () => civilDay(new Date());
