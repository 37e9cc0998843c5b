/**
 * Runs the app on a real socket with @hono/node-server. Binds loopback unless told otherwise: the API
 * can ingest and fetch URLs, which is nobody else's business on the network.
 * @packageDocumentation
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Newsroom } from '../service/types.js';
import { type AppOptions, createApp } from './app.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends AppOptions {
  newsroom: Newsroom;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port; `0` (the default) picks a free one. */
  port?: number;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port` with the port actually bound. */
  url: string;
  host: string;
  port: number;
  /** Stops accepting connections and resolves when the server is closed (the newsroom stays open). */
  close(): Promise<void>;
}

/**
 * Starts the HTTP server and resolves once it listens. It answers loopback host names, the host it binds
 * and {@link AppOptions.allowedHosts}; any other `Host` header gets a 403.
 * @example const server = await startServer({ newsroom, port: 0 }); console.log(server.url);
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const { newsroom, host = '127.0.0.1', port = 0, ...appOptions } = options;
  // The interface bound names itself: `--host 10.0.0.5` answers `Host: 10.0.0.5`. A wildcard names nothing.
  const named = host === '0.0.0.0' || host === '::' ? [] : [host.includes(':') ? `[${host}]` : host];
  const app = createApp(newsroom, {
    ...appOptions,
    allowedHosts: [...(appOptions.allowedHosts ?? []), ...named],
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', reject);
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        host: info.address,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
