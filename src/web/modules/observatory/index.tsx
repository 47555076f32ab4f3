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
import type { WebModule } from '../../app/module';
import { AnalysesPage } from './analyses/AnalysesPage';
import { AnalysisEditor } from './analyses/AnalysisEditor';
import { AnalysisPage } from './analyses/AnalysisPage';
import { BoardEditor } from './boards/BoardEditor';
import { BoardPage } from './boards/BoardPage';
import { BoardsPage } from './boards/BoardsPage';
import { PublicBoardPage } from './boards/PublicBoardPage';
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
