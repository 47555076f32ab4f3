import { defineLink } from '../kernel/links';

/** The observatory's pages. */
export const observatoryLink = defineLink('/app/observatory', { theme: 'string' });
export const observatoryImportLink = defineLink('/app/observatory/import');
export const indicatorLink = defineLink('/app/observatory/indicators/:code', {
  period: 'string',
  method: 'string',
  group: 'string',
});
export const boardsLink = defineLink('/app/observatory/boards');
export const boardLink = defineLink('/app/observatory/boards/:code', { period: 'string', group: 'string' });
export const boardEditLink = defineLink('/app/observatory/boards/:code/edit');
/** A published board, without login. */
export const publicBoardLink = defineLink('/observatory/:code', { lang: 'string' });
