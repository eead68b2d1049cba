import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import type { BuildTimeline, StageStatus } from '../../core/buildlog/model';
import { buildInvocation, type BuildInvocation } from '../../core/buildrun/buildInvocation';
import { buildProgressMessage } from '../../core/buildrun/buildProgressMessage';
import { buildReport, type BuildReport } from '../../core/buildrun/buildReport';
import { LiveBuild, type OutputStream } from '../../core/buildrun/liveBuild';
import { buildStageGraph } from '../../core/graph/buildStageGraph';
import { Disposable } from '../disposable';
import type { DocumentGraphCache } from '../documentGraphCache';
import { buildLocation } from './buildLocation';
import type { BuildResults } from './buildResults';

/** How often a running build's state is laid onto the graph again: each time reads the whole log. */
const PUBLISH_INTERVAL_MS = 250;
/** How often a running build is shown again with nothing new printed, so elapsed times move on. */
const TICK_INTERVAL_MS = 1000;
/** How long a canceled build may take to stop after SIGINT before it is killed. */
const KILL_AFTER_MS = 5000;

/** Each state the stages of a running build were published in, for the integration tests. */
export interface PublishedState {
  outcome: BuildTimeline['outcome'] | 'mismatch';
  stages: StageStatus[];
}

/** What the last build did, for the integration tests (`_stageflow.lastBuild`). */
export interface BuildRecord {
  uri: string;
  display: string;
  cwd: string;
  published: PublishedState[];
  report: BuildReport | null;
}

/** One build process and what it has printed so far. */
interface RunningBuild {
  document: vscode.TextDocument;
  version: number;
  child: ChildProcess | null;
  live: LiveBuild;
  invocation: BuildInvocation;
  started: number;
  canceled: boolean;
  publishTimer: ReturnType<typeof setTimeout> | undefined;
  tick: ReturnType<typeof setInterval> | undefined;
  record: BuildRecord;
  progress: vscode.Progress<{ message?: string }> | undefined;
}

/**
 * Runs a Dockerfile's build when the user asks for it: `stageflow.build.command` with Stageflow's arguments, as a
 * process of its own (an argument array, no shell; nothing in the Dockerfile is run by Stageflow), its output in
 * the "Stageflow Build" output channel, a progress notification with Cancel, and the build laid onto the graph as
 * it goes (`BuildResults`). One build at a time.
 */
export class BuildRunner extends Disposable {
  private current: RunningBuild | undefined;
  private readonly runningEmitter = this.register(new vscode.EventEmitter<void>());
  /** The last build's record, kept after it ended. */
  lastRecord: BuildRecord | undefined;

  /** Fires when a build starts or ends. */
  readonly onDidChangeRunning = this.runningEmitter.event;

  constructor(
    private readonly cache: DocumentGraphCache,
    private readonly results: BuildResults,
    private readonly output: vscode.OutputChannel,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
  }

  /** The document being built, if any. */
  get building(): vscode.Uri | undefined {
    return this.current?.document.uri;
  }

