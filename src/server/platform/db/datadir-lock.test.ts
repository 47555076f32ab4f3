import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './datadir-lock';

describe('one process per embedded data folder', () => {
  it('refuses a folder held by another live process, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samen-lock-'));
    // The parent process is alive for the duration of the test.
    writeFileSync(join(dir, 'samen.pid'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(String(process.ppid));
  });

  it('takes over a lock left by a process that died, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samen-lock-'));
    writeFileSync(join(dir, 'samen.pid'), '999999999');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'samen.pid'), 'utf8')).toBe(String(process.pid));
    release();
    const again = lockDataDir(dir);
    again();
  });
});
