import { completeLine, createPrograms, diagnoseLine, emptyShellState, HOME_DIR, runShell } from '../cli/index.ts'
import { defaultWorld, emptyScheduler, EPOCH_START, replaceContents, Rng, Simulation, type SimState } from '../sim/index.ts'
import { workingFiles } from './files.ts'
import { migrate } from './migrations.ts'
import { starterFiles } from './starterFiles.ts'
import { SNAPSHOT_SCHEMA, type ExecResult, type Sandbox, type SandboxOptions, type SandboxSnapshot } from './types.ts'

export const DEFAULT_SEED = 20260105
export const DEFAULT_ACCOUNT_ID = '123456789012'
export const DEFAULT_REGION = 'us-east-1'

/** The one door into the simulation (../shared/DESIGN.md "One engine, one door"). */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const state: SandboxSnapshot = options.snapshot ? resumable(options.snapshot) : freshState(options)
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  const sim = new Simulation(state as SimState)
  const files = workingFiles(state.files, notify)
  const programs = createPrograms({
    call: (service, operation, input) => sim.call(service, operation, input),
    http: (request) => sim.http(request),
    advance: (ms) => sim.advance(ms),
    now: () => state.now,
    accountId: state.world.accountId,
    region: state.world.region,
  })

  const exec = (line: string): ExecResult => {
    // Commands are atomic even when something inside breaks (house rule 4): the simulation undoes its own
    // changes; the shell's and the working folder's are small enough to copy every time.
    const { shell } = state
    const before = { files: { ...state.files }, shell: { ...shell, vars: { ...shell.vars }, exported: [...shell.exported], history: [...shell.history] } }
    try {
      return sim.transaction(() => runShell(line, state.shell, programs, files))
    } catch (e) {
      replaceContents(state.files, before.files)
      replaceContents(state.shell, before.shell)
      const message = e instanceof Error ? e.message : String(e)
      return { stdout: '', stderr: `sandbox: internal error, nothing was changed: ${message.split('\n')[0]}\n`, exitCode: 255 }
    } finally {
      notify()
    }
  }

  return {
    exec,
    advance(ms) {
      sim.advance(ms)
      notify()
    },
    now: () => state.now,
    files,
    snapshot: () => structuredClone(state),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    world: () => state.world,
    complete: (line) => completeLine(line, { files: files.list(), programs: Object.keys(programs) }),
    diagnose: (line) => diagnoseLine(line),
  }
}

function freshState(options: SandboxOptions): SandboxSnapshot {
  const seed = options.seed ?? DEFAULT_SEED
  const rng = Rng.fromSeed(seed)
  const world = defaultWorld(rng, {
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    region: options.region ?? DEFAULT_REGION,
    createdAt: EPOCH_START,
  })
  return {
    schema: SNAPSHOT_SCHEMA,
    seed,
    now: EPOCH_START,
    rng: rng.state,
    scheduler: emptyScheduler(),
    world,
    files: starterFiles(world),
    shell: emptyShellState({ AWS_DEFAULT_REGION: world.region, HOME: HOME_DIR, USER: 'cloudshell-user' }),
  }
}

/**
 * A copy of a stored snapshot brought up to this version's schema (migrations.ts), refused with a clear message when
 * it is not one this version can resume.
 */
function resumable(snapshot: SandboxSnapshot): SandboxSnapshot {
  const s = snapshot as Partial<SandboxSnapshot> | null
  if (!s || typeof s !== 'object') throw new Error('Not a sandbox snapshot')
  for (const key of ['now', 'rng', 'scheduler', 'world', 'files', 'shell'] as const)
    if (s[key] === undefined) throw new Error(`Snapshot is missing "${key}"`)
  return migrate(structuredClone(snapshot) as unknown as Record<string, unknown>)
}
