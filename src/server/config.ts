/** Configuration from the environment, read in one place (README lists every variable). */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects PostgreSQL; otherwise the embedded SQLite file under dataDir */
  databaseUrl: string | null;
  nodeEnv: 'production' | 'development' | 'test';
  profileDir: string;
  /** minutes of inactivity after which a session ends */
  sessionIdleMinutes: number;
  logLevel: string;
  /** optional map tile URL template for the web console (e.g. 天地图 WMTS); offline GeoJSON otherwise */
  tileUrl: string | null;
  /** serve the built web app from here when it exists */
  webDir: string;
}

export class ConfigError extends Error {}

function intFrom(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  const nodeEnv = nodeEnvRaw === 'production' || nodeEnvRaw === 'test' ? nodeEnvRaw : 'development';
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite database)');
  }
  return {
    port: intFrom(env.PORT, 8080, 'PORT', 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(cwd, env.CITYOPS_DATA_DIR?.trim() || './data'),
    databaseUrl,
    nodeEnv,
    profileDir: path.resolve(cwd, env.CITYOPS_PROFILE?.trim() || './profiles/dongping'),
    sessionIdleMinutes: intFrom(env.CITYOPS_SESSION_IDLE_MINUTES, 30, 'CITYOPS_SESSION_IDLE_MINUTES', 1, 24 * 60),
    logLevel: env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info'),
    tileUrl: env.CITYOPS_TILE_URL?.trim() || null,
    webDir: path.resolve(cwd, env.CITYOPS_WEB_DIR?.trim() || './dist/web'),
  };
}
