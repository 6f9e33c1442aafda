import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { costMeter, type CostLine } from '../../sandbox/views.ts'
import { useApp } from '../state/context.tsx'

/** Dollars as a bill shows small amounts: four decimals under a dollar, two above. */
export const usd = (amount: number) => `$${amount.toFixed(amount < 1 ? 4 : 2)}`
const hours = (h: number | undefined) => (h ?? 0).toFixed(2)

/** The lines shown at once; the rest are counted. */
const SHOWN = 50

function lineText(line: CostLine): string {
  if (line.kind === 'ec2') return `${hours(line.instanceHours)} instance-hours`
  return `${hours(line.vcpuHours)} vCPU-hours, ${hours(line.gbHours)} GB-hours`
}

/**
 * The status bar's cost meter: what the account has cost so far on the virtual clock (the sandbox's `costMeter` view,
 * us-east-1 On-Demand prices), and, on request, the per-resource lines — EC2 instances paid while running, used or
 * not, beside Fargate tasks paid only while they run. A disclosure button and a non-modal popover: Escape or the
 * button closes it and focus returns to the button.
 */
export function CostMeter() {
  const world = useApp((s) => s.world)
  const now = useApp((s) => s.now)
  const meter = useMemo(() => (world ? costMeter(world, now) : undefined), [world, now])
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const popoverId = useId()

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])

  if (!meter) return null
  return (
    <div className="cost-meter">
      <button
        ref={button}
        type="button"
        className="btn btn-toolbar"
        aria-expanded={open}
        aria-controls={popoverId}
        aria-label={`Cost so far: ${usd(meter.totalUsd)}`}
        onClick={() => setOpen(!open)}
      >
        <span className="label-long">Cost so far </span>
        <span className="cost-meter-total">{usd(meter.totalUsd)}</span>
      </button>
      {open && (
        <section id={popoverId} className="cost-meter-popover" aria-label="Cost so far, per resource">
          <h2 className="cost-meter-heading">Cost so far</h2>
          <dl className="cost-meter-totals">
            <dt>EC2 instances (paid while running, used or not)</dt>
            <dd>
              {usd(meter.ec2Usd)} · {hours(meter.ec2InstanceHours)} instance-hours
            </dd>
            <dt>Fargate tasks (paid only while they run)</dt>
            <dd>
              {usd(meter.fargateUsd)} · {hours(meter.fargateVcpuHours)} vCPU-hours, {hours(meter.fargateGbHours)} GB-hours
            </dd>
          </dl>
          {meter.lines.length === 0 ? (
            <p>Nothing billed yet: no instance has run and no Fargate task has started.</p>
          ) : (
            <ul className="cost-meter-lines" aria-label="Per resource">
              {meter.lines.slice(0, SHOWN).map((line) => (
                <li key={line.resourceId}>
                  <span className="cost-meter-resource">{line.resourceId.split('/').pop()}</span> {line.label}: {usd(line.usd)} ({lineText(line)})
                  {line.billing ? ' — billing now' : ''}
                </li>
              ))}
              {meter.lines.length > SHOWN && <li>and {meter.lines.length - SHOWN} more</li>}
            </ul>
          )}
          <p className="cost-meter-source">
            {meter.prices.region} On-Demand prices, Linux, recorded {meter.prices.recorded} ({meter.prices.ec2Source}, {meter.prices.fargateSource}).
          </p>
        </section>
      )}
    </div>
  )
}
