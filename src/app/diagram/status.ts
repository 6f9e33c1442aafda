import type { DiagramStatus } from './types.ts'

// One table from AWS state words (any service, any case) to a colour family, so status strings are not
// scattered through the node components. Unknown words fall back to neutral rather than guessing.
const STATUS_BY_STATE: Readonly<Record<string, DiagramStatus>> = {
  available: 'ok',
  active: 'ok',
  attached: 'ok',
  associated: 'ok',
  running: 'ok',
  healthy: 'ok',
  in_use: 'ok',
  'in-use': 'ok',
  pending: 'pending',
  provisioning: 'pending',
  activating: 'pending',
  attaching: 'pending',
  associating: 'pending',
  initial: 'pending',
  creating: 'pending',
  draining: 'warning',
  deactivating: 'warning',
  deprovisioning: 'warning',
  detaching: 'warning',
  stopping: 'warning',
  unhealthy: 'error',
  failed: 'error',
  impaired: 'error',
  active_impaired: 'error',
  stopped: 'stopped',
  inactive: 'stopped',
  deleted: 'stopped',
  detached: 'stopped',
  deleting: 'stopped',
}

export function statusOf(state: string | undefined): DiagramStatus {
  if (state === undefined) return 'neutral'
  return STATUS_BY_STATE[state.toLowerCase()] ?? 'neutral'
}
