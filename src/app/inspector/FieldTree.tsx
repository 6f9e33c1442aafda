import { memo, useState } from 'react'

export interface FieldTreeProps {
  value: unknown
  /** Accessible name of the tree, e.g. "Fields of subnet-0abc…". */
  label: string
  /** Objects and arrays deeper than this start collapsed. */
  openDepth?: number
}

type Scalar = string | number | boolean | null | undefined

const isBranch = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null

function ScalarValue({ value }: { value: Scalar }) {
  if (typeof value === 'string') return <span className="cs-field-string">&quot;{value}&quot;</span>
  if (typeof value === 'number') return <span className="cs-field-number">{String(value)}</span>
  if (typeof value === 'boolean') return <span className="cs-field-boolean">{String(value)}</span>
  return <span className="cs-field-null">{value === null ? 'null' : 'undefined'}</span>
}

function summary(value: Record<string, unknown> | unknown[]): string {
  if (Array.isArray(value)) return value.length === 0 ? '[ ]' : `[${value.length}]`
  const n = Object.keys(value).length
  return n === 0 ? '{ }' : `{${n}}`
}

function Field({ name, value, depth, openDepth }: { name: string; value: unknown; depth: number; openDepth: number }) {
  const branch = isBranch(value)
  const empty = branch && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)
  const [open, setOpen] = useState(depth < openDepth)
  if (!branch || empty) {
    return (
      <li className="cs-field">
        <span className="cs-field-name">{name}</span>
        <span className="cs-field-sep">: </span>
        {branch ? <span className="cs-field-null">{summary(value)}</span> : <ScalarValue value={value as Scalar} />}
      </li>
    )
  }
  return (
    <li className="cs-field">
      <button type="button" className="cs-field-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="cs-field-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="cs-field-name">{name}</span>
        <span className="cs-field-summary"> {summary(value)}</span>
      </button>
      {open && <Fields value={value} depth={depth + 1} openDepth={openDepth} />}
    </li>
  )
}

function Fields({ value, depth, openDepth }: { value: Record<string, unknown> | unknown[]; depth: number; openDepth: number }) {
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  return (
    <ul className="cs-fields">
      {entries.map(([k, v]) => (
        <Field key={k} name={k} value={v} depth={depth} openDepth={openDepth} />
      ))}
    </ul>
  )
}

/** A JSON value as an expandable tree: objects and arrays collapse, scalars are coloured by type. */
function FieldTreeView({ value, label, openDepth = 2 }: FieldTreeProps) {
  return (
    <div className="cs-field-tree" role="group" aria-label={label}>
      {isBranch(value) ? <Fields value={value} depth={0} openDepth={openDepth} /> : <ScalarValue value={value as Scalar} />}
    </div>
  )
}

export const FieldTree = memo(FieldTreeView)
