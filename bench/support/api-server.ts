/**
 * The API under test, in its own process so that the load generator does not share its event loop.
 * Started by bench/http.ts with the database and port in the environment; answers `{ ready, port }` over IPC
 * once listening and closes the app on 'close'.
 */
import 'reflect-metadata';

type App = {
  listen(port: number, host?: string): Promise<unknown>;
  close(): Promise<void>;
  getHttpServer?(): { listening?: boolean };
};

const send = (message: unknown) => process.send?.(message);

async function main(): Promise<void> {
  const bootstrap = process.env.BENCH_API_BOOTSTRAP!;
  const port = Number(process.env.PORT);
  const settings = { databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR, port, logLevel: process.env.LOG_LEVEL };
  const { createApp } = (await import(bootstrap)) as { createApp: (options: unknown) => Promise<App> };
  // both shapes: the planned `{ databaseUrl, dataDir, port }` and the current `{ config: Partial<PlatformConfig> }`
  const app = await createApp({ ...settings, config: settings });
  if (!app.getHttpServer?.()?.listening) await app.listen(port, '127.0.0.1');
  process.on('message', (message) => {
    if (message === 'close') {
      void app.close().finally(() => process.exit(0));
    }
  });
  send({ ready: true, port });
}

main().catch((err) => {
  console.error('api-server failed:', err);
  send({ ready: false, error: String((err as Error)?.stack ?? err) });
  process.exit(1);
});
