import { secgroupSimplify } from './secgroupSimplify.ts'
import type { Customization } from './types.ts'

export type { Customization } from './types.ts'

/** Keyed by `<service>.<cli operation>`, as awscli registers its customizations. */
export const CUSTOMIZATIONS: Readonly<Record<string, Customization>> = {
  'ec2.authorize-security-group-ingress': secgroupSimplify,
  'ec2.authorize-security-group-egress': secgroupSimplify,
  'ec2.revoke-security-group-ingress': secgroupSimplify,
  'ec2.revoke-security-group-egress': secgroupSimplify,
}
