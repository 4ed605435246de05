/**
 * "Dateline: Show denied claims": every denied claim the server reported, in every article (open or not),
 * in a quick pick that opens the claim.
 */
import * as vscode from 'vscode';

const CODES = new Set(['denied-claim', 'repeats-denied-claim']);

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) {
    return undefined;
  }
  if (typeof code === 'object') {
    return String(code.value);
  }
  return String(code);
}

interface Item extends vscode.QuickPickItem {
  uri: vscode.Uri;
  range: vscode.Range;
}

export function deniedClaims(): Item[] {
  const items: Item[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) {
      const code = codeOf(d);
      if (d.source !== 'dateline' || code === undefined || !CODES.has(code)) {
        continue;
      }
      const [first] = d.message.split('\n');
      items.push({
        label: `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1}`,
        description: code === 'repeats-denied-claim' ? 'repeated after the denial' : undefined,
        detail: first,
        uri,
        range: d.range,
      });
    }
  }
  items.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return items;
}

export async function showDeniedClaims(): Promise<void> {
  const items = deniedClaims();
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Dateline: no denied claims reported in this workspace.');
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `Dateline: ${items.length} denied claim${items.length === 1 ? '' : 's'}`,
    matchOnDetail: true,
    placeHolder: 'Open a denied claim',
  });
  if (picked) {
    await vscode.window.showTextDocument(picked.uri, { selection: picked.range });
  }
}
