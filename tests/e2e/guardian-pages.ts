/**
 * What the e2e tests need of the guardian's phone besides its pages (the wizard is driven through
 * tests/e2e/by-label.ts): the storage the H5 build keeps, and valid ID numbers to type.
 */
import type { Page } from 'playwright-core'

/** The phone's storage as the H5 build keeps it: Taro wraps each value as {"data": …} in localStorage. */
export async function phoneStorage(page: Page, key: string): Promise<any> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key)
  if (!raw) return undefined
  const data = JSON.parse(raw)?.data
  return typeof data === 'string' ? JSON.parse(data) : data
}

/** A valid 18-digit ID number (GB 11643 check digit) for a birth date and a sequence number. */
export function idNumber(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth.replace(/-/g, '')}${sequence}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}
