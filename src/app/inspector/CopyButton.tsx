import { useState } from 'react'

export interface CopyButtonProps {
  text: string
  /** Accessible name, e.g. "Copy command". */
  label?: string
}

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies to the clipboard when the browser allows it; otherwise says to select the text instead. */
export function CopyButton({ text, label = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle')
  const copy = async () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined
    if (!clipboard || typeof clipboard.writeText !== 'function') {
      setState('failed')
      return
    }
    try {
      await clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <>
      <button type="button" className="cs-copy-button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="cs-copy-status" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy is not available here: select the text instead' : ''}
      </span>
    </>
  )
}
