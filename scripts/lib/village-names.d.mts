export function loadVillageNames(villagesFile: string): Set<string>
export function decodeUnicodeEscapes(raw: string): string
export function villageScanner(names: Set<string>): (text: string) => string[]
