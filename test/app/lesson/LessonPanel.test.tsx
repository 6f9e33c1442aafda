// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import { LessonPanel, MarkdownView, renderMarkdown } from '../../../src/app/lesson/index.ts'

afterEach(cleanup)

describe('LessonPanel', () => {
  it('renders the welcome page with headings and commands as code blocks', () => {
    const { container } = render(<LessonPanel />)
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Container Sandbox' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Commands to try' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Keyboard tips' })).toBeInTheDocument()
    const blocks = [...container.querySelectorAll('pre > code')].map((c) => c.textContent).join('\n')
    for (const cmd of [
      'aws --version',
      'aws sts get-caller-identity',
      'aws ec2 describe-vpcs',
      "aws ec2 describe-subnets --query 'Subnets[].[SubnetId,AvailabilityZone]' --output text",
      'aws ecr describe-repositories',
      'cat fargate-container.json',
    ]) {
      expect(blocks).toContain(cmd)
    }
    expect(screen.getByRole('table')).toHaveTextContent('Shift+Enter')
  })

  it('opens links in a new tab without access to this page', () => {
    render(<LessonPanel />)
    const link = screen.getByRole('link', { name: 'Amazon ECS Developer Guide' })
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })
})

describe('MarkdownView', () => {
  it('shows raw HTML in Markdown as text, never as elements', () => {
    const source = [
      '# Title',
      '',
      '<script>window.pwned = true</script>',
      '',
      'Inline <img src=x onerror="window.pwned = true"> here',
      '',
      '<a href="javascript:alert(1)">click</a> and [bad](javascript:alert(1))',
    ].join('\n')
    const { container } = render(<MarkdownView source={source} />)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('[onerror]')).toBeNull()
    expect(container.querySelector('a[href^="javascript"]')).toBeNull()
    expect(container).toHaveTextContent('<script>window.pwned = true</script>')
    expect(container).toHaveTextContent('<img src=x onerror="window.pwned = true">')
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined()
  })

  it('links bare URLs', () => {
    expect(renderMarkdown('See https://example.com')).toContain(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">https://example.com</a>',
    )
  })
})
