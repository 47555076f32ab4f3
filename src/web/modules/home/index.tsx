import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const HomePage = lazyPage('home', () => import('./HomePage').then((m) => m.HomePage));

export const homeModule: WebModule = { publicRoutes: [{ path: '/', element: <HomePage /> }] };