  /**
   * Builds `document` for `target` (a stage name; undefined: the target chosen in the graph view or the
   * settings). Resolves when the build has ended, with what was reported, or undefined when it did not start.
   */
  async build(document: vscode.TextDocument, target?: string | null): Promise<BuildReport | undefined> {
    if (this.current) {
      void this.offerCancel(this.current.document);
      return undefined;
    }
    const refusal = this.refusal(document);
    if (refusal) {
      void vscode.window.showWarningMessage(refusal);
      return undefined;
    }
    if (document.isDirty && !(await document.save())) {
      void vscode.window.showWarningMessage(`${fileName(document.uri)} was not saved, so it was not built: docker builds the file on disk.`);
      return undefined;
    }
    if (this.current) return undefined; // Another click started a build while this one was saving.
    const settings = this.cache.settingsFor(document).build;
    const options = this.cache.getResolveOptions(document);
    const chosenTarget = target === undefined ? options.target || null : target;
    const graph = buildStageGraph(document.getText(), { ...options, target: chosenTarget ?? '' });
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri;
    const location = buildLocation(document.uri.fsPath, folder?.scheme === 'file' ? folder.fsPath : null, settings.context);
    const invocation = buildInvocation({
      command: settings.command,
      extraArgs: settings.args,
      dockerfile: location.dockerfile,
      target: chosenTarget,
      buildArgs: options.buildArgs ?? {},
      environment: process.env,
    });
    if ('error' in invocation) {
      void vscode.window.showErrorMessage(invocation.error, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'stageflow.build.command');
      });
      return undefined;
    }
    const build: RunningBuild = {
      document,
      version: document.version,
      child: null,
      live: new LiveBuild(graph),
      invocation,
      started: Date.now(),
      canceled: false,
      publishTimer: undefined,
      tick: undefined,
      record: { uri: document.uri.toString(), display: invocation.display, cwd: location.cwd, published: [], report: null },
      progress: undefined,
    };
    this.current = build;
    this.lastRecord = build.record;
    this.runningEmitter.fire();
    this.output.clear();
    this.output.appendLine(`$ ${invocation.display}`);
    this.output.appendLine(`  (in ${location.cwd})`);
    this.output.show(true);
    this.log.info(`Build of ${document.uri.toString(true)}: ${invocation.display} in ${location.cwd}`);
    this.publish(build);
    const title = `Building ${chosenTarget === null ? fileName(document.uri) : `${chosenTarget} (${fileName(document.uri)})`}`;
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => {
        build.progress = progress;
        token.onCancellationRequested(() => this.cancel());
        return this.run(build, location.cwd);
      },
    );
    this.announce(build, report);
    return report;
  }

  /** Stops the running build: SIGINT lets docker cancel it on the daemon; a build that does not stop is killed. */
  cancel(): void {
    const build = this.current;
    if (!build || build.canceled) return;
    build.canceled = true;
    this.log.info(`Build of ${build.document.uri.toString(true)}: canceled by the user.`);
    this.output.appendLine('--- canceled by the user ---');
    this.stop(build);
  }

  override dispose(): void {
    this.cancel();
    super.dispose();
  }

  private stop(build: RunningBuild): void {
    const child = build.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    const killer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.once('close', () => clearTimeout(killer));
  }

  /** Why `document` cannot be built from here (an untrusted workspace, a file not on disk), or null. */
  refusal(document: vscode.TextDocument): string | null {
    if (!vscode.workspace.isTrusted) return 'Stageflow builds only in a trusted workspace: building runs the command of stageflow.build.command.';
    if (document.isUntitled) return 'Save the Dockerfile first: docker builds a file on disk.';
    if (document.uri.scheme !== 'file') {
      return `Stageflow cannot build ${fileName(document.uri)}: it is not on this machine's disk (${document.uri.scheme}:). Building needs desktop VS Code, a remote window, or the server of \`npm start\`, with Docker installed there.`;
    }
    return null;
  }

  /** Starts the process and resolves with the report when it has ended. */
  private run(build: RunningBuild, cwd: string): Promise<BuildReport> {
    return new Promise((resolve) => {
      const { invocation } = build;
      let spawnError: string | null = null;
      let child: ChildProcess;
      try {
        child = spawn(invocation.program, invocation.args, {
          cwd,
          env: { ...process.env, ...invocation.environment },
          shell: false,
          windowsHide: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (error) {
        // spawn throws for arguments it cannot pass at all (e.g. a NUL byte in a setting).
        resolve(this.finish(build, String((error as NodeJS.ErrnoException).code ?? error), null));
        return;
      }
      build.child = child;
      if (build.canceled) this.stop(build);
      const receive = (stream: OutputStream) => (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        this.output.append(text);
        build.live.write(stream, text, Date.now());
        this.schedulePublish(build);
      };
      child.stdout?.on('data', receive('stdout'));
      child.stderr?.on('data', receive('stderr'));
      child.on('error', (error: NodeJS.ErrnoException) => {
        spawnError = error.code ?? error.message;
        this.output.appendLine(`${invocation.program}: ${error.message}`);
      });
      child.on('close', (code) => resolve(this.finish(build, spawnError, code)));
      build.tick = setInterval(() => this.publish(build), TICK_INTERVAL_MS);
    });
  }

  private finish(build: RunningBuild, spawnError: string | null, exitCode: number | null): BuildReport {
    clearTimeout(build.publishTimer);
    clearInterval(build.tick);
    const ended = Date.now();
    build.live.end(ended);
    const report = buildReport({
      program: build.invocation.program,
      args: build.invocation.args,
      spawnError,
      exitCode,
      canceled: build.canceled,
      elapsedMs: ended - build.started,
      log: build.live.log(),
      timeline: build.live.timeline(),
      printed: build.live.printedLines(),
    });
    build.record.report = report;
    this.current = undefined;
    this.publish(build, report);
    this.output.appendLine(`--- ${report.message}`);
    this.log.info(`Build of ${build.document.uri.toString(true)}: ${report.message}`);
    this.runningEmitter.fire();
    return report;
  }

  private schedulePublish(build: RunningBuild): void {
    build.publishTimer ??= setTimeout(() => {
      build.publishTimer = undefined;
      this.publish(build);
    }, PUBLISH_INTERVAL_MS);
  }

  /** Lays what the build printed so far onto the graph, for every view of the document. */
  private publish(build: RunningBuild, report: BuildReport | null = null): void {
    const timeline = build.live.timeline();
    const running = report === null;
    build.record.published.push(
      timeline.kind === 'mismatch' ? { outcome: 'mismatch', stages: [] } : { outcome: timeline.outcome, stages: timeline.stages.map((stage) => stage.status) },
    );
    this.results.set({
      uri: build.document.uri,
      version: build.version,
      graph: build.live.graph,
      timeline: timeline.kind === 'timeline' ? timeline : null,
      mismatch: timeline.kind === 'mismatch' ? timeline.message : null,
      source: { kind: 'build', command: build.invocation.display },
      running,
      report,
    });
    if (running && timeline.kind === 'timeline') build.progress?.report({ message: buildProgressMessage(timeline) });
  }

  /** Tells the user how the build ended, with the way to what they need next. */
  private announce(build: RunningBuild, report: BuildReport): void {
    const uri = build.document.uri;
    const showOutput = () => this.output.show(true);
    switch (report.kind) {
      case 'succeeded':
      case 'canceled':
        void vscode.window.showInformationMessage(report.message, 'Show Output').then((choice) => choice && showOutput());
        return;
      case 'failed': {
        const canReveal = this.results.get(uri)?.report === report && report.failure?.line != null;
        const actions = canReveal ? ['Reveal', 'Show Output'] : ['Show Output'];
        void vscode.window.showErrorMessage(report.message, ...actions).then((choice) => {
          if (choice === 'Reveal') void vscode.commands.executeCommand('stageflow.revealBuildFailure', uri);
          else if (choice) showOutput();
        });
        return;
      }
      default:
        void vscode.window.showErrorMessage(report.message, 'Open Settings', 'Show Output').then((choice) => {
          if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'stageflow.build');
          else if (choice) showOutput();
        });
    }
  }

  private async offerCancel(document: vscode.TextDocument): Promise<void> {
    const choice = await vscode.window.showWarningMessage(`A build of ${fileName(document.uri)} is running.`, 'Cancel It', 'Show Output');
    if (choice === 'Cancel It') this.cancel();
    else if (choice) this.output.show(true);
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
