/**
 * The diagram's own remembered choices (today: "Follow changes"), kept in the browser's localStorage so a learner's
 * choice survives a reload. Tiny on purpose: the app store is being rewritten elsewhere, and these are view settings
 * of this panel only. Storage can be missing or refuse writes (private windows, tests): then the default holds.
 */
const FOLLOW_KEY = 'container-sandbox.diagram.follow'

/** "Follow changes" is on unless the learner turned it off: watching what each command did is the point. */
export const FOLLOW_DEFAULT = true

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export function loadFollow(): boolean {
  const saved = storage()?.getItem(FOLLOW_KEY)
  return saved === null || saved === undefined ? FOLLOW_DEFAULT : saved === 'on'
}

export function saveFollow(on: boolean): void {
  try {
    storage()?.setItem(FOLLOW_KEY, on ? 'on' : 'off')
  } catch {
    // Quota or a locked-down storage: the choice lasts for this page only.
  }
}
