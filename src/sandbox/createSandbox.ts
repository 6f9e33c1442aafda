import { completeLine, createPrograms, diagnoseLine, emptyShellState, HOME_DIR, runShell } from '../cli/index.ts'
import { DRILLS } from '../sim/drills/index.ts'
import { defaultWorld, emptyScheduler, EPOCH_START, replaceContents, Rng, Simulation, type SimState } from '../sim/index.ts'
import { workingFiles } from './files.ts'
import { migrate } from './migrations.ts'
import { InputLog } from './inputLog.ts'
import { starterFiles } from './starterFiles.ts'
import { SNAPSHOT_SCHEMA, type ExecResult, type InputRecord, type Sandbox, type SandboxOptions, type SandboxSnapshot, type WorkingFiles } from './types.ts'

export const DEFAULT_SEED = 20260105
export const DEFAULT_ACCOUNT_ID = '123456789012'
export const DEFAULT_REGION = 'us-east-1'

/** The one door into the simulation (../shared/DESIGN.md "One engine, one door"). */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  let engine = boot(options.snapshot ? resumable(options.snapshot) : freshState(options))
  const log = new InputLog(JSON.stringify(engine.state), options.inputOffset ?? 0, options.checkpoints)

  /** Runs an input and records it (the work it took decides when the next checkpoint is due). */
  const recorded = <T>(run: () => T, input: (result: T) => InputRecord, coalesce = true): T => {
    const before = changeCount(engine)
    const result = run()
    log.append(input(result), changeCount(engine) - before, coalesce)
    if (log.due()) log.addCheckpoint(JSON.stringify(engine.state))
    return result
  }

  const files: WorkingFiles = {
    read: (path) => engine.files.read(path),
    list: () => engine.files.list(),
    write(path, text) {
      recorded(() => engine.files.write(path, text), () => ({ kind: 'write', path, text: String(text) }))
      notify()
    },
    remove(path) {
      if (engine.files.read(path) === undefined) return false
      const removed = recorded(() => engine.files.remove(path), () => ({ kind: 'remove', path }))
      notify()
      return removed
    },
  }

  const advance = (ms: number): void => {
    recorded(() => engine.sim.advance(ms), () => ({ kind: 'advance', ms: [ms] }))
    notify()
  }

  // The scheduler's queue is a min-heap on (at, seq): its first element is the earliest event.
  const nextEventAt = (): number | undefined => engine.state.scheduler.queue[0]?.at

  // Inputs given at creation are replayed as typed; a clock move stays one record, so positions match the source.
  const replayInputs = (inputs: readonly InputRecord[]) => {
    for (const input of inputs) recorded(() => apply(engine, input), (result) => copyInput(input, result), false)
  }
  replayInputs(options.inputs ?? [])

  return {
    exec(line) {
      const result = recorded(() => engine.exec(line), (r) => ({ kind: 'exec', line, ...r }))
      notify()
      return result
    },
    advance,
    now: () => engine.state.now,
    nextEventAt,
    advanceToNextEvent() {
      const at = nextEventAt()
      if (at === undefined) return false
      advance(Math.max(0, at - engine.state.now))
      return true
    },
    files,
    snapshot: () => structuredClone(engine.state),
    history: () => log.history(),
    inputs: () => log.history().inputs,
    position: () => log.end,
    rewind(position) {
      const { checkpoint, inputs } = log.resumeFrom(position)
      if (position === log.end) return
      const resumed = boot(JSON.parse(checkpoint.snapshot) as SandboxSnapshot)
      let changes = 0
      for (const input of inputs) {
        const before = changeCount(resumed)
        apply(resumed, input)
        changes += changeCount(resumed) - before
      }
      engine = resumed
      log.truncate(position, inputs.length, changes)
      notify()
    },
    replayInputs(inputs) {
      replayInputs(inputs)
      notify()
    },
    checkpoint: () => log.addCheckpoint(JSON.stringify(engine.state)),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    world: () => engine.state.world,
    complete: (line) => completeLine(line, { files: engine.files.list(), programs: Object.keys(engine.programs) }),
    diagnose: (line) => diagnoseLine(line),
  }
}

/** One sandbox's state and the simulation, shell programs and working folder wired over it. */
interface Engine {
  state: SandboxSnapshot
  sim: Simulation
  files: WorkingFiles
  programs: ReturnType<typeof createPrograms>
  exec(line: string): ExecResult
}

function boot(state: SandboxSnapshot): Engine {
  const sim = new Simulation(state as SimState)
  const files = workingFiles(state.files, () => {})
  const programs = createPrograms({
    call: (service, operation, input, caller) => sim.call(service, operation, input, caller),
    http: (request) => sim.http(request),
    docker: (operation, input) => sim.docker(operation, input, files),
    drill: (name, args) => sim.drill(name, args),
    drills: DRILLS,
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
      return sim.command(line, () => runShell(line, state.shell, programs, files))
    } catch (e) {
      replaceContents(state.files, before.files)
      replaceContents(state.shell, before.shell)
      const message = e instanceof Error ? e.message : String(e)
      return { stdout: '', stderr: `sandbox: internal error, nothing was changed: ${message.split('\n')[0]}\n`, exitCode: 255 }
    }
  }
  return { state, sim, files, programs, exec }
}

/** Runs a recorded input without recording it (replay); an exec gives back what it answered. */
function apply(engine: Engine, input: InputRecord): ExecResult | undefined {
  if (input.kind === 'exec') return engine.exec(input.line)
  if (input.kind === 'advance') for (const ms of input.ms) engine.sim.advance(ms)
  else if (input.kind === 'write') engine.files.write(input.path, input.text)
  else engine.files.remove(input.path)
}

/** The record a replayed input leaves: its own copy, with the output this run gave (the same, by determinism). */
function copyInput(input: InputRecord, result: ExecResult | undefined): InputRecord {
  if (input.kind === 'advance') return { kind: 'advance', ms: [...input.ms] }
  if (input.kind === 'exec') return { kind: 'exec', line: input.line, ...(result as ExecResult) }
  return { ...input }
}

/** Grows with every log entry and scheduled timer: a measure of the work an input did, for the checkpoint policy. */
const changeCount = (engine: Engine): number => engine.state.world.log.nextId + engine.state.scheduler.nextSeq

/** A sandbox built by replaying `inputs` from a fresh start (or `options.snapshot`): the same outputs and snapshot. */
export const replay = (inputs: readonly InputRecord[], options: Omit<SandboxOptions, 'inputs'> = {}): Sandbox => createSandbox({ ...options, inputs })

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
