/** Times as a worker reads them: China time, to the minute. */
const pad = (n: number) => String(n).padStart(2, '0')

/** '2026-11-28T08:26:57.850Z' → '2026-11-28 16:26' (UTC+8, whatever the phone's time zone). */
export function chinaTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
