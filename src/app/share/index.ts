export { decodeShare, encodeShare, compactInputs, isShareFragment, SHARE_LIMITS, SHARE_PREFIX, SHARE_VERSION, type DecodedShare, type SharedSession } from './shareLink.ts'
export { useShareLinkOpener } from './useShareLinkOpener.ts'
export { OpenErrorBanner } from './OpenErrorBanner.tsx'
export { SharePanel, currentLesson } from './SharePanel.tsx'
