/** The server's settings, from environment variables, each checked with a plain message. */
import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Where the built app is (dist/, beside this server's build). */
  appDir: string;
  redisUrl: string | undefined;
  /** The address clients use, when it is not the one the server listens on (behind a proxy). */
  publicOrigin: string | undefined;
  /** Where the app is served when not by this server (a static host): its pages may use the API and sync. */
  appOrigin: string | undefined;
  /** Take the client's address from X-Forwarded-For / X-Real-IP: only behind a proxy that sets them. */
  trustProxy: boolean;
  maxMessageBytes: number;
  maxDocumentBytes: number;
  connectsPerMinute: number;
  /** How long after a change its document is compacted into one snapshot (the change is durable at once). */
  storeDelayMs: number;
}

const MiB = 1024 * 1024;

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; it is “${text}”.`);
  }
  return value;
}

function origin(name: string, text: string | undefined): string | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} must be an address such as https://sync.example.org; it is “${text}”.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must start with https:// or http://.`);
  return url.origin;
}

export function readConfig(env: NodeJS.ProcessEnv, appDir: string): Config {
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error(`REDIS_URL must start with redis:// or rediss://.`);
  return {
    host: env.HOST || '127.0.0.1',
    port: whole(env, 'PORT', 4173, 0, 65535),
    dataDir: resolve(env.DATA_DIR || 'data'),
    appDir,
    redisUrl,
    publicOrigin: origin('PUBLIC_URL', env.PUBLIC_URL),
    appOrigin: origin('APP_URL', env.APP_URL),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    maxMessageBytes: whole(env, 'MAX_MESSAGE_BYTES', 32 * MiB, 1024, 1024 * MiB),
    maxDocumentBytes: whole(env, 'MAX_DOCUMENT_BYTES', 256 * MiB, 1024, 4096 * MiB),
    connectsPerMinute: whole(env, 'CONNECTS_PER_MINUTE', 120, 1, 1_000_000),
    storeDelayMs: whole(env, 'STORE_DELAY_MS', 2000, 0, 600_000),
  };
}
