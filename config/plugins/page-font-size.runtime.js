// Runtime half of page-font-size.js: the same attribute in the runtime's component table.
import { mergeInternalComponents } from '@tarojs/shared'

mergeInternalComponents({ PageMeta: { 'page-font-size': "''" } })
