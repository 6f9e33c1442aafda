import type { ServiceSim } from '../context.ts'
import {
  describeAvailabilityZones,
  describeInternetGateways,
  describeNetworkInterfaces,
  describeRouteTables,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
} from './describe.ts'
import { createVpc, vpcStep } from './vpcs.ts'
import { describeImages, describeInstanceAttribute, describeInstances, describeInstanceStatus, describeInstanceTypes } from './describeInstances.ts'
import { instanceForget, instanceStep } from './instance.ts'
import { startInstances, stopInstances, terminateInstances } from './instanceOps.ts'
import { instanceRebooted, rebootInstances } from './reboot.ts'
import { createKeyPair, deleteKeyPair, describeKeyPairs } from './keyPairs.ts'
import { createLaunchTemplate, createLaunchTemplateVersion, describeLaunchTemplates, describeLaunchTemplateVersions, modifyLaunchTemplate } from './launchTemplate.ts'
import { runInstances } from './runInstances.ts'
import { settleBilling } from '../pricing/meter.ts'
import { describeVolumesModifications, modificationStep, modifyVolume } from './modifyVolume.ts'
import { copySnapshot, createSnapshot, deleteSnapshot, describeSnapshots, snapshotStep } from './snapshots.ts'
import { attachmentStep, attachVolume, detachVolume } from './volumeAttachments.ts'
import { createVolume, deleteVolume, describeVolumes, volumeStep } from './volumes.ts'
import {
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
} from './securityGroupOps.ts'
import { describeSecurityGroupRules } from './securityGroupRules.ts'
import { createSubnet, deleteSubnet } from './subnets.ts'

export type { Ec2State } from './state.ts'
export type { Instance, InstanceData } from './instance.ts'
export { INSTANCE_STATES, STATE_CODES, INSTANCE_TIMINGS, type InstanceStateName } from './instance.machine.ts'
export { IMAGES, imageFacts, type ImageFacts } from './images.ts'
export { INSTANCE_TYPES, instanceTypeFacts, type InstanceTypeFacts } from './instanceTypes.ts'
export { userDataText } from './userData.ts'
export { instanceHost, type InstanceHost } from './hostView.ts'
export { isRebooting } from './reboot.ts'
export { impairedSince, impairInstance } from './statusChecks.ts'
export type { Volume, VolumeAttachment } from './volumes.ts'
export type { Snapshot } from './snapshots.ts'
export { cidrContains, usableAddressCount } from './cidr.ts'
export { attachNetworkInterface, createNetworkInterface, deleteNetworkInterface, hasInternetRoute } from './networkInterfaces.ts'

/** EC2 as far as the course needs it: the VPC and its network, keyed by the model's operation names. */
export const ec2: ServiceSim = {
  operations: {
    DescribeVpcs: describeVpcs,
    DescribeSubnets: describeSubnets,
    DescribeSecurityGroups: describeSecurityGroups,
    DescribeInternetGateways: describeInternetGateways,
    DescribeRouteTables: describeRouteTables,
    DescribeNetworkInterfaces: describeNetworkInterfaces,
    DescribeAvailabilityZones: describeAvailabilityZones,
    CreateVpc: createVpc,
    CreateSecurityGroup: createSecurityGroup,
    DeleteSecurityGroup: deleteSecurityGroup,
    AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
    RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
    AuthorizeSecurityGroupEgress: authorizeSecurityGroupEgress,
    RevokeSecurityGroupEgress: revokeSecurityGroupEgress,
    DescribeSecurityGroupRules: describeSecurityGroupRules,
    CreateSubnet: createSubnet,
    DeleteSubnet: deleteSubnet,
    RunInstances: runInstances,
    DescribeInstances: describeInstances,
    DescribeInstanceStatus: describeInstanceStatus,
    DescribeInstanceAttribute: describeInstanceAttribute,
    StopInstances: stopInstances,
    StartInstances: startInstances,
    TerminateInstances: terminateInstances,
    RebootInstances: rebootInstances,
    DescribeImages: describeImages,
    DescribeInstanceTypes: describeInstanceTypes,
    CreateLaunchTemplate: createLaunchTemplate,
    CreateLaunchTemplateVersion: createLaunchTemplateVersion,
    DescribeLaunchTemplates: describeLaunchTemplates,
    DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
    ModifyLaunchTemplate: modifyLaunchTemplate,
    CreateKeyPair: createKeyPair,
    DescribeKeyPairs: describeKeyPairs,
    DeleteKeyPair: deleteKeyPair,
    CreateVolume: createVolume,
    DescribeVolumes: describeVolumes,
    AttachVolume: attachVolume,
    DetachVolume: detachVolume,
    DeleteVolume: deleteVolume,
    CreateSnapshot: createSnapshot,
    DescribeSnapshots: describeSnapshots,
    CopySnapshot: copySnapshot,
    DeleteSnapshot: deleteSnapshot,
    ModifyVolume: modifyVolume,
    DescribeVolumesModifications: describeVolumesModifications,
  },
  notes: {
    RebootInstances:
      'the operating system restarts in about 15 seconds; on an ECS container instance the containers exit (137) and their tasks ' +
      'show STOPPED as the reboot begins, where ECS learns of it only when its agent connects again, about a minute after the boot.',
    RunInstances:
      'every instance type is offered in every Availability Zone (on AWS some types are not offered in some zones), ' +
      'instances get their image\'s root volume only (no further block device mappings), status checks pass as soon as an instance runs (until `drill impair-instance` fails them), and only the ECS-optimized and plain ' +
      'Amazon Linux 2023 images exist (aws ec2 describe-images --owners amazon).',
  },
  timers: { 'ec2.vpc.step': vpcStep, 'ec2.instance.step': instanceStep, 'ec2.instance.forget': instanceForget, 'ec2.instance.rebooted': instanceRebooted,
    'ec2.volume.step': volumeStep, 'ec2.volume.attachment': attachmentStep, 'ec2.snapshot.step': snapshotStep, 'ec2.volume.modification': modificationStep,
    'ec2.billing.settle': settleBilling,
  },
}
