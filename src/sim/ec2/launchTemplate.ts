import { AwsError, ec2Id, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import type { Tag } from './state.ts'

/** The parts of a launch template's data (and of RunInstances) the sandbox uses: the same member names in both. */
export interface LaunchTemplateData {
  ImageId?: string
  InstanceType?: string
  KeyName?: string
  /** Base64, as given: a launch template's user data is not encoded by the CLI (fidelity §7b). */
  UserData?: string
  SecurityGroupIds?: string[]
  SecurityGroups?: string[]
  IamInstanceProfile?: { Name?: string; Arn?: string }
  TagSpecifications?: { ResourceType?: string; Tags?: Tag[] }[]
  NetworkInterfaces?: { DeviceIndex?: number; SubnetId?: string; Groups?: string[]; AssociatePublicIpAddress?: boolean }[]
}

/** LaunchTemplate (times as epoch ms). */
export interface LaunchTemplate {
  LaunchTemplateId: string
  LaunchTemplateName: string
  CreateTime: number
  CreatedBy: string
  DefaultVersionNumber: number
  LatestVersionNumber: number
  Tags: Tag[]
}

export interface LaunchTemplateVersion {
  LaunchTemplateId: string
  LaunchTemplateName: string
  VersionNumber: number
  VersionDescription?: string
  CreateTime: number
  CreatedBy: string
  DefaultVersion: boolean
  LaunchTemplateData: LaunchTemplateData
}

interface TemplateRef {
  LaunchTemplateId?: string
  LaunchTemplateName?: string
}

/**
 * Errors as EC2 words them (EC2 API Reference, "Error codes": InvalidLaunchTemplateId.NotFound,
 * InvalidLaunchTemplateName.NotFoundException, InvalidLaunchTemplateId.VersionNotFound,
 * InvalidLaunchTemplateName.AlreadyExistsException). The exact sentences are close to what SDK users report, not verified.
 */
function findTemplate(ctx: SimContext, ref: TemplateRef): LaunchTemplate {
  const { launchTemplates } = ctx.world.ec2
  if (ref.LaunchTemplateId !== undefined) {
    const found = ownEntry(launchTemplates, ref.LaunchTemplateId)
    if (!found) throw new AwsError('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${ref.LaunchTemplateId}, does not exist.`)
    return found
  }
  if (ref.LaunchTemplateName !== undefined) {
    const found = Object.values(launchTemplates).find((t) => t.LaunchTemplateName === ref.LaunchTemplateName)
    if (!found) throw new AwsError('InvalidLaunchTemplateName.NotFoundException', `At least one of the launch templates specified in the request does not exist.`)
    return found
  }
  throw new AwsError('MissingParameter', 'The request must contain the parameter LaunchTemplateName or LaunchTemplateId')
}

/** `$Latest`, `$Default` or a number (EC2 API Reference, LaunchTemplateSpecification.Version; default `$Default`). */
function findVersion(ctx: SimContext, template: LaunchTemplate, version: string | undefined): LaunchTemplateVersion {
  const versions = ctx.world.ec2.launchTemplateVersions[template.LaunchTemplateId] ?? []
  const wanted = version === undefined || version === '$Default' ? template.DefaultVersionNumber : version === '$Latest' ? template.LatestVersionNumber : Number(version)
  const found = versions.find((v) => v.VersionNumber === wanted)
  if (!found) throw new AwsError('InvalidLaunchTemplateId.VersionNotFound', `Could not find launch template version ${String(version)} for launch template ${template.LaunchTemplateId}.`)
  return found
}

/** What RunInstances launches from: the version's data, and which template and version it was. */
export function resolveLaunchTemplate(ctx: SimContext, spec: TemplateRef & { Version?: string }): { data: LaunchTemplateData; LaunchTemplateId: string; VersionNumber: number } {
  const template = findTemplate(ctx, spec)
  const version = findVersion(ctx, template, spec.Version)
  return { data: version.LaunchTemplateData, LaunchTemplateId: template.LaunchTemplateId, VersionNumber: version.VersionNumber }
}

/** Launch template names: 3–128 characters of letters, digits and `()./_-` (EC2 API Reference, CreateLaunchTemplate). */
const TEMPLATE_NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/

export const createLaunchTemplate = handler((ctx, input: { LaunchTemplateName: string; VersionDescription?: string; LaunchTemplateData: LaunchTemplateData; TagSpecifications?: { ResourceType?: string; Tags?: Tag[] }[] }) => {
  const name = input.LaunchTemplateName
  if (!TEMPLATE_NAME.test(name)) throw new AwsError('InvalidLaunchTemplateName.MalformedException', 'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.\'')
  if (Object.values(ctx.world.ec2.launchTemplates).some((t) => t.LaunchTemplateName === name))
    throw new AwsError('InvalidLaunchTemplateName.AlreadyExistsException', `Launch template name already in use.`)
  checkTemplateData(input.LaunchTemplateData)
  const template: LaunchTemplate = {
    LaunchTemplateId: ec2Id(ctx.rng, 'lt'),
    LaunchTemplateName: name,
    CreateTime: ctx.now(),
    CreatedBy: ctx.world.iam.user.Arn,
    DefaultVersionNumber: 1,
    LatestVersionNumber: 1,
    Tags: (input.TagSpecifications ?? []).filter((t) => t.ResourceType === 'launch-template').flatMap((t) => t.Tags ?? []),
  }
  ctx.world.ec2.launchTemplates[template.LaunchTemplateId] = template
  ctx.world.ec2.launchTemplateVersions[template.LaunchTemplateId] = [newVersion(ctx, template, 1, input.LaunchTemplateData, input.VersionDescription, true)]
  ctx.log(template.LaunchTemplateId, { kind: 'resource.created', type: 'AWS::EC2::LaunchTemplate', detail: `${name}, version 1` })
  return { LaunchTemplate: template }
})

function newVersion(ctx: SimContext, template: LaunchTemplate, number: number, data: LaunchTemplateData, description: string | undefined, isDefault: boolean): LaunchTemplateVersion {
  return {
    LaunchTemplateId: template.LaunchTemplateId,
    LaunchTemplateName: template.LaunchTemplateName,
    VersionNumber: number,
    ...(description !== undefined ? { VersionDescription: description } : {}),
    CreateTime: ctx.now(),
    CreatedBy: template.CreatedBy,
    DefaultVersion: isDefault,
    LaunchTemplateData: data,
  }
}

/** A template's user data must already be base64 (the CLI does not encode it, unlike RunInstances' --user-data). */
function checkTemplateData(data: LaunchTemplateData): void {
  const ud = data.UserData
  if (ud !== undefined && (!/^[A-Za-z0-9+/]*={0,2}$/.test(ud) || ud.length % 4 !== 0))
    throw new AwsError('InvalidUserData.Malformed', 'Invalid BASE64 encoding of user data.')
}

/** CreateLaunchTemplateVersion: with `--source-version`, the new data is laid over that version's data. */
export const createLaunchTemplateVersion = handler((ctx, input: TemplateRef & { SourceVersion?: string; VersionDescription?: string; LaunchTemplateData: LaunchTemplateData }) => {
  const template = findTemplate(ctx, input)
  const base = input.SourceVersion !== undefined ? findVersion(ctx, template, input.SourceVersion).LaunchTemplateData : {}
  const data = { ...base, ...input.LaunchTemplateData }
  checkTemplateData(data)
  const number = template.LatestVersionNumber + 1
  const version = newVersion(ctx, template, number, data, input.VersionDescription, false)
  ctx.world.ec2.launchTemplateVersions[template.LaunchTemplateId].push(version)
  template.LatestVersionNumber = number
  ctx.log(template.LaunchTemplateId, { kind: 'resource.modified', type: 'AWS::EC2::LaunchTemplate', detail: `version ${number} created${input.SourceVersion ? ` from version ${input.SourceVersion}` : ''}` })
  return { LaunchTemplateVersion: version }
})

export const describeLaunchTemplates = handler((ctx, input: { LaunchTemplateIds?: string[]; LaunchTemplateNames?: string[] }) => {
  const ids = (input.LaunchTemplateIds ?? []).map((LaunchTemplateId) => findTemplate(ctx, { LaunchTemplateId }))
  const names = (input.LaunchTemplateNames ?? []).map((LaunchTemplateName) => findTemplate(ctx, { LaunchTemplateName }))
  const picked = ids.length || names.length ? [...ids, ...names] : Object.values(ctx.world.ec2.launchTemplates)
  return { LaunchTemplates: picked }
})

export const describeLaunchTemplateVersions = handler((ctx, input: TemplateRef & { Versions?: string[] }) => {
  const template = findTemplate(ctx, input)
  const versions = input.Versions?.length
    ? input.Versions.map((v) => findVersion(ctx, template, v))
    : [...(ctx.world.ec2.launchTemplateVersions[template.LaunchTemplateId] ?? [])].reverse()
  return { LaunchTemplateVersions: versions }
})

/** ModifyLaunchTemplate `--default-version`: which version `$Default` (and a launch without a version) uses. */
export const modifyLaunchTemplate = handler((ctx, input: TemplateRef & { DefaultVersion?: string }) => {
  const template = findTemplate(ctx, input)
  if (input.DefaultVersion !== undefined) {
    const version = findVersion(ctx, template, input.DefaultVersion)
    for (const v of ctx.world.ec2.launchTemplateVersions[template.LaunchTemplateId]) v.DefaultVersion = v === version
    template.DefaultVersionNumber = version.VersionNumber
    ctx.log(template.LaunchTemplateId, { kind: 'resource.modified', type: 'AWS::EC2::LaunchTemplate', detail: `default version ${version.VersionNumber}` })
  }
  return { LaunchTemplate: template }
})
