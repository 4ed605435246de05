/**
 * The settings the server reads (severity, include, exclude, debounceMs), taken from the `dateline`
 * configuration section; keys the server does not know (enable, server.path, trace) are left out.
 */
export interface ServerSettings {
  severity?: Record<string, string>;
  include?: string[];
  exclude?: string[];
  debounceMs?: number;
}

/** Anything with `get(key)`, like `vscode.WorkspaceConfiguration`. */
export interface Section {
  get<T>(key: string): T | undefined;
}

export function serverSettings(section: Section): ServerSettings {
  const out: ServerSettings = {};
  const severity = section.get<Record<string, string>>('severity');
  if (severity && Object.keys(severity).length > 0) {
    out.severity = { ...severity };
  }
  const include = section.get<string[]>('include');
  if (Array.isArray(include) && include.length > 0) {
    out.include = [...include];
  }
  const exclude = section.get<string[]>('exclude');
  if (Array.isArray(exclude) && exclude.length > 0) {
    out.exclude = [...exclude];
  }
  const debounce = section.get<number>('debounceMs');
  if (typeof debounce === 'number' && Number.isFinite(debounce)) {
    out.debounceMs = Math.max(0, Math.round(debounce));
  }
  return out;
}
