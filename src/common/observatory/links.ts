import { defineLink } from '../kernel/links';

/** The observatory's pages. */
export const observatoryLink = defineLink('/app/observatory', { theme: 'string' });
export const observatoryImportLink = defineLink('/app/observatory/import');
export const indicatorLink = defineLink('/app/observatory/indicators/:code', {
  period: 'string',
  method: 'string',
  group: 'string',
});
