/**
 * Finds Guangdong village names (server/data/gd-villages.json, names of 4+ characters) in a text.
 * The village list must stay on the server; the size check and the build tests use this to make sure none
 * of it reaches the main package. The weapp build writes Chinese as \uXXXX escapes: they are decoded first.
 */
import { readFileSync } from 'node:fs'

/** Village names of 4+ characters (shorter ones also occur as ordinary words). */
export function loadVillageNames(villagesFile) {
  const villages = JSON.parse(readFileSync(villagesFile, 'utf8'))
  return new Set(
    Object.values(villages)
      .flatMap((list) => list.map(([, name]) => name))
      .filter((n) => n.length >= 4),
  )
}

/** \uXXXX escapes (minified JS uses them) decoded to characters. */
export function decodeUnicodeEscapes(raw) {
  return raw.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
}

/** Returns text → village names found in it (distinct, in order of first occurrence). */
export function villageScanner(names) {
  const lengths = [...new Set([...names].map((n) => n.length))].sort((a, b) => a - b)
  const firstChars = new Set([...names].map((n) => n[0]))
  return (raw) => {
    const text = decodeUnicodeEscapes(raw)
    const found = new Set()
    for (let i = 0; i < text.length; i++) {
      if (!firstChars.has(text[i])) continue // most of a bundle is ASCII: skip it cheaply
      for (const len of lengths) {
        const window = text.slice(i, i + len)
        if (window.length < len) break
        if (names.has(window)) found.add(window)
      }
    }
    return [...found]
  }
}
