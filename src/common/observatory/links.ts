import { defineLink } from '../kernel/links';

/** The observatory's pages. */
export const observatoryLink = defineLink('/app/observatory', { theme: 'string' });
export const observatoryImportLink = defineLink('/app/observatory/import');
export const indicatorLink = defineLink('/app/observatory/indicators/:code', {
  period: 'string',
  method: 'string',
  group: 'string',
  /** 'sex:F', 'age:15-24'… (total when absent). */
  disaggregation: 'string',
});
export const boardsLink = defineLink('/app/observatory/boards');
export const boardLink = defineLink('/app/observatory/boards/:code', { period: 'string', group: 'string' });
export const boardEditLink = defineLink('/app/observatory/boards/:code/edit');
/** A published board, without login. */
export const publicBoardLink = defineLink('/observatory/:code', { lang: 'string' });
/** The partners' local analyses (analyse des besoins sociaux, sociale omgevingsanalyse). */
export const analysesLink = defineLink('/app/observatory/analyses');
export const analysisLink = defineLink('/app/observatory/analyses/:id', { version: 'string' });
export const analysisEditLink = defineLink('/app/observatory/analyses/:id/edit');
