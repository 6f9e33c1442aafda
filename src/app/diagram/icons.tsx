import type { ReactElement } from 'react'
import type { DiagramKind } from './types.ts'

// Our own simple drawings, coloured in the spirit of AWS architecture diagrams (not AWS's icon files).
// Each is a 20×20 SVG stroked with currentColor; the node's CSS class picks the colour.
const ICONS: Record<DiagramKind, ReactElement> = {
  Region: (
    <>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2.5 2.2 2.5 12.8 0 15M10 2.5c-2.5 2.2-2.5 12.8 0 15" />
    </>
  ),
  VPC: <path d="M5.5 15.5h9.5a3.2 3.2 0 0 0 .4-6.4 4.8 4.8 0 0 0-9.2-1A3.7 3.7 0 0 0 5.5 15.5z" />,
  'Availability Zone': <rect x="3" y="3" width="14" height="14" rx="1.5" strokeDasharray="3 2" />,
  Subnet: (
    <>
      <rect x="4" y="9" width="12" height="8" rx="1.5" />
      <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
    </>
  ),
  'Internet gateway': (
    <>
      <path d="M4 17V8a6 6 0 0 1 12 0v9" />
      <path d="M10 6v8M7 11l3 3 3-3" />
    </>
  ),
  'Security group': <path d="M10 2.5l6 2.2v5c0 3.8-2.6 6.5-6 7.8-3.4-1.3-6-4-6-7.8v-5z" />,
  'IAM role': (
    <>
      <circle cx="10" cy="7" r="3.2" />
      <path d="M3.8 17.5a6.2 6.2 0 0 1 12.4 0" />
    </>
  ),
  'ECR repository': (
    <>
      <rect x="3" y="4" width="14" height="4" rx="1" />
      <rect x="3" y="8" width="14" height="4" rx="1" />
      <rect x="3" y="12" width="14" height="4" rx="1" />
    </>
  ),
  'ECS cluster': (
    <>
      <rect x="2.5" y="2.5" width="6.5" height="6.5" rx="1" />
      <rect x="11" y="2.5" width="6.5" height="6.5" rx="1" />
      <rect x="2.5" y="11" width="6.5" height="6.5" rx="1" />
      <rect x="11" y="11" width="6.5" height="6.5" rx="1" />
    </>
  ),
  'ECS service': (
    <>
      <rect x="3" y="5" width="9" height="9" rx="1" />
      <path d="M15 7.5v8.5H6.5" />
      <path d="M17.5 10v8.5H9" />
    </>
  ),
  // A gauge: how full the capacity is (CapacityProviderReservation).
  'Capacity provider': (
    <>
      <path d="M3 14.5a7 7 0 0 1 14 0" />
      <path d="M10 14.5l3.5-4.5M3 17.5h14" />
    </>
  ),
  'Network interface': (
    <>
      <rect x="3" y="6" width="14" height="9" rx="1.5" />
      <path d="M6 15v2.5M10 15v2.5M14 15v2.5M7 9.5h6" />
    </>
  ),
  Task: (
    <>
      <path d="M10 2.5l7 3.8v7.4l-7 3.8-7-3.8V6.3z" />
      <path d="M3 6.3l7 3.8 7-3.8M10 10.1v7.4" />
    </>
  ),
  Container: (
    <>
      <rect x="3" y="5" width="14" height="10" rx="1" />
      <path d="M6.5 5v10M10 5v10M13.5 5v10" />
    </>
  ),
  'Load balancer': (
    <>
      <circle cx="4.5" cy="10" r="2" />
      <circle cx="15.5" cy="4.5" r="2" />
      <circle cx="15.5" cy="10" r="2" />
      <circle cx="15.5" cy="15.5" r="2" />
      <path d="M6.5 10h7M6.2 9l7.5-3.6M6.2 11l7.5 3.6" />
    </>
  ),
  Listener: (
    <>
      <path d="M4 7.5a8 8 0 0 1 12 0M6.3 10.2a4.8 4.8 0 0 1 7.4 0" />
      <circle cx="10" cy="13.5" r="1.6" />
    </>
  ),
  'Listener rule': <path d="M3 5h14M3 10h9M3 15h5M13.5 12.5l2.5 2.5 2.5-2.5" />,
  'Target group': (
    <>
      <circle cx="10" cy="10" r="7" />
      <circle cx="10" cy="10" r="3.5" />
      <circle cx="10" cy="10" r="0.8" />
    </>
  ),
  'EC2 instance': (
    <>
      <rect x="5" y="5" width="10" height="10" rx="1" />
      <path d="M8 2.5V5M12 2.5V5M8 15v2.5M12 15v2.5M2.5 8H5M2.5 12H5M15 8h2.5M15 12h2.5" />
    </>
  ),
  'Docker bridge': (
    <>
      <path d="M2.5 13h15M5 13V8.5h10V13" />
      <path d="M7.5 8.5V6h5v2.5" />
    </>
  ),
  'Auto Scaling group': (
    <>
      <rect x="6" y="6" width="8" height="8" rx="1" />
      <path d="M2.5 7V2.5H7M13 2.5h4.5V7M17.5 13v4.5H13M7 17.5H2.5V13" />
    </>
  ),
  'EBS volume': (
    <>
      <ellipse cx="10" cy="5" rx="6" ry="2.2" />
      <path d="M4 5v10c0 1.2 2.7 2.2 6 2.2s6-1 6-2.2V5" />
    </>
  ),
}

export function KindIcon({ kind }: { kind: DiagramKind }) {
  return (
    <svg className="cs-diagram-icon" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {ICONS[kind]}
    </svg>
  )
}
