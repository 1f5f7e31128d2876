/**
 * The staff console (console/, React + Ant Design, built by Vite into console/dist) served at /console.
 * Client routes (/console/cases/…) fall back to index.html; hashed assets are cached for a year.
 * Without a build (`npm run build:console`, also run by `npm install` and `npm start`), /console says so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../shared/packageRoot.ts';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

export const CONSOLE_DIST = path.join(PACKAGE_ROOT, 'console/dist');

export const consoleRoutes: FastifyPluginAsync<{ distDir: string }> = async (app, opts) => {
  const index = path.join(opts.distDir, 'index.html');
  if (!existsSync(index)) {
    const missing = async (_req: unknown, reply: FastifyReply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('控制台尚未构建：请运行 npm run build:console（npm install 与 npm start 会自动构建）。');
    app.get('/console', missing);
    app.get('/console/*', missing);
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.distDir,
    prefix: '/console/',
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const shell = async (_req: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', opts.distDir);
  app.get('/console', shell);
  app.get('/console/*', async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    if (rel.startsWith('assets/')) return reply.callNotFound();
    return shell(req, reply);
  });
};
