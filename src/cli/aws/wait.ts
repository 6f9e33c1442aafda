import { xformName, type ServiceModel, type WaiterAcceptor } from '../../models/index.ts'
import { isAwsError } from '../../sim/index.ts'
import type { AwsBackend } from './backend.ts'
import { operationCommands } from './commandTable.ts'
import { getCloseMatches } from './difflib.ts'
import { argparseError, generalError, invalidChoice } from './errors.ts'
import { applyQuery } from './output/index.ts'
import { printableTimestamps } from './timestamps.ts'

/**
 * `aws <service> wait <waiter>`: botocore's waiter over the model's waiter definition (fidelity §1.18), on the
 * virtual clock: poll, match the acceptors in order, and advance the clock by `delay` seconds between polls.
 * Success prints nothing; failure is exit 255 with `Waiter <Name> failed: <reason>`.
 */
export function waiterNames(model: ServiceModel): string[] {
  return Object.keys(model.waiters).map((name) => xformName(name))
}

export function findWaiter(model: ServiceModel, service: string, word: string | undefined) {
  if (word === undefined) throw argparseError('the following arguments are required: subcommand')
  const name = Object.keys(model.waiters).find((n) => xformName(n) === word)
  if (!name) throw invalidChoice('subcommand', word, getCloseMatches(word, [...waiterNames(model), 'help']))
  const waiter = model.waiters[name]
  const command = operationCommands(service).find((c) => c.name === waiter.operation)
  if (!command) throw new Error(`Waiter ${name} polls ${waiter.operation}, which the ${service} model lacks`)
  return { name, waiter, command }
}

type Outcome = { response: unknown } | { errorCode: string; errorMessage: string }

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Whether one acceptor matches this poll, and the words botocore uses to explain it. */
function matchAcceptor(acceptor: WaiterAcceptor, outcome: Outcome): string | undefined {
  const expected = acceptor.expected
  if (acceptor.matcher === 'error') {
    const matched = 'errorCode' in outcome && (expected === true || outcome.errorCode === expected)
    return matched ? `Matched expected service error code: ${String(expected)}` : undefined
  }
  if (!('response' in outcome)) return undefined
  if (acceptor.matcher === 'status') return expected === 200 ? `Matched expected HTTP status code: ${String(expected)}` : undefined
  const found = applyQuery(outcome.response, acceptor.argument ?? '@')
  const shown = JSON.stringify(expected)
  switch (acceptor.matcher) {
    case 'path':
      return equal(found, expected) ? `For expression "${acceptor.argument}" we matched expected path: ${shown}` : undefined
    case 'pathAll':
      return Array.isArray(found) && found.length > 0 && found.every((v) => equal(v, expected))
        ? `For expression "${acceptor.argument}" all members matched excepted path: ${shown}`
        : undefined
    case 'pathAny':
      return Array.isArray(found) && found.some((v) => equal(v, expected))
        ? `For expression "${acceptor.argument}" we matched expected path: ${shown} at least once`
        : undefined
  }
}

export function runWaiter(
  backend: AwsBackend,
  service: string,
  model: ServiceModel,
  found: ReturnType<typeof findWaiter>,
  input: Record<string, unknown>,
): void {
  const { name, waiter, command } = found
  let lastAccepted: string | undefined
  for (let attempt = 1; ; attempt++) {
    let outcome: Outcome
    try {
      const response = backend.call(service, command.name, input)
      const output = model.operations[command.name].output
      outcome = { response: output ? printableTimestamps(model, output, response) : response }
    } catch (e) {
      if (!isAwsError(e)) throw e
      outcome = { errorCode: e.code, errorMessage: e.message }
    }
    let state: WaiterAcceptor['state'] | undefined
    for (const acceptor of waiter.acceptors) {
      const explanation = matchAcceptor(acceptor, outcome)
      if (explanation === undefined) continue
      state = acceptor.state
      lastAccepted = explanation
      break
    }
    if (state === 'success') return
    if (state === 'failure') throw generalError(`Waiter ${name} failed: Waiter encountered a terminal failure state: ${lastAccepted}`)
    if (state === undefined && 'errorCode' in outcome)
      throw generalError(`Waiter ${name} failed: An error occurred (${outcome.errorCode}): ${outcome.errorMessage}`)
    if (attempt >= waiter.maxAttempts)
      throw generalError(`Waiter ${name} failed: Max attempts exceeded${lastAccepted ? `. Previously accepted state: ${lastAccepted}` : ''}`)
    backend.advance(waiter.delay * 1000)
  }
}
