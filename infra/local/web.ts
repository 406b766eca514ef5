import { fileURLToPath } from 'node:url';
import { portInUse, type RunningServer } from './listen.ts';
import type { StackInfo } from './stack.ts';

const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));

/**
 * Serves the sign-in page with Vite on 127.0.0.1, and `/config.json` with the stack's settings: the same
 * runtime config file a deployed page reads from its hosting bucket.
 */
export async function startWeb(port: number, stackInfo: () => StackInfo, portVariable?: string): Promise<RunningServer> {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: webRoot,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
    plugins: [
      {
        name: 'local-stack-config',
        configureServer(vite) {
          vite.middlewares.use('/config.json', (_request, response) => {
            const info = stackInfo();
            response.setHeader('Content-Type', 'application/json');
            response.setHeader('Cache-Control', 'no-store');
            response.end(
              JSON.stringify({
                region: info.region,
                userPoolId: info.userPoolId,
                userPoolClientId: info.userPoolClientId,
                userPoolEndpoint: info.cognitoEndpoint,
                signInMode: info.signInMode,
              }),
            );
          });
        },
      },
    ],
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw (error as Error).message?.includes('already in use')
      ? portInUse(port, 'the web page', portVariable)
      : error;
  }
  const address = server.httpServer?.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { url: `http://127.0.0.1:${actual}`, port: actual, stop: () => server.close() };
}
