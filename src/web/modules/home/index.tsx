import type { WebModule } from '../../app/module';
import { HomePage } from './HomePage';

export const homeModule: WebModule = { publicRoutes: [{ path: '/', element: <HomePage /> }] };
