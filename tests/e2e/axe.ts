/**
 * axe-core (https://github.com/dequelabs/axe-core) on a page as it is now. The H5 build's CSP allows no
 * inline script, so the library is evaluated through the DevTools protocol (page.evaluate), which a page's
 * CSP does not govern. `checkA11y` fails with every serious or critical violation, its rule and nodes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from './harness'

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { html: string; target: string[] }[]
}

/** Every violation axe finds on the page (WCAG 2.x A and AA rules and axe's best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as any).axe === 'object')
  if (!loaded) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ html: String(n.html).slice(0, 300), target: n.target })),
    }))
  })
}

/** Screens checked so far and what axe found on each (serious and critical ones fail the test). */
export const checked: { screen: string; minor: number; moderate: number }[] = []

/**
 * `taroPageScroll: 'known'`: a long page of the H5 build scrolls inside Taro's own page container (div.taro_page),
 * which axe reports as a scrollable region without keyboard access (scrollable-region-focusable, serious; the
 * known gap a11y.test.ts names for a record's page). With this option that finding, on that container alone,
 * is counted apart instead of failing; every other finding still fails.
 */
export async function checkA11y(page: Page, screen: string, options: { taroPageScroll?: 'known' } = {}): Promise<void> {
  const violations = await axeViolations(page)
  const taroScroll = (v: AxeViolation) =>
    v.id === 'scrollable-region-focusable' && v.nodes.every((n) => /^<div id="[^"]*" class="taro_page\b/.test(n.html))
  const blocking = violations.filter(
    (v) => (v.impact === 'serious' || v.impact === 'critical') && !(options.taroPageScroll === 'known' && taroScroll(v)),
  )
  checked.push({
    screen,
    minor: violations.filter((v) => v.impact === 'minor').length,
    moderate: violations.filter((v) => v.impact === 'moderate').length,
  })
  if (blocking.length > 0) {
    const lines = blocking.map((v) => `${v.impact} ${v.id} (${v.help}):\n  ${v.nodes.map((n) => n.html).join('\n  ')}`)
    throw new Error(`axe on ${screen}: ${blocking.length} serious/critical violations\n${lines.join('\n')}`)
  }
}
