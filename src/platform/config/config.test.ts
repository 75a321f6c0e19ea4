import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to embedded PGlite in ./.wayline on port 3000 with the demo company', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toMatchObject({ kind: 'pglite' });
    expect(c.database.kind === 'pglite' && c.database.dataDir.endsWith('.wayline/pgdata')).toBe(true);
    expect(c.demo).toBe(true);
    expect(c.timeZone).toBe('Asia/Shanghai');
  });

  it('switches to PostgreSQL with DATABASE_URL and honours PORT and WAYLINE_DATA_DIR', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/d',
      PORT: '8080',
      WAYLINE_DATA_DIR: '/srv/wl',
      WAYLINE_DEMO: 'no',
    });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d' });
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe('/srv/wl');
    expect(c.demo).toBe(false);
  });

  it('stops with a message naming every wrong setting', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WAYLINE_DEMO: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('DATABASE_URL="mysql://x"');
    expect(message).toContain('WAYLINE_DEMO="maybe"');
    expect(() => loadConfig({ WAYLINE_TIME_ZONE: 'Mars/Olympus' })).toThrow(/WAYLINE_TIME_ZONE/);
  });
});
