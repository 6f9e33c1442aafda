import { useMemo } from 'react'
import { encodeQr, qrSvg } from '../../course/quiz/qr/index.ts'

/**
 * The result code as a QR code, so a learner can hand it over by showing a phone or a printout; also downloadable as
 * an SVG file. Drawn from the same encoder the tests read back (src/course/quiz/qr).
 */
export function ResultQr({ code, learner }: { code: string; learner: string }) {
  const svg = useMemo(() => {
    try {
      return qrSvg(encodeQr(code), `QR code of ${learner}'s result code`)
    } catch {
      return undefined
    }
  }, [code, learner])
  if (!svg) return <p>This result code is too long for a QR code; copy it as text instead.</p>
  const href = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  const file = `quiz-result-${learner.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '') || 'code'}.svg`
  return (
    <figure className="quiz-qr">
      <img src={href} alt={`QR code of the result code for ${learner}`} width={220} height={220} />
      <figcaption>
        <a className="btn" href={href} download={file}>
          Download the QR code (SVG)
        </a>
      </figcaption>
    </figure>
  )
}
