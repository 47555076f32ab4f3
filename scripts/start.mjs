// `npm start`: builds the web app when its sources changed, then runs the server (TypeScript through
// tsx, in this process) on the embedded database unless DATABASE_URL is set.
import { ensureWebBuilt } from './web-build.mjs';

if (!process.env.WEB_DIR) ensureWebBuilt();
const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
