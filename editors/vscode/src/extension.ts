/**
 * The Dateline extension: starts `dateline lsp` through vscode-languageclient for the Markdown and text
 * files of a workspace that holds a `dateline.toml` (or has `dateline.enable` set), forwards the settings,
 * and adds the commands "Dateline: Restart server" and "Dateline: Show denied claims".
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { showDeniedClaims } from './denied';
import { binaryName, findServer } from './serverPath';
import { serverSettings } from './settings';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let extensionPath = '';

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** A zip may lose the executable bit of the bundled binary: give it back when the file is there. */
function restoreBundledMode(): void {
  if (process.platform === 'win32') {
    return;
  }
  const bundled = path.join(extensionPath, 'server', binaryName(process.platform));
  try {
    if (fs.statSync(bundled).isFile() && !isExecutable(bundled)) {
      fs.chmodSync(bundled, 0o755);
    }
  } catch {
    // no bundled binary: the setting or PATH is used
  }
}

async function wanted(): Promise<boolean> {
  if (vscode.workspace.getConfiguration('dateline').get<boolean>('enable')) {
    return true;
  }
  const markers = await vscode.workspace.findFiles('**/dateline.toml', '**/node_modules/**', 1);
  return markers.length > 0;
}

async function start(): Promise<void> {
  if (client) {
    return;
  }
  const config = vscode.workspace.getConfiguration('dateline');
  restoreBundledMode();
  const found = findServer({
    setting: config.get<string>('server.path') ?? '',
    extensionPath,
    envPath: process.env.PATH ?? '',
    platform: process.platform,
    home: os.homedir(),
    isExecutable,
  });
  if ('error' in found) {
    output.error(found.error);
    const choice = await vscode.window.showErrorMessage(found.error, 'Open Settings');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'dateline.server.path');
    }
    return;
  }
  output.info(`Starting ${found.path} lsp (from ${found.source})`);
  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['lsp'],
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      // the corpus's settings: its mistakes are shown as it is typed, and saving it reloads the corpus
      { scheme: 'file', pattern: '**/dateline.toml' },
    ],
    initializationOptions: serverSettings(config),
    outputChannel: output,
    markdown: { isTrusted: false, supportHtml: false },
  };
  const created = new LanguageClient('dateline', 'Dateline', serverOptions, clientOptions);
  client = created;
  try {
    await created.start();
  } catch (err) {
    client = undefined;
    const message = `Dateline: the server ${found.path} did not start: ${String(err)}`;
    output.error(message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop().catch((err: unknown) => output.warn(`stopping the server: ${String(err)}`));
  }
}

async function restart(): Promise<void> {
  await stop();
  if (await wanted()) {
    await start();
  } else {
    void vscode.window.showInformationMessage(
      'Dateline: this workspace has no dateline.toml; set dateline.enable to use Dateline here.',
    );
  }
}

async function configurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
  if (e.affectsConfiguration('dateline.server.path')) {
    await restart();
    return;
  }
  if (e.affectsConfiguration('dateline.enable')) {
    if (await wanted()) {
      await start();
    } else {
      await stop();
    }
    return;
  }
  if (e.affectsConfiguration('dateline') && client) {
    const settings = serverSettings(vscode.workspace.getConfiguration('dateline'));
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { dateline: settings } });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('Dateline', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('dateline.restartServer', restart),
    vscode.commands.registerCommand('dateline.showDeniedClaims', showDeniedClaims),
    vscode.workspace.onDidChangeConfiguration(configurationChanged),
    vscode.workspace.onDidChangeWorkspaceFolders(async () => {
      if (!client && (await wanted())) {
        await start();
      }
    }),
  );
  const watcher = vscode.workspace.createFileSystemWatcher('**/dateline.toml', false, true, true);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(async () => {
      if (!client) {
        await start();
      }
    }),
  );
  if (await wanted()) {
    await start();
  }
}

export async function deactivate(): Promise<void> {
  await stop();
}
