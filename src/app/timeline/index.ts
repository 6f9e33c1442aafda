export { TimelineBar, TimelineToggle, inputLabel, TIMELINE_LIST_LIMIT } from './TimelineBar.tsx'
export { TimelineCursor, TIMELINE_CHECKPOINTS } from './cursor.ts'
export { useTimelineOpen } from './timelineOpen.ts'
