import path from 'node:path';
import { PACKAGE_ROOT } from '../shared/packageRoot.ts';

/** The SQL migrations (drizzle/), applied in order to both engines. */
export const MIGRATIONS_FOLDER = path.join(PACKAGE_ROOT, 'drizzle');
