/**
 * Downloading a file the server makes (the roster 花名册 as .xlsx, a record's printed forms as PDF) and handing it to the person: in the
 * browser build it is saved through a link with `download`; in WeChat it is downloaded to a temporary
 * file and opened with the system's document viewer (from where it can be forwarded or saved). The
 * request carries the same headers as an API call, so the file never sits at an unauthenticated URL.
 * Only the worker subpackage imports this module, so it stays out of the main package.
 */
import Taro from '@tarojs/taro'
import { apiUrl, RequestError } from './request'

export interface DownloadRequest {
  path: string
  header: Record<string, string>
  /** The name to save under in the browser (WeChat names its temporary files itself). */
  filename: string
  /** What WeChat's document viewer is told it opens. */
  fileType: 'xlsx' | 'pdf'
}

export type Downloader = (request: DownloadRequest) => Promise<void>

async function browserDownload({ path, header, filename }: DownloadRequest) {
  let response: Response
  try {
    response = await fetch(apiUrl(path), { headers: header })
  } catch (error) {
    throw new RequestError('offline', error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) {
    const data = await response.json().catch(() => undefined)
    throw new RequestError('http', `HTTP ${response.status}`, response.status, data)
  }
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The click has started the save; the object URL can go once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

async function weappDownload({ path, header, fileType }: DownloadRequest) {
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url: apiUrl(path), header })
  } catch (error) {
    throw new RequestError('offline', String((error as { errMsg?: string })?.errMsg ?? error))
  }
  if (result.statusCode !== 200) throw new RequestError('http', `HTTP ${result.statusCode}`, result.statusCode)
  await Taro.openDocument({ filePath: result.tempFilePath, fileType, showMenu: true })
}

let downloader: Downloader = process.env.TARO_ENV === 'h5' ? browserDownload : weappDownload

/** Replaces the downloader (tests); returns a function that puts the previous one back. */
export function setDownloader(next: Downloader): () => void {
  const previous = downloader
  downloader = next
  return () => {
    downloader = previous
  }
}

export function downloadFile(request: DownloadRequest): Promise<void> {
  return downloader(request)
}
