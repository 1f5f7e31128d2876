/** `npm install` (prepare): builds the embedded database's template (db/pgliteTemplate.ts) unless it is there. */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { PACKAGE_ROOT } from '../shared/packageRoot.ts';
import { MIGRATIONS_FOLDER as migrations } from './migrationsFolder.ts';
import { pgliteTemplate, templateFile } from './pgliteTemplate.ts';

if (!existsSync(templateFile(migrations))) {
  await pgliteTemplate(migrations);
  process.stdout.write(`嵌入式数据库模板已构建：${path.relative(PACKAGE_ROOT, templateFile(migrations))}\n`);
}
