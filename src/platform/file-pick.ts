/**
 * Choosing a spreadsheet on the phone or computer and reading it as base64 (the worker import sheet,
 * docs/accounts.md): in the browser build through a file input; in WeChat through a file from a chat
 * (`chooseMessageFile`, the way a county office passes .xlsx files around) read by the file system manager.
 * Only the worker subpackage imports this module, so it stays out of the main package.
 */
import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  base64: string
}

function browserPick(extension: string): Promise<PickedFile | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = `.${extension}`
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(undefined)
      const reader = new FileReader()
      reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') })
      reader.onerror = () => reject(reader.error)
      reader.readAsDataURL(file)
    }
    document.body.appendChild(input)
    input.click()
  })
}

async function weappPick(extension: string): Promise<PickedFile | undefined> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [extension] })
  } catch {
    return undefined // cancelled
  }
  const file = chosen.tempFiles[0]
  if (!file) return undefined
  const data = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
  return { name: file.name, base64: data }
}

/** A file of this extension chosen by the person, or undefined when they cancelled. */
export function pickFile(extension: string): Promise<PickedFile | undefined> {
  return process.env.TARO_ENV === 'h5' ? browserPick(extension) : weappPick(extension)
}
