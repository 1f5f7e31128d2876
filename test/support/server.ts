/**
 * `npm start` as a test runs it: the bundled server (dist/server/main.js, rebuilt first when older than
 * src/) in its own process, resolved when it prints the portal's address.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Server {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  out: string[];
}

let built = false;

function buildOnce(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build-server.js'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/build-server.js failed: ${r.stderr}`);
  built = true;
}

export function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  buildOnce();
  const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out.join('')}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out.push(chunk.toString('utf8'));
      const m = /门户:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out.join(''));
      if (m !== null) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => out.push(c.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${String(code)}: ${out.join('')}`));
    });
  });
}

/** Stops it (SIGTERM: a clean shutdown) and waits for the exit. */
export async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}
