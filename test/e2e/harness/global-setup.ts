import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { builtFiles, screenshotDir } from './paths';

/** The E2E tests drive the built app; say so plainly instead of failing on a blank page. */
export default async function globalSetup() {
  const missing = builtFiles.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`The app is not built (missing ${missing.join(', ')}). Run "npx electron-vite build" first, or "npm run test:e2e", which builds.`);
  }
  await mkdir(screenshotDir, { recursive: true });
}
