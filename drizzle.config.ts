import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the default export.
// eslint-disable-next-line no-restricted-syntax
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/register/schema.ts', './src/appeals/schema.ts', './src/report/build/schema.ts'],
  out: './drizzle',
});
