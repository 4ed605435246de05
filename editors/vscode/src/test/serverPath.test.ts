// Unit tests of the binary lookup and of the settings sent to the server (no VS Code needed).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findServer, type Lookup } from '../serverPath';
import { serverSettings } from '../settings';

function lookup(files: string[], over: Partial<Lookup> = {}): Lookup {
  return {
    setting: '',
    extensionPath: '/ext',
    envPath: '/usr/local/bin:/opt/dl/bin',
    platform: 'linux',
    home: '/home/ana',
    isExecutable: (f) => files.includes(f),
    ...over,
  };
}

test('the setting wins over the bundled binary and PATH', () => {
  const found = findServer(lookup(['/x/dateline', '/ext/server/dateline', '/opt/dl/bin/dateline'], { setting: '/x/dateline' }));
  assert.deepEqual(found, { path: '/x/dateline', source: 'setting' });
});

test('a setting that points nowhere is an error naming the setting, not a fallback', () => {
  const found = findServer(lookup(['/opt/dl/bin/dateline'], { setting: '/nope/dateline' }));
  assert.ok('error' in found);
  assert.match(found.error, /dateline\.server\.path/);
  assert.match(found.error, /\/nope\/dateline/);
});

test('~ in the setting is the home folder', () => {
  const found = findServer(lookup(['/home/ana/bin/dateline'], { setting: '~/bin/dateline' }));
  assert.deepEqual(found, { path: '/home/ana/bin/dateline', source: 'setting' });
});

test('the bundled binary comes before PATH', () => {
  const found = findServer(lookup(['/ext/server/dateline', '/opt/dl/bin/dateline']));
  assert.deepEqual(found, { path: '/ext/server/dateline', source: 'bundled' });
});

test('PATH is searched in order', () => {
  const found = findServer(lookup(['/opt/dl/bin/dateline']));
  assert.deepEqual(found, { path: '/opt/dl/bin/dateline', source: 'PATH' });
});

test('nothing found: the error names the setting and PATH', () => {
  const found = findServer(lookup([]));
  assert.ok('error' in found);
  assert.match(found.error, /dateline\.server\.path/);
  assert.match(found.error, /PATH/);
});

test('the server gets severity, globs and debounce, and not the editor-only keys', () => {
  const values: Record<string, unknown> = {
    enable: true,
    'server.path': '/x',
    severity: { 'denied-claim': 'error' },
    include: [],
    exclude: ['drafts/**'],
    debounceMs: 42.4,
  };
  const got = serverSettings({ get: <T>(k: string) => values[k] as T | undefined });
  assert.deepEqual(got, { severity: { 'denied-claim': 'error' }, exclude: ['drafts/**'], debounceMs: 42 });
});
