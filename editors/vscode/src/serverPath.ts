/**
 * Finds the `dateline` binary the extension starts: the `dateline.server.path` setting, else the binary
 * bundled in the extension, else `dateline` on PATH. Pure (the file system is passed in), so it is unit-tested.
 */
import * as path from 'node:path';

export type Source = 'setting' | 'bundled' | 'PATH';

export interface Found {
  path: string;
  source: Source;
}

export interface Lookup {
  /** The `dateline.server.path` setting, "" when unset. */
  setting: string;
  /** The extension's install folder; a bundled binary lives in `server/` below it. */
  extensionPath: string;
  /** The PATH environment variable. */
  envPath: string;
  platform: NodeJS.Platform;
  home: string;
  isExecutable(file: string): boolean;
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'dateline.exe' : 'dateline';
}

function expandHome(file: string, home: string): string {
  if (file === '~') {
    return home;
  }
  if (file.startsWith('~/') || file.startsWith('~\\')) {
    return path.join(home, file.slice(2));
  }
  return file;
}

/** The binary to start, or an error message that tells the user what to do. */
export function findServer(l: Lookup): Found | { error: string } {
  const setting = l.setting.trim();
  if (setting !== '') {
    const file = expandHome(setting, l.home);
    if (l.isExecutable(file)) {
      return { path: file, source: 'setting' };
    }
    return {
      error:
        `Dateline: the setting dateline.server.path is "${setting}", which is not an executable file. ` +
        'Point it at the dateline binary (built with `cargo build --release`), or clear it to use dateline on PATH.',
    };
  }
  const name = binaryName(l.platform);
  const bundled = path.join(l.extensionPath, 'server', name);
  if (l.isExecutable(bundled)) {
    return { path: bundled, source: 'bundled' };
  }
  const separator = l.platform === 'win32' ? ';' : ':';
  for (const dir of l.envPath.split(separator)) {
    if (dir === '') {
      continue;
    }
    const candidate = path.join(dir, name);
    if (l.isExecutable(candidate)) {
      return { path: candidate, source: 'PATH' };
    }
  }
  return {
    error:
      'Dateline: no dateline binary found. Set dateline.server.path to the binary ' +
      '(built with `cargo build --release`), or put dateline on PATH.',
  };
}
