import type { InputRecord } from '../../sandbox/types.ts'
import type { ConsoleEntry } from '../state/types.ts'

/**
 * The audience window and the presenter's window talk over one BroadcastChannel (same origin only, so nothing leaves
 * the machine). The presenter's inputs travel, not its world: the audience replays them into its own sandbox, which
 * gives the same world byte for byte (same start, same inputs; DESIGN.md "One engine, one door").
 */
export const AUDIENCE_CHANNEL = 'container-sandbox.audience'

/** What the presenter shows besides the world: the console transcript (when it changed) and the selected resource. */
export interface AudienceExtras {
  log?: ConsoleEntry[]
  selectedId: string | null
}

export type AudienceMessage =
  /** Audience → presenter: send me the whole session (a window opened, or it missed a step). */
  | { kind: 'hello' }
  /** Presenter → audience: a window of the presenter's just opened (audience windows answer with hello). */
  | { kind: 'presenter' }
  /** The whole session: where the shown sandbox's log starts (a snapshot as JSON text, at `offset`) and every input since. */
  | ({ kind: 'sync'; epoch: number; checkpoint: string; offset: number; inputs: InputRecord[] } & AudienceExtras)
  /**
   * The inputs from position `from` on. The first may be one sent before that has grown since (a playing clock adds
   * its moves to one record), so the audience applies only what it has not applied yet.
   */
  | ({ kind: 'tail'; epoch: number; from: number; inputs: InputRecord[] } & AudienceExtras)

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** A message as received: anything else on the channel is ignored, never trusted. */
export function asAudienceMessage(data: unknown): AudienceMessage | undefined {
  if (!isRecord(data)) return undefined
  switch (data.kind) {
    case 'hello':
    case 'presenter':
      return data as AudienceMessage
    case 'sync':
      return typeof data.epoch === 'number' && typeof data.checkpoint === 'string' && typeof data.offset === 'number' && Array.isArray(data.inputs)
        ? (data as AudienceMessage)
        : undefined
    case 'tail':
      return typeof data.epoch === 'number' && typeof data.from === 'number' && Array.isArray(data.inputs) ? (data as AudienceMessage) : undefined
    default:
      return undefined
  }
}

/** The two ends of a channel the audience code needs (a BroadcastChannel, or a pair of fakes in tests). */
export interface AudiencePort {
  post(message: AudienceMessage): void
  listen(handler: (message: AudienceMessage) => void): () => void
}

/** The page's BroadcastChannel as a port; undefined where the browser has none (the audience window then says so). */
export function broadcastPort(): (AudiencePort & { close(): void }) | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined
  const channel = new BroadcastChannel(AUDIENCE_CHANNEL)
  return {
    post: (message) => channel.postMessage(message),
    listen(handler) {
      const onMessage = (e: MessageEvent) => {
        const message = asAudienceMessage(e.data)
        if (message) handler(message)
      }
      channel.addEventListener('message', onMessage)
      return () => channel.removeEventListener('message', onMessage)
    },
    close: () => channel.close(),
  }
}
