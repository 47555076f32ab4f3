import { indicatorLink, observatoryImportLink, observatoryLink } from '../../../common/observatory/links';
import type { WebModule } from '../../app/module';
import { ObservatoryPage } from './catalogue/ObservatoryPage';
import { ImportPage } from './import/ImportPage';
import { IndicatorPage } from './indicator/IndicatorPage';

/**
 * The observatory of social needs (Action 3): the indicators by theme with their data and sources, an
 * indicator's map(s) and table, and the import of official files.
 */
export const observatoryModule: WebModule = {
  routes: [
    { path: observatoryLink.pattern, element: <ObservatoryPage /> },
    { path: observatoryImportLink.pattern, element: <ImportPage /> },
    { path: indicatorLink.pattern, element: <IndicatorPage /> },
  ],
  nav: [
    { to: observatoryLink.href(), labelId: 'observatory.nav', permission: 'observatory.view', order: 60 },
  ],
};
