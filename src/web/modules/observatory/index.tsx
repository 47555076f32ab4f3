import {
  analysesLink,
  analysisEditLink,
  analysisLink,
  boardEditLink,
  boardLink,
  boardsLink,
  indicatorLink,
  observatoryImportLink,
  observatoryLink,
  publicBoardLink,
} from '../../../common/observatory/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const AnalysesPage = lazyPage('observatory', () =>
  import('./analyses/AnalysesPage').then((m) => m.AnalysesPage),
);
const AnalysisEditor = lazyPage('observatory', () =>
  import('./analyses/AnalysisEditor').then((m) => m.AnalysisEditor),
);
const AnalysisPage = lazyPage('observatory', () =>
  import('./analyses/AnalysisPage').then((m) => m.AnalysisPage),
);
const BoardEditor = lazyPage('observatory', () => import('./boards/BoardEditor').then((m) => m.BoardEditor));
const BoardPage = lazyPage('observatory', () => import('./boards/BoardPage').then((m) => m.BoardPage));
const BoardsPage = lazyPage('observatory', () => import('./boards/BoardsPage').then((m) => m.BoardsPage));
const PublicBoardPage = lazyPage('observatory', () =>
  import('./boards/PublicBoardPage').then((m) => m.PublicBoardPage),
);
const ObservatoryPage = lazyPage('observatory', () =>
  import('./catalogue/ObservatoryPage').then((m) => m.ObservatoryPage),
);
const ImportPage = lazyPage('observatory', () => import('./import/ImportPage').then((m) => m.ImportPage));
const IndicatorPage = lazyPage('observatory', () =>
  import('./indicator/IndicatorPage').then((m) => m.IndicatorPage),
);

/**
 * The observatory of social needs (Action 3): the indicators by theme with their data and sources, an
 * indicator's map(s) and table, and the import of official files.
 */
export const observatoryModule: WebModule = {
  routes: [
    { path: observatoryLink.pattern, element: <ObservatoryPage /> },
    { path: observatoryImportLink.pattern, element: <ImportPage /> },
    { path: indicatorLink.pattern, element: <IndicatorPage /> },
    { path: boardsLink.pattern, element: <BoardsPage /> },
    { path: boardLink.pattern, element: <BoardPage /> },
    { path: boardEditLink.pattern, element: <BoardEditor /> },
    { path: analysesLink.pattern, element: <AnalysesPage /> },
    { path: analysisLink.pattern, element: <AnalysisPage /> },
    { path: analysisEditLink.pattern, element: <AnalysisEditor /> },
  ],
  // A published board, without login.
  publicRoutes: [{ path: publicBoardLink.pattern, element: <PublicBoardPage /> }],
  nav: [
    { to: observatoryLink.href(), labelId: 'observatory.nav', permission: 'observatory.view', order: 60 },
  ],
};
